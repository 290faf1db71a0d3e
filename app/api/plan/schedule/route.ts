import { downloadRoute } from "@/server/api/download-route";
import { AppError } from "@/server/errors";
import { exportSchedule } from "@/server/services/payment-export";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 导出还款计划表: GET ?format=csv|xlsx[&debtId=…] → the saved plan's month-by-month schedule. */
export const GET = downloadRoute("还款计划表", (db, user, format, today, request) => {
  const debtId = request.nextUrl.searchParams.get("debtId") ?? undefined;
  if (debtId !== undefined && !UUID.test(debtId)) {
    return Promise.reject(new AppError("NOT_FOUND", "这笔债务不在当前的还款计划里（可能已结清、暂停或归档）。"));
  }
  return exportSchedule(db, user, format, today, debtId);
});
