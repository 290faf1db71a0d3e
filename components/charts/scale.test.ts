import { describe, expect, it } from "vitest";
import { Dec } from "@/server/domain/money";
import { labelledIndexes, longMonth, maxOf, niceAxis, px, shortMonth, shortYuan } from "./scale";

describe("chart scales", () => {
  it("puts the top of the axis on a nice number at or above the largest value", () => {
    expect(niceAxis(new Dec("17400"))).toEqual({ top: 20000, ticks: [0, 5000, 10000, 15000, 20000] });
    expect(niceAxis(new Dec("3000"))).toEqual({ top: 3000, ticks: [0, 1000, 2000, 3000] });
    expect(niceAxis(new Dec("0"))).toEqual({ top: 1, ticks: [0] });
    const { top } = niceAxis(new Dec("0.01"));
    expect(top).toBeGreaterThanOrEqual(0.01);
  });

  it("finds the largest exact amount, skipping gaps", () => {
    expect(maxOf(["100.10", null, "100.09"]).toFixed(2)).toBe("100.10");
    expect(maxOf([null]).toFixed(2)).toBe("0.00");
  });

  it("labels amounts and months briefly", () => {
    expect(shortYuan(15000)).toBe("1.5万");
    expect(shortYuan(20000)).toBe("2万");
    expect(shortYuan(800)).toBe("800");
    expect(shortMonth("2026-01")).toBe("26/01");
    expect(longMonth("2026-01")).toBe("2026年1月");
  });

  it("labels about five months, always the first and the last", () => {
    expect([...labelledIndexes(3)].sort((a, b) => a - b)).toEqual([0, 1, 2]);
    const many = [...labelledIndexes(25)].sort((a, b) => a - b);
    expect(many).toEqual([0, 6, 12, 18, 24]);
  });
});

describe("px", () => {
  it("rounds a coordinate to a tenth of a unit", () => {
    expect(px(107.33333333333334)).toBe(107.3);
    expect(px(58.66666666666667)).toBe(58.7);
    expect(px(40)).toBe(40);
    expect(String(px(0.1 + 0.2))).toBe("0.3");
  });
});
