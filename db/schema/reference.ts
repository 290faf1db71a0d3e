import { date, numeric, pgTable } from "drizzle-orm/pg-core";

/** 贷款市场报价利率: one row per fixing, from db/reference/lpr.csv. Rates in percent (3.00 = 3%). */
export const lprRates = pgTable("lpr_rates", {
  effectiveDate: date("effective_date").primaryKey(),
  oneYearPercent: numeric("one_year_percent", { precision: 6, scale: 3 }).notNull(),
  fiveYearPercent: numeric("five_year_percent", { precision: 6, scale: 3 }).notNull(),
});
