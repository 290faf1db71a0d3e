/**
 * Showing an amount that is already exact to the fen ("1234.50", as the server sends every amount)
 * as ¥1,234.50, without decimal.js: client components that only display amounts import this and
 * keep decimal.js (about 14 kB gzipped) out of their page's JavaScript. Anything that still needs
 * rounding goes through `formatYuan` in ./money, which rounds half-up and then calls this.
 */

const groupFormatter = new Intl.NumberFormat("en-US");

/** "-1234.5" → "-¥1,234.50". Throws on anything but a plain decimal with at most two decimals. */
export function formatFenAmount(amount: string): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`formatFenAmount: not an amount in fen: ${amount}`);
  const [, sign = "", intPart = "0", frac = ""] = match;
  const fen = frac.padEnd(2, "0");
  const negative = sign === "-" && /[1-9]/.test(intPart + fen);
  return `${negative ? "-" : ""}¥${groupFormatter.format(BigInt(intPart))}.${fen}`;
}
