import fs from "node:fs";
import path from "node:path";
import type { Database } from "../client";
import { lprRates } from "../schema";

const LPR_CSV = path.join(process.cwd(), "db", "reference", "lpr.csv");

/** Loads the LPR history from db/reference/lpr.csv into `lpr_rates`; rows already there are kept. */
export async function syncReferenceData(db: Database): Promise<void> {
  const rows = fs
    .readFileSync(LPR_CSV, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [effectiveDate = "", oneYearPercent = "", fiveYearPercent = ""] = line.split(",");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate) || !oneYearPercent || !fiveYearPercent) {
        throw new Error(`db/reference/lpr.csv: malformed line "${line}"`);
      }
      return { effectiveDate, oneYearPercent, fiveYearPercent };
    });
  if (rows.length) await db.insert(lprRates).values(rows).onConflictDoNothing();
}
