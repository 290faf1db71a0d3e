import { describe, expect, it } from "vitest";
import type { ProgressHistory } from "@/server/services/progress";
import { projectionMove } from "./projection-move";

function plan(
  debtFreeMonth: string | null,
  previous: ProgressHistory["plan"]["previous"],
  movedMonths: number | null,
): ProgressHistory["plan"] {
  return {
    status: debtFreeMonth ? "ok" : "neverFinishes",
    saved: true,
    debtFreeMonth,
    previous,
    movedMonths,
    monthCount: null,
    totalDiscount: null,
    interestSaved: null,
    monthsSaved: null,
    monthsShown: 0,
  };
}

describe("projectionMove: how the debt-free month moved since an earlier month", () => {
  it("says nothing before there is an earlier projection", () => {
    expect(projectionMove(plan("2027-06", null, null))).toBeNull();
  });

  it("names the month compared with and the direction", () => {
    expect(projectionMove(plan("2027-04", { recordedIn: "2026-10", debtFreeMonth: "2027-06" }, -2))).toBe(
      "比2026年10月的预计提前了 2 个月",
    );
    expect(projectionMove(plan("2027-07", { recordedIn: "2026-10", debtFreeMonth: "2027-06" }, 1))).toBe(
      "比2026年10月的预计推迟了 1 个月",
    );
    expect(projectionMove(plan("2027-06", { recordedIn: "2026-09", debtFreeMonth: "2027-06" }, 0))).toBe(
      "比2026年9月的预计：没有变化",
    );
  });

  it("explains a plan that started or stopped finishing", () => {
    expect(projectionMove(plan("2027-06", { recordedIn: "2026-10", debtFreeMonth: null }, null))).toBe(
      "比2026年10月的预计：之前还不完，现在能还完了",
    );
    expect(projectionMove(plan(null, { recordedIn: "2026-10", debtFreeMonth: "2027-06" }, null))).toBe(
      "比2026年10月的预计（2027年6月）：现在还不完了",
    );
    expect(projectionMove(plan(null, { recordedIn: "2026-10", debtFreeMonth: null }, null))).toBeNull();
  });
});
