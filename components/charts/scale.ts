/**
 * Scales for the server-rendered charts. Amounts arrive as exact decimal strings; they become
 * numbers only here, for SVG coordinates (a pixel does not need the fen).
 */
import { Dec } from "@/server/domain/money";

/**
 * A coordinate rounded to a tenth of a viewBox unit: the charts are at most 672 px wide for 360
 * units, so a tenth is a fifth of a pixel, and the page carries "107.3" instead of
 * "107.33333333333334" (twice: in the HTML and in the data React hydrates from).
 */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A "nice" top of the axis above `max` (1, 2, 2.5 or 5 × a power of ten) and its ticks. */
export function niceAxis(max: Dec, tickCount = 4): { top: number; ticks: number[] } {
  if (!max.greaterThan(0)) return { top: 1, ticks: [0] };
  const rough = max.dividedBy(tickCount).toNumber();
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const top = Math.ceil(max.toNumber() / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  return { top, ticks };
}

/** The largest of the values (nulls skipped), 0 without any. */
export function maxOf(values: readonly (string | null)[]): Dec {
  return values.reduce<Dec>((acc, v) => (v === null ? acc : Dec.max(acc, new Dec(v))), new Dec(0));
}

/** Axis labels: 12000 → "1.2万", 800 → "800". */
export function shortYuan(value: number): string {
  if (value >= 10000) return `${Number((value / 10000).toFixed(value % 10000 === 0 ? 0 : 1))}万`;
  return String(Math.round(value));
}

/** "2026-11" → "26/11" for ticks; "2026-11" → "2026年11月" for sentences and tables. */
export function shortMonth(month: string): string {
  return `${month.slice(2, 4)}/${month.slice(5, 7)}`;
}

export function longMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Which month indexes get a label: about `count` evenly spaced, always the first and last. */
export function labelledIndexes(length: number, count = 5): Set<number> {
  if (length <= count) return new Set(Array.from({ length }, (_, i) => i));
  const out = new Set<number>([0, length - 1]);
  const step = (length - 1) / (count - 1);
  for (let k = 1; k < count - 1; k++) out.add(Math.round(k * step));
  return out;
}
