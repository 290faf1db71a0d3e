import { asc } from "drizzle-orm";
import type { LprFixing } from "@/server/domain/legal";
import { Dec } from "@/server/domain/money";
import type { Executor } from "../client";
import { lprRates } from "../schema";

/** The one-year LPR history, oldest first, as fractions (3.00% → 0.03). */
export async function listLprFixings(db: Executor): Promise<LprFixing[]> {
  const rows = await db.select().from(lprRates).orderBy(asc(lprRates.effectiveDate));
  return rows.map((r) => ({ effectiveDate: r.effectiveDate, oneYear: new Dec(r.oneYearPercent).dividedBy(100) }));
}
