/** Dates as the borrower sees them: always in Asia/Shanghai, whatever the server's time zone. */
export const TIME_ZONE = "Asia/Shanghai";

const dateTimeParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(dateTimeParts.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** 2026-11-27 (for tables). */
export function formatDate(instant: Date): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2026-11-27 10:05 (24-hour, for tables and logs). */
export function formatDateTime(instant: Date): string {
  const p = parts(instant);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 2026年11月27日 (in sentences). */
export function formatDateLong(instant: Date): string {
  const p = parts(instant);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

/** Today's calendar date in Shanghai as YYYY-MM-DD. */
export function shanghaiToday(now: Date): string {
  return formatDate(now);
}
