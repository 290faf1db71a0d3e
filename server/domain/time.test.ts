import { describe, expect, it } from "vitest";
import { formatDate, formatDateLong, formatDateTime, shanghaiToday } from "./time";

describe("Shanghai dates", () => {
  it("shows an instant in Asia/Shanghai (UTC+8), not in the server's zone", () => {
    const lateUtc = new Date("2026-11-26T16:30:00Z"); // 00:30 on the 27th in Shanghai
    expect(formatDate(lateUtc)).toBe("2026-11-27");
    expect(formatDateTime(lateUtc)).toBe("2026-11-27 00:30");
    expect(formatDateLong(lateUtc)).toBe("2026年11月27日");
  });

  it("uses the 24-hour clock", () => {
    expect(formatDateTime(new Date("2026-01-05T10:05:00Z"))).toBe("2026-01-05 18:05");
  });

  it("puts 23:59 Shanghai on the same day and 00:00 on the next", () => {
    expect(shanghaiToday(new Date("2026-03-01T15:59:00Z"))).toBe("2026-03-01");
    expect(shanghaiToday(new Date("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
  });
});
