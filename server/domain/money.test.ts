import { describe, expect, it } from "vitest";
import { Dec, formatPercent, formatYuan, parseMoney, parsePercent, roundFen, sum } from "./money";
import { formatFenAmount } from "./money-format";

function parsed(raw: string): string {
  const r = parseMoney(raw);
  if (!r.ok) throw new Error(`expected ${raw} to parse, got: ${r.error}`);
  return r.value.toFixed(2);
}

describe("parseMoney", () => {
  it.each([
    ["1234.5", "1234.50"],
    ["1,234.56", "1234.56"],
    ["１２３４", "1234.00"],
    ["１，２３４．５", "1234.50"],
    ["1.2万", "12000.00"],
    ["0.35万", "3500.00"],
    ["¥800", "800.00"],
    ["800元", "800.00"],
    [" 12 345 ", "12345.00"],
  ])("reads %s as %s", (raw, expected) => {
    expect(parsed(raw)).toBe(expected);
  });

  it.each([
    ["", "请输入金额"],
    ["abc", "金额格式不正确"],
    ["12,34", "金额格式不正确"],
    ["-5", "金额不能为负数"],
    ["1.234", "最多精确到分"],
    ["9999999999999", "金额过大"],
    ["NaN", "金额格式不正确"],
    ["1e5", "金额格式不正确"],
  ])("refuses %j with a message that says what to fix", (raw, message) => {
    const r = parseMoney(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe("roundFen (half-up to the fen)", () => {
  it("rounds halves away from zero", () => {
    expect(roundFen("2.345").toFixed(2)).toBe("2.35");
    expect(roundFen("2.344999").toFixed(2)).toBe("2.34");
    expect(roundFen("0.005").toFixed(2)).toBe("0.01");
  });
  it("is exact where floats are not", () => {
    expect(sum(["0.1", "0.2"]).equals(new Dec("0.3"))).toBe(true);
    expect(roundFen("1.005").toFixed(2)).toBe("1.01");
  });
});

describe("formatYuan", () => {
  it("groups thousands and always shows two decimals", () => {
    expect(formatYuan("1234.56")).toBe("¥1,234.56");
    expect(formatYuan("0")).toBe("¥0.00");
    expect(formatYuan("1234567890.1")).toBe("¥1,234,567,890.10");
    expect(formatYuan("-1234.565")).toBe("-¥1,234.57");
  });
});

describe("formatFenAmount", () => {
  it("shows an amount exact to the fen without rounding it", () => {
    expect(formatFenAmount("1234.56")).toBe("¥1,234.56");
    expect(formatFenAmount("1234.5")).toBe("¥1,234.50");
    expect(formatFenAmount("999999999999.99")).toBe("¥999,999,999,999.99");
    expect(formatFenAmount("-0.01")).toBe("-¥0.01");
    expect(formatFenAmount("-0.00")).toBe("¥0.00");
    expect(formatFenAmount("0")).toBe("¥0.00");
  });

  it("refuses what would need rounding or is not an amount", () => {
    for (const bad of ["1234.565", "1e3", "", "1,234.56", "¥5", "NaN", " 5"]) {
      expect(() => formatFenAmount(bad), bad).toThrow("not an amount in fen");
    }
  });

  it("agrees with formatYuan on amounts exact to the fen", () => {
    for (const amount of ["0.00", "7.10", "-1234.56", "1000000.00"]) {
      expect(formatFenAmount(amount)).toBe(formatYuan(amount));
    }
  });
});

describe("formatPercent", () => {
  it("shows a fraction as a percentage with two decimals", () => {
    expect(formatPercent("0.2399")).toBe("23.99%");
    expect(formatPercent("0.359999")).toBe("36.00%");
  });
});

describe("parsePercent", () => {
  it("reads percentages into fractions", () => {
    const cases: [string, string][] = [
      ["0.6", "0.006"],
      ["0.6%", "0.006"],
      ["０.６％", "0.006"],
      ["36", "0.36"],
    ];
    for (const [raw, fraction] of cases) {
      const r = parsePercent(raw);
      expect(r.ok && r.fraction.toString()).toBe(fraction);
    }
  });
  it("refuses what is not a percentage, with the field's name", () => {
    const r = parsePercent("abc", { label: "月费率" });
    expect(!r.ok && r.error).toContain("月费率格式不正确");
    const big = parsePercent("120", { label: "月费率", max: 100 });
    expect(!big.ok && big.error).toContain("必须小于 100%");
    expect(parsePercent("-1").ok).toBe(false);
  });
});
