import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  addDays,
  checkRate,
  DEADLINE_RULES,
  deadlineDate,
  daysUntilNextStage,
  lenderKindOf,
  lprInForce,
  nextOverdueStage,
  NOT_LEGAL_ADVICE,
  overdueStage,
  parseLprCsv,
  SOURCE_MARK_LABEL,
  type LprFixing,
  type RateCheck,
  type RateLineId,
} from "./legal";
import { Dec } from "./money";

const lprHistory = parseLprCsv(readFileSync(new URL("../../db/reference/lpr.csv", import.meta.url), "utf8"));

function line(check: RateCheck, id: RateLineId) {
  const found = check.lines.find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id} in ${check.lines.map((l) => l.id).join(",")}`);
  return found;
}

describe("LPR history", () => {
  it("reads lpr.csv into fractions, one row per fixing", () => {
    expect(lprHistory.length).toBeGreaterThan(75);
    expect(lprHistory[0]).toEqual({ effectiveDate: "2019-08-20", oneYear: new Dec("0.0425") });
    expect(lprHistory.every((f) => f.oneYear.lessThan("0.05") && f.oneYear.greaterThan("0.02"))).toBe(true);
  });

  it("refuses a table that is not the LPR csv", () => {
    expect(() => parseLprCsv("when,rate\n2020-01-01,3")).toThrow("表头");
    expect(() => parseLprCsv("date,one_year_percent,five_year_percent\n2020-01-01,abc,4")).toThrow("LPR 数值不正确");
  });

  it.each([
    ["2025-05-19", "2025-04-21", "0.031"],
    ["2025-05-20", "2025-05-20", "0.03"],
    ["2025-05-21", "2025-05-20", "0.03"],
    ["2024-10-20", "2024-09-20", "0.0335"],
    ["2024-10-21", "2024-10-21", "0.031"],
    ["2024-10-22", "2024-10-21", "0.031"],
    ["2019-08-20", "2019-08-20", "0.0425"],
    ["2030-01-01", "2026-04-20", "0.03"],
  ])("on %s the fixing in force is the one from %s (%s)", (date, effective, oneYear) => {
    const fixing = lprInForce(lprHistory, date);
    expect(fixing?.effectiveDate).toBe(effective);
    expect(fixing?.oneYear.equals(oneYear)).toBe(true);
  });

  it("has nothing in force before the first fixing", () => {
    expect(lprInForce(lprHistory, "2019-08-19")).toBeNull();
  });

  it("does not depend on the order of the history", () => {
    const shuffled = [...lprHistory].reverse();
    expect(lprInForce(shuffled, "2023-06-19")?.oneYear.equals("0.0365")).toBe(true);
    expect(lprInForce(shuffled, "2023-06-20")?.oneYear.equals("0.0355")).toBe(true);
  });

  it("refuses LPR given in percent, which would make the line 100 times too high", () => {
    const wrong: LprFixing[] = [{ effectiveDate: "2025-05-20", oneYear: new Dec("3.00") }];
    expect(() => lprInForce(wrong, "2025-06-01")).toThrow("LPR 应为小数形式");
  });
});

describe("checkRate: 4 × LPR on the dates the LPR changed", () => {
  const check = (contractDate: string, rate = "0.122") =>
    checkRate({ nominalAnnual: rate, lenderKind: "privateLending", contractDate, lprHistory });

  it("the day before a cut uses the old fixing: 4 × 3.10% = 12.40%, and 12.20% is close", () => {
    const l = line(check("2025-05-19"), "lpr4x");
    expect(l.value.equals("0.124")).toBe(true);
    expect(l.label).toBe("4 倍 LPR（12.40%）");
    expect(l.position).toBe("close");
    expect(l.applicability).toBe("court");
  });

  it("on the day of the cut the new fixing applies: 4 × 3.00% = 12.00%, and 12.20% is above", () => {
    const c = check("2025-05-20");
    expect(line(c, "lpr4x").value.equals("0.12")).toBe(true);
    expect(line(c, "lpr4x").position).toBe("above");
    expect(c.aboveCourtLine).toBe(true);
  });

  it("the day after the cut still uses the new fixing", () => {
    expect(line(check("2025-05-21"), "lpr4x").value.equals("0.12")).toBe(true);
  });

  it("across the 2024-10-21 cut: 13.40% the day before, 12.40% on the day", () => {
    expect(line(check("2024-10-20"), "lpr4x").value.equals("0.134")).toBe(true);
    expect(line(check("2024-10-21"), "lpr4x").value.equals("0.124")).toBe(true);
    expect(line(check("2024-10-22"), "lpr4x").value.equals("0.124")).toBe(true);
  });

  it("cites the 2020 provisions with the fixing used", () => {
    const l = line(check("2025-06-01"), "lpr4x");
    expect(l.source.citation).toContain("第 25、28、29 条");
    expect(l.source.mark).toBe("verified");
    expect(l.effective).toContain("2025-05-20");
    expect(l.lpr?.effectiveDate).toBe("2025-05-20");
  });
});

describe("checkRate: private lending before and after 2020-08-20", () => {
  it("a contract of 2020-08-19 keeps the old 24% and 36% lines for interest up to that day", () => {
    const c = checkRate({
      nominalAnnual: "0.30",
      lenderKind: "privateLending",
      contractDate: "2020-08-19",
      lprHistory,
    });
    expect(c.lines.map((l) => l.id)).toEqual(["rate24", "rate36", "lpr4x"]);
    expect(line(c, "rate24").position).toBe("above");
    expect(line(c, "rate36").position).toBe("below");
    expect(line(c, "rate36").applicability).toBe("court");
    expect(line(c, "rate36").meaning).toContain("超过年利率 36% 的部分无效");
    // Interest from 2020-08-20 on: 4 × 3.85%.
    expect(line(c, "lpr4x").value.equals("0.154")).toBe(true);
    expect(line(c, "lpr4x").source.citation).toContain("第 31 条");
  });

  it("a contract of 2020-08-20 has only the 4 × LPR line", () => {
    const c = checkRate({
      nominalAnnual: "0.30",
      lenderKind: "privateLending",
      contractDate: "2020-08-20",
      lprHistory,
    });
    expect(c.lines.map((l) => l.id)).toEqual(["lpr4x"]);
    expect(line(c, "lpr4x").value.equals("0.154")).toBe(true);
  });

  it("a contract from before the first LPR fixing still gets the 2020-08-20 line for later interest", () => {
    const c = checkRate({
      nominalAnnual: "0.10",
      lenderKind: "privateLending",
      contractDate: "2018-05-01",
      lprHistory,
    });
    expect(line(c, "lpr4x").value.equals("0.154")).toBe(true);
    expect(c.aboveAnyLine).toBe(false);
  });

  it("without a contract date it says what it cannot tell", () => {
    const c = checkRate({ nominalAnnual: "0.30", lenderKind: "privateLending", contractDate: null, lprHistory });
    expect(c.lines).toEqual([]);
    expect(c.notes.join("")).toContain("没有合同日期");
  });
});

describe("checkRate: close to a line", () => {
  const position = (rate: string) =>
    line(checkRate({ nominalAnnual: rate, lenderKind: "unknown", contractDate: "2025-06-01", lprHistory }), "rate36")
      .position;

  it.each([
    ["0.3601", "above"],
    ["0.36", "close"],
    ["0.355", "close"],
    ["0.35", "close"],
    ["0.3499", "below"],
  ])("%s against 36% is %s", (rate, expected) => {
    expect(position(rate)).toBe(expected);
  });
});

describe("checkRate: which lines apply to which lender", () => {
  it("licensed banks and consumer finance: 24% reference, 36% regulatory cap, 4 × LPR does not apply", () => {
    for (const lenderKind of ["licensedBank", "consumerFinance"] as const) {
      const c = checkRate({ nominalAnnual: "0.50", lenderKind, contractDate: "2025-06-01", lprHistory });
      expect(line(c, "rate24").applicability).toBe("reference");
      expect(line(c, "rate36").applicability).toBe("regulatory");
      expect(line(c, "rate36").source.citation).toContain("现金贷");
      expect(line(c, "lpr4x").applicability).toBe("notApplicable");
      expect(c.aboveCourtLine).toBe(false);
      expect(c.aboveAnyLine).toBe(true);
    }
  });

  it("the seven kinds of local lenders: 4 × LPR shown for comparison only, with the 2020 reply as source", () => {
    const c = checkRate({ nominalAnnual: "0.20", lenderKind: "localLender", contractDate: "2025-06-01", lprHistory });
    const l = line(c, "lpr4x");
    expect(l.applicability).toBe("notApplicable");
    expect(l.position).toBe("above");
    expect(l.source.citation).toContain("法释〔2020〕27号");
    // Above 4 × LPR alone is not a flag for a lender the line does not bind.
    expect(c.aboveAnyLine).toBe(false);
  });

  it("an unknown lender: every line is a reference until the lender is known", () => {
    const c = checkRate({ nominalAnnual: "0.20", lenderKind: "unknown", contractDate: "2025-06-01", lprHistory });
    expect(c.lines.map((l) => l.applicability)).toEqual(["reference", "reference", "reference"]);
    expect(c.aboveAnyLine).toBe(true);
    expect(c.aboveCourtLine).toBe(false);
  });

  it("maps what the borrower entered to a lender kind", () => {
    expect(lenderKindOf({ debtKind: "creditCard", lenderLicensed: null })).toBe("licensedBank");
    expect(lenderKindOf({ debtKind: "bankLoan", lenderLicensed: true })).toBe("licensedBank");
    expect(lenderKindOf({ debtKind: "consumerFinance", lenderLicensed: null })).toBe("consumerFinance");
    expect(lenderKindOf({ debtKind: "privateLoan", lenderLicensed: null })).toBe("privateLending");
    expect(lenderKindOf({ debtKind: "onlineLoan", lenderLicensed: false })).toBe("privateLending");
    expect(lenderKindOf({ debtKind: "onlineLoan", lenderLicensed: true })).toBe("unknown");
    expect(lenderKindOf({ debtKind: "onlineLoan", lenderLicensed: null })).toBe("unknown");
    expect(lenderKindOf({ debtKind: "onlineLoan", lenderLicensed: true, lenderKind: "localLender" })).toBe(
      "localLender",
    );
  });
});

describe("overdue stages", () => {
  it.each([
    [0, "current", null],
    [1, "early", 30],
    [30, "early", 1],
    [31, "reported", 60],
    [90, "reported", 1],
    [91, "collection", null],
    [400, "collection", null],
  ] as const)("%i days overdue is %s, next stage in %s days", (days, stage, next) => {
    expect(overdueStage(days).id).toBe(stage);
    expect(daysUntilNextStage(days)).toBe(next);
  });

  it("the next stage starts where the days run out", () => {
    expect(nextOverdueStage(25)?.id).toBe("reported");
    expect(overdueStage(25 + (daysUntilNextStage(25) ?? 0)).id).toBe("reported");
    expect(nextOverdueStage(91)).toBeNull();
  });

  it("over 30 days: reported to the credit system, and the lender must tell you first (征信业管理条例 art. 15)", () => {
    const texts = overdueStage(31, "onlineLoan").consequences;
    expect(texts.some((c) => c.text.includes("征信") && c.source.mark === "ruleOfThumb")).toBe(true);
    const notify = texts.find((c) => c.text.includes("事先告诉你"));
    expect(notify?.source).toEqual({ citation: "《征信业管理条例》第 15 条", mark: "verified" });
    expect(overdueStage(30, "onlineLoan").consequences.some((c) => c.text.includes("征信"))).toBe(false);
  });

  it("over 90 days: third-party collection and lawsuit risk, and what collectors may not do", () => {
    const texts = overdueStage(91, "consumerFinance").consequences.map((c) => c.text);
    expect(texts.some((t) => t.includes("第三方催收"))).toBe(true);
    expect(texts.some((t) => t.includes("起诉"))).toBe(true);
    expect(texts.some((t) => t.includes("22:00"))).toBe(true);
    expect(overdueStage(90, "consumerFinance").consequences.some((c) => c.text.includes("第三方催收"))).toBe(false);
  });

  it("every consequence carries a source and a mark", () => {
    for (const days of [0, 1, 31, 91]) {
      for (const kind of ["onlineLoan", "creditCard", "privateLoan"] as const) {
        for (const c of overdueStage(days, kind).consequences) {
          expect(c.source.citation.length).toBeGreaterThan(0);
          expect(Object.keys(SOURCE_MARK_LABEL)).toContain(c.source.mark);
        }
      }
    }
  });

  it("credit cards carry the narrow malicious-overdraft note; other loans are called a civil matter", () => {
    const card = overdueStage(10, "creditCard").consequences;
    expect(card.some((c) => c.text.includes("恶意透支") && c.source.citation === "《刑法》第 196 条")).toBe(true);
    expect(card.some((c) => c.text.includes("不是犯罪"))).toBe(false);
    expect(overdueStage(10, "onlineLoan").consequences.some((c) => c.text.includes("民事纠纷，不是犯罪"))).toBe(true);
  });

  it("a private loan is never said to be reported or sent to collectors", () => {
    const texts = overdueStage(120, "privateLoan")
      .consequences.map((c) => c.text)
      .join("");
    expect(texts).not.toContain("征信");
    expect(texts).not.toContain("催收");
    expect(texts).toContain("起诉");
  });

  it("refuses negative or fractional days", () => {
    expect(() => overdueStage(-1)).toThrow(RangeError);
    expect(() => daysUntilNextStage(1.5)).toThrow(RangeError);
  });
});

describe("court deadlines", () => {
  it.each([
    ["answer", "2026-03-01", "2026-03-16"],
    ["appeal", "2026-12-20", "2027-01-04"],
    ["paymentOrderObjection", "2028-02-20", "2028-03-06"],
    ["answer", "2027-02-20", "2027-03-07"],
  ] as const)("%s received %s: last day %s (day of receipt not counted)", (kind, received, last) => {
    expect(deadlineDate(kind, received)).toBe(last);
  });

  it("are 15 days each, with the rule and its source", () => {
    expect(DEADLINE_RULES.answer.days).toBe(15);
    expect(DEADLINE_RULES.answer.rule).toContain("起诉状副本");
    expect(DEADLINE_RULES.answer.source.citation).toContain("第 128 条");
    expect(DEADLINE_RULES.appeal.rule).toContain("小额诉讼案件一审终审");
    expect(DEADLINE_RULES.appeal.source.citation).toContain("第 171 条");
    expect(DEADLINE_RULES.paymentOrderObjection.source.citation).toContain("第 227 条");
  });

  it("refuses dates that do not exist", () => {
    expect(() => deadlineDate("answer", "2026-02-30")).toThrow("日期不存在");
    expect(() => addDays("2026/03/01", 1)).toThrow("YYYY-MM-DD");
  });
});

describe("NOT_LEGAL_ADVICE", () => {
  it("says plainly that this is not legal advice and where to get help", () => {
    expect(NOT_LEGAL_ADVICE).toContain("不是法律意见");
    expect(NOT_LEGAL_ADVICE).toContain("12348");
  });
});
