import { describe, expect, it } from "vitest";
import {
  addMonthsClamped,
  addYearsClamped,
  balanceAtEndOfMonths,
  checkNewBorrowing,
  CREDIT_REPAIR_SCAM_WARNING,
  creditMilestones,
  emergencyFundProgress,
  habitStreak,
  monthOfDay,
  monthsBetween,
  monthSpan,
  owedAtEndOfMonths,
  paidPerMonth,
  REBUILD_CHECKLIST,
  REBUILD_CHECKLIST_IDS,
  shanghaiDate,
  shiftMonth,
  wholeMonthsBetween,
} from "./credit";

describe("date arithmetic", () => {
  it.each([
    ["2024-02-29", 5, "2029-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2023-03-01", 5, "2028-03-01"],
    ["2025-12-31", 5, "2030-12-31"],
  ])("%s + %i years = %s", (date, years, expected) => {
    expect(addYearsClamped(date, years)).toBe(expected);
  });

  it.each([
    ["2025-08-31", 6, "2026-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2026-03-31", 6, "2026-09-30"],
    ["2026-10-15", 24, "2028-10-15"],
    ["2026-12-31", -1, "2026-11-30"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it("refuses impossible dates", () => {
    expect(() => addYearsClamped("2025-02-29", 1)).toThrow("日期不存在");
    expect(() => addYearsClamped("2025/01/01", 1)).toThrow("YYYY-MM-DD");
  });
});

describe("creditMilestones", () => {
  const settled = [
    { id: "a", label: "甲平台", settledOn: "2024-02-29" },
    { id: "b", label: "乙信用卡", settledOn: "2025-08-31" },
  ];

  it("per debt: the negative record removal 5 years after settlement and the 24-month milestone, with sources", () => {
    const m = creditMilestones(settled, "2026-11-27");
    const a = m.perDebt[0];
    expect(a?.negativeRecordRemoval.date).toBe("2029-02-28");
    expect(a?.negativeRecordRemoval.source.citation).toBe("《征信业管理条例》第 16 条");
    expect(a?.negativeRecordRemoval.source.mark).toBe("verified");
    expect(a?.negativeRecordRemoval.reached).toBe(false);
    expect(a?.goodRecord24.date).toBe("2026-02-28");
    expect(a?.goodRecord24.reached).toBe(true);
    expect(a?.goodRecord24.source.mark).toBe("ruleOfThumb");
    const b = m.perDebt[1];
    expect(b?.negativeRecordRemoval.date).toBe("2030-08-31");
    expect(b?.goodRecord24.date).toBe("2027-08-31");
  });

  it("the earliest mortgage application is 2 years after the last settlement", () => {
    const m = creditMilestones(settled, "2026-11-27");
    expect(m.lastSettlement).toBe("2025-08-31");
    expect(m.mortgageEarliest?.date).toBe("2027-08-31");
    expect(m.mortgageEarliest?.reached).toBe(false);
    expect(
      creditMilestones([{ id: "a", label: "甲", settledOn: "2024-02-29" }], "2026-11-27").mortgageEarliest?.date,
    ).toBe("2026-02-28");
  });

  it("report checks every 6 months from the first settlement, without drifting at month ends", () => {
    const m = creditMilestones([{ id: "x", label: "甲", settledOn: "2025-08-31" }], "2026-03-01");
    expect(m.reportChecks.slice(0, 4).map((c) => c.date)).toEqual([
      "2026-02-28",
      "2026-08-31",
      "2027-02-28",
      "2027-08-31",
    ]);
    // Until the record should be gone: 2030-08-31 is the 10th check.
    expect(m.reportChecks).toHaveLength(10);
    expect(m.reportChecks.at(-1)?.date).toBe("2030-08-31");
    expect(m.nextReportCheck?.date).toBe("2026-08-31");
    expect(m.reportChecks[0]?.reached).toBe(true);
    expect(m.reportChecks[0]?.source.citation).toBe("《征信业管理条例》第 17 条");
  });

  it("a timeline sorted by date", () => {
    const m = creditMilestones(settled, "2026-11-27");
    const dates = m.timeline.map((x) => x.date);
    expect([...dates].sort()).toEqual(dates);
    expect(m.timeline.filter((x) => x.kind === "negativeRecordRemoval")).toHaveLength(2);
    expect(m.timeline.filter((x) => x.kind === "mortgageEarliest")).toHaveLength(1);
    expect(m.timeline.every((x) => x.source.citation.length > 0)).toBe(true);
  });

  it("no settled debts: no milestones", () => {
    const m = creditMilestones([], "2026-11-27");
    expect(m.timeline).toEqual([]);
    expect(m.mortgageEarliest).toBeNull();
    expect(m.nextReportCheck).toBeNull();
  });
});

describe("emergencyFundProgress", () => {
  it("measures the balance against 3 and 6 months of essentials", () => {
    const p = emergencyFundProgress({ monthlyEssential: "3000", balance: "4500", monthlyContribution: "1000" });
    expect(p.target.min.toFixed(2)).toBe("9000.00");
    expect(p.target.max.toFixed(2)).toBe("18000.00");
    expect(p.progressToMin.toString()).toBe("0.5");
    expect(p.progressToMax.toString()).toBe("0.25");
    expect(p.remainingToMin.toFixed(2)).toBe("4500.00");
    expect(p.monthsToMin).toBe(5);
    expect(p.monthsToMax).toBe(14);
    expect(p.monthsCovered?.toString()).toBe("1.5");
    expect(p.reachedMin).toBe(false);
  });

  it("caps progress at 100% and reports the target reached", () => {
    const p = emergencyFundProgress({ monthlyEssential: "3000", balance: "20000", monthlyContribution: "0" });
    expect(p.progressToMax.toString()).toBe("1");
    expect(p.reachedMax).toBe(true);
    expect(p.remainingToMax.toFixed(2)).toBe("0.00");
    expect(p.monthsToMax).toBe(0);
  });
});

describe("habitStreak", () => {
  it("2026-03-01T15:30Z and 2026-03-01T16:30Z are different Shanghai days", () => {
    expect(shanghaiDate("2026-03-01T15:30Z")).toBe("2026-03-01");
    expect(shanghaiDate("2026-03-01T16:30Z")).toBe("2026-03-02");
    const s = habitStreak(["2026-03-01T15:30Z", "2026-03-01T16:30Z"], "2026-03-02");
    expect(s.current).toBe(2);
    expect(s.longest).toBe(2);
    expect(s.loggedToday).toBe(true);
  });

  it("two entries on the same Shanghai day count once, even on different UTC days", () => {
    // 2026-03-01 23:30 and 2026-03-02 07:00 UTC are both 2026-03-02 in Shanghai.
    const s = habitStreak(["2026-03-01T16:30:00Z", "2026-03-02T07:00:00Z", "2026-03-02T10:00:00+08:00"], "2026-03-02");
    expect(s.current).toBe(1);
    expect(s.lastDay).toBe("2026-03-02");
  });

  it("a gap breaks the streak; the current streak survives until the end of the next day", () => {
    const ts = [
      "2026-03-01T01:00Z",
      "2026-03-02T01:00Z",
      "2026-03-03T01:00Z",
      "2026-03-05T01:00Z",
      "2026-03-06T01:00Z",
    ];
    const yesterday = habitStreak(ts, "2026-03-07");
    expect(yesterday.current).toBe(2);
    expect(yesterday.longest).toBe(3);
    expect(yesterday.loggedToday).toBe(false);
    expect(yesterday.daysToGoal).toBe(64);
    expect(habitStreak(ts, "2026-03-08").current).toBe(0);
    // Entries after today are ignored.
    expect(habitStreak(ts, "2026-03-02").current).toBe(2);
  });

  it("reaches 66 consecutive days across a month end and a leap day", () => {
    const start = Date.UTC(2028, 0, 1, 14, 0); // 22:00 Shanghai on 2028-01-01
    const ts = Array.from({ length: 66 }, (_, k) => new Date(start + k * 86_400_000).toISOString());
    const s = habitStreak(ts, "2028-03-06");
    expect(s.current).toBe(66);
    expect(s.goalReached).toBe(true);
    expect(s.daysToGoal).toBe(0);
    expect(s.source.citation).toContain("66");
  });

  it("refuses timestamps without a time zone", () => {
    expect(() => habitStreak(["2026-03-01T15:30:00"], "2026-03-02")).toThrow("时区");
    expect(habitStreak([], "2026-03-02")).toMatchObject({ current: 0, longest: 0, lastDay: null });
  });
});

describe("checkNewBorrowing", () => {
  it("10.00% from a licensed lender is fine; above 10% is flagged with its source", () => {
    expect(checkNewBorrowing({ annualRate: "0.10", licensed: true })).toEqual({ ok: true, warnings: [] });
    const r = checkNewBorrowing({ annualRate: "0.1001", licensed: true });
    expect(r.ok).toBe(false);
    expect(r.warnings.map((w) => w.code)).toEqual(["rateAboveLimit"]);
    expect(r.warnings[0]?.message).toContain("10.01%");
    expect(r.warnings[0]?.source.mark).toBe("ruleOfThumb");
  });

  it("flags unlicensed and unknown lenders", () => {
    expect(checkNewBorrowing({ annualRate: "0.05", licensed: false }).warnings.map((w) => w.code)).toEqual([
      "unlicensedLender",
    ]);
    expect(checkNewBorrowing({ annualRate: "0.05" }).warnings.map((w) => w.code)).toEqual(["lenderUnknown"]);
  });

  it("explains credit repair scams", () => {
    expect(CREDIT_REPAIR_SCAM_WARNING.text).toContain("不能删除真实的逾期记录");
  });
});

describe("months", () => {
  it("spans months across a year end, both ends included", () => {
    expect(monthSpan("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthSpan("2026-02", "2026-02")).toEqual(["2026-02"]);
    expect(monthSpan("2026-03", "2026-02")).toEqual([]);
  });

  it("shifts months both ways and takes the month of a leap day", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2025-12", 14)).toBe("2027-02");
    expect(monthOfDay("2028-02-29")).toBe("2028-02");
    expect(() => monthOfDay("2027-02-29")).toThrow("日期不存在");
    expect(() => monthSpan("2026-13", "2027-01")).toThrow("YYYY-MM");
  });

  it("counts the months between two months across year ends, negative backwards", () => {
    expect(monthsBetween("2026-11", "2027-02")).toBe(3);
    expect(monthsBetween("2027-02", "2026-11")).toBe(-3);
    expect(monthsBetween("2026-11", "2026-11")).toBe(0);
    expect(monthsBetween("1999-12", "2030-01")).toBe(361);
  });

  it.each([
    ["2026-01-15", "2026-02-14", 0],
    ["2026-01-15", "2026-02-15", 1],
    ["2026-01-31", "2026-02-28", 1],
    ["2028-01-31", "2028-02-28", 0],
    ["2028-01-31", "2028-02-29", 1],
    ["2025-11-27", "2026-11-27", 12],
    ["2025-12-31", "2026-01-30", 0],
    ["2026-11-27", "2026-11-27", 0],
    ["2026-11-27", "2026-10-01", 0],
  ])("whole months from %s to %s: %i", (from, to, expected) => {
    expect(wholeMonthsBetween(from, to)).toBe(expected);
  });
});

describe("progress over time", () => {
  const payments = [
    { on: "2025-12-31", amount: "500.10" },
    { on: "2026-01-01", amount: "300" },
    { on: "2026-01-31", amount: "200.05" },
    { on: "2026-03-15", amount: "1000" },
  ];
  const months = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"];

  it("adds up the payments of each month, exactly, month ends included", () => {
    expect(paidPerMonth(payments, months).map((d) => d.toFixed(2))).toEqual([
      "0.00",
      "500.10",
      "500.05",
      "0.00",
      "1000.00",
      "0.00",
    ]);
  });

  it("rebuilds the balance at each month end from today's balance plus the later payments", () => {
    // Owed today (after all four payments): 4,000. Before any of them: 4,000 + 2,000.15.
    expect(owedAtEndOfMonths("4000", payments, months).map((d) => d.toFixed(2))).toEqual([
      "6000.15",
      "5500.05",
      "5000.00",
      "5000.00",
      "4000.00",
      "4000.00",
    ]);
  });

  it("the fund balance counts deposits and withdrawals up to each month end, never below 0", () => {
    const entries = [
      { on: "2026-01-10", amount: "1000" },
      { on: "2026-02-28", amount: "-300.50" },
      { on: "2026-03-01", amount: "-2000" },
    ];
    expect(
      balanceAtEndOfMonths(entries, ["2025-12", "2026-01", "2026-02", "2026-03"]).map((d) => d.toFixed(2)),
    ).toEqual(["0.00", "1000.00", "699.50", "0.00"]);
  });
});

describe("rebuild checklist", () => {
  it("has unique ids, the dedicated repayment account first", () => {
    expect(REBUILD_CHECKLIST_IDS.size).toBe(REBUILD_CHECKLIST.length);
    expect(REBUILD_CHECKLIST[0]?.id).toBe("account.open");
  });
});
