import { formatPercent, formatYuan } from "@/server/domain/money";

/** ¥1,234.56 — tabular digits so columns of amounts line up. */
export function Money({ value, className = "" }: { value: string; className?: string }) {
  return <span className={`tabular-nums ${className}`}>{formatYuan(value)}</span>;
}

/** 23.99% from a fraction; "—" when unknown. */
export function Percent({ value, className = "" }: { value: string | null; className?: string }) {
  return <span className={`tabular-nums ${className}`}>{value === null ? "—" : formatPercent(value)}</span>;
}
