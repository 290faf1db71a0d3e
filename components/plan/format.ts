/** "2027-02" → "2027年2月" (in sentences; tables keep 2027-02). */
export function formatMonthLong(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? `${m[1]}年${Number(m[2])}月` : ym;
}

/** 14 → "1 年 2 个月"; 5 → "5 个月". */
export function formatMonthCount(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest} 个月`;
  return rest === 0 ? `${years} 年` : `${years} 年 ${rest} 个月`;
}
