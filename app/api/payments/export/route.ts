import { downloadRoute } from "@/server/api/download-route";
import { exportPayments } from "@/server/services/payment-export";

export const dynamic = "force-dynamic";

/** 导出还款记录: GET ?format=csv|xlsx → the signed-in borrower's payment history. */
export const GET = downloadRoute("还款记录", (db, user, format, today) => exportPayments(db, user, format, today));
