/**
 * Money (金额): exact decimal amounts in yuan.
 *
 * Rounding rule, stated once for the whole project: amounts are rounded HALF-UP to the fen
 * (0.01 yuan) — `roundFen` — and only where an amount is stored, shown or paid. Intermediate
 * results (interest accrual, rates) keep full precision.
 *
 * This module is pure: no I/O, importable from client components (a form can preview amounts).
 */
import Decimal from "decimal.js";
import { formatFenAmount } from "./money-format";

/** One Decimal constructor for the project: 40 significant digits, half-up by default. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export type DecimalInput = Decimal | string | number;

/** Upper bound for any single amount the app accepts (numeric(14,2) holds < 10^12). */
export const MAX_AMOUNT = new Dec("999999999999.99");

export const ZERO = new Dec(0);

export function toDec(value: DecimalInput): Decimal {
  return value instanceof Decimal ? new Dec(value) : new Dec(value);
}

/** Half-up to the fen (分). The only rounding applied to money. */
export function roundFen(value: DecimalInput): Decimal {
  return toDec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Sum of amounts, exact. */
export function sum(values: readonly DecimalInput[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(toDec(v)), new Dec(0));
}

export type ParseMoneyResult = { ok: true; value: Decimal } | { ok: false; error: string };

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** Full-width digits and punctuation (１２３４．５, ，) to ASCII. */
function normalizeWidth(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/[\uFF0E\u3002]/g, ".")
    .replace(/[\uFF0C]/g, ",")
    .replace(/[\uFF0D]/g, "-")
    .replace(/\u3000/g, " ");
}

/**
 * Parses what a person types as an amount: "1234.5", "1,234.50", "１２３４", "1.2万", "¥800",
 * "800元". Returns an exact amount rounded half-up to the fen, or a Chinese message saying what to fix.
 * Negative amounts are refused: every amount the user enters is a positive quantity.
 */
export function parseMoney(raw: string): ParseMoneyResult {
  let s = normalizeWidth(raw).trim().replace(/\s+/g, "");
  if (s === "") return { ok: false, error: "请输入金额" };
  s = s.replace(/^[¥￥]/, "").replace(/元$/, "");
  let multiplier = new Dec(1);
  if (s.endsWith("万")) {
    multiplier = new Dec(10000);
    s = s.slice(0, -1);
  }
  if (s.startsWith("-")) return { ok: false, error: "金额不能为负数" };
  // Thousands separators must sit in groups of three: "1,234.5" yes, "12,34" no.
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) {
    return { ok: false, error: "金额格式不正确，请只输入数字，例如 12345.67 或 1.2万" };
  }
  const value = new Dec(s.replace(/,/g, "")).times(multiplier);
  if (value.decimalPlaces() > 2) {
    return { ok: false, error: "金额最多精确到分（小数点后两位）" };
  }
  if (value.greaterThan(MAX_AMOUNT)) return { ok: false, error: "金额过大，请检查是否多输入了数字" };
  return { ok: true, value: roundFen(value) };
}

/** ¥1,234.56 — always two decimals, half-up; negatives as -¥1,234.56. */
export function formatYuan(value: DecimalInput): string {
  return formatFenAmount(roundFen(value).toFixed(2));
}

/** A rate given as a fraction (0.2399) shown as 23.99% — two decimals, half-up. */
export function formatPercent(fraction: DecimalInput): string {
  return `${toDec(fraction).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
}

export type ParseRateResult = { ok: true; fraction: Decimal } | { ok: false; error: string };

/**
 * Parses a rate typed in percent ("0.6", "0.6%", "０.６％") into a fraction (0.006).
 * `max` is the largest percentage accepted (exclusive).
 */
export function parsePercent(raw: string, { label = "利率", max = 100 } = {}): ParseRateResult {
  const s = normalizeWidth(raw)
    .trim()
    .replace(/\s+/g, "")
    .replace(/[%％]$/, "");
  if (s === "") return { ok: false, error: `请输入${label}` };
  if (s.startsWith("-")) return { ok: false, error: `${label}不能为负数` };
  if (!/^\d+(\.\d+)?$/.test(s)) return { ok: false, error: `${label}格式不正确，请输入百分比数字，例如 0.6 表示 0.6%` };
  const percent = new Dec(s);
  if (percent.greaterThanOrEqualTo(max)) return { ok: false, error: `${label}必须小于 ${max}%` };
  if (percent.decimalPlaces() > 4) return { ok: false, error: `${label}最多保留 4 位小数` };
  return { ok: true, fraction: percent.dividedBy(100) };
}
