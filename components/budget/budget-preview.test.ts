import { describe, expect, it } from "vitest";
import { budgetPreview } from "./budget-preview";

describe("the budget form's running totals", () => {
  it("adds the valid amounts exactly and skips blank and unreadable ones", () => {
    expect(
      budgetPreview([
        { amount: "7,000", type: "income" },
        { amount: "2000.5", type: "essential" },
        { amount: "0.1", type: "discretionary" },
        { amount: "0.2", type: "discretionary" },
        { amount: "三百", type: "savings" },
        { amount: "", type: "income" },
      ]),
    ).toEqual({ income: "¥7,000.00", spending: "¥2,000.80", left: { kind: "capacity", amount: "¥4,999.20" } });
  });

  it("says how large the monthly shortfall is when spending is higher", () => {
    expect(
      budgetPreview([
        { amount: "3000", type: "income" },
        { amount: "3200.01", type: "essential" },
      ]).left,
    ).toEqual({ kind: "shortfall", amount: "¥200.01" });
    expect(budgetPreview([]).left).toEqual({ kind: "capacity", amount: "¥0.00" });
  });
});
