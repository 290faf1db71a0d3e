import { downloadRoute } from "@/server/api/download-route";
import { exportDebtList } from "@/server/services/debt-transfer";

export const dynamic = "force-dynamic";

/** 导出债务清单: GET ?format=csv|xlsx → the signed-in borrower's own list as a download. */
export const GET = downloadRoute("债务清单", (db, user, format, today) => exportDebtList(db, user, format, today));
