import { describe, expect, it } from "vitest";
import {
  harassmentSummary,
  isQuietHours,
  MARKER_INFO,
  markersOf,
  type ContactForMarkers,
  type ManualMarker,
} from "./harassment";

let n = 0;
function call(iso: string, over: Partial<ContactForMarkers> = {}): ContactForMarkers {
  n += 1;
  return {
    id: `e${n}`,
    occurredAt: new Date(iso),
    channel: "phone",
    direction: "incoming",
    contactCount: 1,
    answered: "no",
    markers: [],
    ...over,
  };
}

describe("quiet hours (22:00–08:00 Shanghai)", () => {
  it("uses Shanghai time whatever the server's time zone (UTC+8)", () => {
    expect(isQuietHours(new Date("2026-11-27T13:59:59Z"))).toBe(false); // 21:59:59
    expect(isQuietHours(new Date("2026-11-27T14:00:00Z"))).toBe(true); // 22:00:00
    expect(isQuietHours(new Date("2026-11-27T16:00:00Z"))).toBe(true); // 00:00 next day
    expect(isQuietHours(new Date("2026-11-27T23:59:59Z"))).toBe(true); // 07:59:59
    expect(isQuietHours(new Date("2026-11-28T00:00:00Z"))).toBe(false); // 08:00:00
  });

  it("marks incoming contacts only, never the borrower's own calls", () => {
    const late = call("2026-11-27T15:30:00Z", { answered: "yes" });
    const mine = call("2026-11-27T15:31:00Z", { direction: "outgoing", answered: "yes" });
    const marks = markersOf([late, mine]);
    expect(marks.get(late.id)).toEqual(["quietHours"]);
    expect(marks.get(mine.id)).toEqual([]);
  });
});

describe("more than 6 unanswered calls in one Shanghai day", () => {
  it("marks the 7th unanswered call, not the first six", () => {
    // 09:00–15:00 Shanghai on 2026-11-27.
    const calls = Array.from({ length: 7 }, (_, i) => call(`2026-11-27T0${1 + i}:00:00Z`));
    const marks = markersOf(calls);
    expect(calls.slice(0, 6).every((c) => marks.get(c.id)?.length === 0)).toBe(true);
    expect(marks.get(calls[6]!.id)).toEqual(["tooManyUnansweredCalls"]);
  });

  it("counts by the Shanghai day: 23:30 and 00:30 are different days", () => {
    // Six calls on the 27th in the evening, then one just after Shanghai midnight (16:30 UTC).
    const evening = Array.from({ length: 6 }, (_, i) => call(`2026-11-27T1${i}:10:00Z`));
    const afterMidnight = call("2026-11-27T16:30:00Z");
    const marks = markersOf([...evening, afterMidnight]);
    expect(marks.get(afterMidnight.id)).toEqual(["quietHours"]);
    // But the same instants counted in UTC days would be one day: a 7th on the 28th Shanghai would not be.
    const beforeMidnight = call("2026-11-27T15:59:59Z"); // 23:59:59 on the 27th Shanghai → 7th of that day
    expect(markersOf([...evening, beforeMidnight]).get(beforeMidnight.id)).toEqual([
      "quietHours",
      "tooManyUnansweredCalls",
    ]);
  });

  it("counts an entry that stands for several calls, and ignores answered calls and SMS", () => {
    const burst = call("2026-11-27T02:00:00Z", { contactCount: 5 });
    const answered = call("2026-11-27T03:00:00Z", { answered: "yes" });
    const sms = call("2026-11-27T03:10:00Z", { channel: "sms", answered: "unknown" });
    const sixth = call("2026-11-27T04:00:00Z");
    const seventh = call("2026-11-27T05:00:00Z");
    const marks = markersOf([seventh, sixth, sms, answered, burst]); // order of input does not matter
    expect(marks.get(sixth.id)).toEqual([]);
    expect(marks.get(seventh.id)).toEqual(["tooManyUnansweredCalls"]);
    expect(marks.get(sms.id)).toEqual([]);

    const bigBurst = call("2026-11-29T02:00:00Z", { contactCount: 9 });
    expect(markersOf([bigBurst]).get(bigBurst.id)).toEqual(["tooManyUnansweredCalls"]);
  });
});

describe("manual markers, counts and timeline", () => {
  it("keeps ticked markers, derives visits and third-party contact from the channel", () => {
    const threats: ManualMarker[] = ["threats", "impersonation"];
    const a = call("2026-11-27T03:00:00Z", { answered: "yes", markers: threats });
    const visit = call("2026-11-26T06:00:00Z", { channel: "visit", answered: "unknown" });
    const relatives = call("2026-11-25T06:00:00Z", { channel: "thirdParty", markers: ["disclosedDebt"] });
    const plain = call("2026-11-24T06:00:00Z", { answered: "yes" });
    const summary = harassmentSummary([plain, relatives, visit, a]);
    expect(summary.markedEntries).toBe(3);
    expect(summary.timeline.map((t) => t.entry.id)).toEqual([a.id, visit.id, relatives.id]);
    expect(summary.timeline[0]?.when).toBe("2026-11-27 11:00");
    expect(summary.timeline[0]?.markers.map((m) => m.label)).toEqual(["威胁或暴力", "冒充公检法或律师"]);
    expect(Object.fromEntries(summary.counts.map((c) => [c.marker, c.entries]))).toEqual({
      contactedThirdParties: 1,
      disclosedDebt: 1,
      threats: 1,
      impersonation: 1,
      visit: 1,
    });
  });

  it("gives every marker a source", () => {
    for (const info of Object.values(MARKER_INFO)) {
      expect(info.sources.length).toBeGreaterThan(0);
      expect(info.sources.every((s) => s.citation.length > 0)).toBe(true);
    }
  });
});
