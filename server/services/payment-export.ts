/**
 * 导出: the payment history and each debt's month-by-month schedule from the saved plan, as CSV
 * (UTF-8 with BOM) or Excel, through the same writers as the debt list.
 */
import type { Database } from "@/db/client";
import type { SessionUser } from "@/server/auth/session";
import { requireOwnCase } from "@/server/access/case-access";
import { AppError } from "@/server/errors";
import { CONTENT_TYPE, toCsv, toXlsx, type DownloadFile, type OutTable, type TransferFormat } from "./debt-transfer";
import { paymentHistory } from "./payments";
import { planOverview, type PlanOverview } from "./plan";

async function fileOf(
  table: OutTable,
  format: TransferFormat,
  names: { sheet: string; fileName: string; asciiFileName: string },
): Promise<DownloadFile> {
  const body = format === "csv" ? toCsv(table) : await toXlsx(table, undefined, names.sheet);
  return {
    body,
    fileName: `${names.fileName}.${format}`,
    asciiFileName: `${names.asciiFileName}.${format}`,
    contentType: CONTENT_TYPE[format],
  };
}

/** 还款记录: one row per payment, oldest first. */
export async function exportPayments(
  db: Database,
  user: SessionUser,
  format: TransferFormat,
  today: string,
): Promise<DownloadFile> {
  const own = await requireOwnCase(db, user);
  const history = await paymentHistory(db, own.caseId, today);
  const table: OutTable = {
    headers: ["还款日期", "平台或出借人", "金额（元）", "备注", "是否结清"],
    rows: history.payments
      .slice()
      .reverse()
      .map((p) => [
        { date: p.paidOn },
        { text: p.platform },
        { amount: p.amount },
        { text: p.note },
        { text: p.settledDebt ? "这笔还款结清了债务" : "" },
      ]),
  };
  return fileOf(table, format, {
    sheet: "还款记录",
    fileName: `还款记录-${today}`,
    asciiFileName: `payments-${today}`,
  });
}

/** The schedule as a table: one row per debt and month (all debts, or one). */
export function scheduleTable(plan: PlanOverview, debtId?: string): OutTable {
  const result = plan.result;
  if (result.status !== "ok") {
    throw new AppError(
      "BAD_INPUT",
      result.status === "noDebts"
        ? "目前没有需要还的债务，没有还款计划表可以导出。"
        : "当前的计划还不能还清，先在还款计划里调整每月还款额，再导出计划表。",
    );
  }
  const perDebt = debtId ? result.perDebt.filter((d) => d.debtId === debtId) : result.perDebt;
  if (perDebt.length === 0) throw new AppError("NOT_FOUND", "这笔债务不在当前的还款计划里（可能已结清、暂停或归档）。");
  return {
    headers: ["月份", "平台或出借人", "阶段", "月初余额", "减免", "利息", "应还", "计划还款", "未还足", "月末余额"],
    rows: perDebt.flatMap((d) =>
      d.rows.map((r) => [
        { text: r.month },
        { text: d.label },
        { text: r.phaseLabel },
        { amount: r.openingBalance },
        { amount: r.discount },
        { amount: r.interest },
        { amount: r.due },
        { amount: r.payment },
        { amount: r.missed },
        { amount: r.balance },
      ]),
    ),
  };
}

/** 还款计划表: the saved plan's month-by-month schedule, recomputed from today's balances. */
export async function exportSchedule(
  db: Database,
  user: SessionUser,
  format: TransferFormat,
  today: string,
  debtId?: string,
): Promise<DownloadFile> {
  const own = await requireOwnCase(db, user);
  const table = scheduleTable(await planOverview(db, own.caseId, today), debtId);
  return fileOf(table, format, {
    sheet: "还款计划表",
    fileName: `还款计划表-${today}`,
    asciiFileName: `repayment-schedule-${today}`,
  });
}
