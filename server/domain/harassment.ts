/**
 * 违规催收标记: which contact-log entries show conduct that law or industry rules forbid. Pure: no
 * I/O. Two markers are derived from the entries themselves (time of day in Shanghai, unanswered
 * calls per Shanghai day); the others are ticked by the borrower. Every marker carries its source
 * from the domain facts, with how sure it is.
 */
import { SOURCES, type Source } from "./reference-facts";
import { formatDate, formatDateTime, TIME_ZONE } from "./time";

export const CONTACT_CHANNELS = ["phone", "sms", "appMessage", "visit", "thirdParty"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABEL: Record<ContactChannel, string> = {
  phone: "电话",
  sms: "短信",
  appMessage: "App 消息",
  visit: "上门",
  thirdParty: "联系紧急联系人或亲友",
};

export const MANUAL_MARKERS = [
  "contactedThirdParties",
  "disclosedDebt",
  "threats",
  "insults",
  "impersonation",
  "fakeLegalDocuments",
  "visit",
] as const;
export type ManualMarker = (typeof MANUAL_MARKERS)[number];
export const DERIVED_MARKERS = ["quietHours", "tooManyUnansweredCalls"] as const;
export type DerivedMarker = (typeof DERIVED_MARKERS)[number];
export type HarassmentMarker = ManualMarker | DerivedMarker;
export const ALL_MARKERS: readonly HarassmentMarker[] = [...DERIVED_MARKERS, ...MANUAL_MARKERS];

/** Sources used here that the shared reference facts do not list yet. */
export const PROTECTION_SOURCES = {
  personalInformation: {
    citation: "《个人信息保护法》第 6、10、23、25 条",
    mark: "verified",
  },
  markerList: {
    citation: "上岸记录的违规催收行为，整理自上述法律和行业自律规范",
    mark: "secondary",
  },
} as const satisfies Record<string, Source>;

export interface MarkerInfo {
  id: HarassmentMarker;
  label: string;
  /** What counts, in plain words. */
  explanation: string;
  derived: boolean;
  sources: Source[];
}

export const QUIET_HOURS = { start: 22, end: 8 } as const;
/** More than this many unanswered calls in one Shanghai day is marked. */
export const MAX_UNANSWERED_CALLS_PER_DAY = 6;

export const MARKER_INFO: Record<HarassmentMarker, MarkerInfo> = {
  quietHours: {
    id: "quietHours",
    label: "夜间催收（22:00–08:00）",
    explanation: "未经你同意，晚上 22:00 到早上 08:00 之间不应催收。按北京时间自动判断。",
    derived: true,
    sources: [SOURCES.collectionGuideline2026],
  },
  tooManyUnansweredCalls: {
    id: "tooManyUnansweredCalls",
    label: "一天未接来电超过 6 次",
    explanation: "同一天（北京时间）未接通的催收电话超过 6 次，从第 7 次起自动标记。",
    derived: true,
    sources: [SOURCES.collectionGuideline2026],
  },
  contactedThirdParties: {
    id: "contactedThirdParties",
    label: "联系亲友、同事或紧急联系人",
    explanation: "只有联系不上你本人时才可以联系第三方，而且只能询问你的联系方式，不能透露欠款。",
    derived: false,
    sources: [SOURCES.collectionGuideline2026, PROTECTION_SOURCES.personalInformation],
  },
  disclosedDebt: {
    id: "disclosedDebt",
    label: "向他人透露欠款",
    explanation: "把你的欠款告诉亲友、同事或公开发布，属于违法披露个人信息。",
    derived: false,
    sources: [PROTECTION_SOURCES.personalInformation, SOURCES.collectionGuideline2026],
  },
  threats: {
    id: "threats",
    label: "威胁或暴力",
    explanation: "以暴力、威胁等方式催收，情节严重的构成犯罪，可以报警（110）。",
    derived: false,
    sources: [SOURCES.collectionCrime],
  },
  insults: {
    id: "insults",
    label: "辱骂",
    explanation: "辱骂、恐吓属于骚扰式催收。",
    derived: false,
    sources: [SOURCES.collectionCrime, SOURCES.collectionGuideline2026],
  },
  impersonation: {
    id: "impersonation",
    label: "冒充公检法或律师",
    explanation: "自称警察、法院、检察院或律师来施压。",
    derived: false,
    sources: [SOURCES.collectionCrime, PROTECTION_SOURCES.markerList],
  },
  fakeLegalDocuments: {
    id: "fakeLegalDocuments",
    label: "伪造法律文书",
    explanation: "发来假的律师函、传票、立案通知或“逮捕令”等。",
    derived: false,
    sources: [SOURCES.collectionCrime, PROTECTION_SOURCES.markerList],
  },
  visit: {
    id: "visit",
    label: "上门到家或单位",
    explanation: "到家里或单位上门催收。",
    derived: false,
    sources: [SOURCES.collectionGuideline2026, PROTECTION_SOURCES.markerList],
  },
};

export interface ContactForMarkers {
  id: string;
  occurredAt: Date;
  channel: ContactChannel;
  direction: "incoming" | "outgoing";
  /** How many contacts the entry stands for (a burst of calls logged at once). */
  contactCount: number;
  answered: "yes" | "no" | "unknown";
  markers: readonly ManualMarker[];
}

const hourFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", hourCycle: "h23" });

/** The hour (0–23) in Shanghai. */
export function shanghaiHour(instant: Date): number {
  return Number(hourFormat.format(instant));
}

/** 22:00:00 up to 07:59:59 Shanghai time. */
export function isQuietHours(instant: Date): boolean {
  const hour = shanghaiHour(instant);
  return hour >= QUIET_HOURS.start || hour < QUIET_HOURS.end;
}

/**
 * All markers of each entry: the manual ones plus the derived ones. Only contacts from the
 * platform or collector (incoming) are judged; the borrower's own calls never are.
 */
export function markersOf(entries: readonly ContactForMarkers[]): Map<string, HarassmentMarker[]> {
  const result = new Map<string, HarassmentMarker[]>();
  const unansweredByDay = new Map<string, number>();
  const chronological = [...entries].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const entry of chronological) {
    const found = new Set<HarassmentMarker>(entry.markers);
    if (entry.direction === "incoming") {
      if (isQuietHours(entry.occurredAt)) found.add("quietHours");
      if (entry.channel === "phone" && entry.answered === "no") {
        const day = formatDate(entry.occurredAt);
        const total = (unansweredByDay.get(day) ?? 0) + entry.contactCount;
        unansweredByDay.set(day, total);
        if (total > MAX_UNANSWERED_CALLS_PER_DAY) found.add("tooManyUnansweredCalls");
      }
      if (entry.channel === "visit") found.add("visit");
      if (entry.channel === "thirdParty") found.add("contactedThirdParties");
    } else {
      for (const derived of DERIVED_MARKERS) found.delete(derived);
    }
    result.set(
      entry.id,
      ALL_MARKERS.filter((m) => found.has(m)),
    );
  }
  return result;
}

export interface MarkerCount {
  marker: HarassmentMarker;
  label: string;
  /** Entries carrying the marker. */
  entries: number;
  sources: Source[];
}

export interface TimelineItem<T extends ContactForMarkers> {
  entry: T;
  markers: { id: HarassmentMarker; label: string }[];
  /** 2026-11-27 23:40, Shanghai. */
  when: string;
}

export interface HarassmentSummary<T extends ContactForMarkers> {
  counts: MarkerCount[];
  /** Entries with at least one marker, newest first. */
  timeline: TimelineItem<T>[];
  markedEntries: number;
}

/** Counts of each marker (only markers that occur, in a fixed order) and the timeline of marked entries. */
export function harassmentSummary<T extends ContactForMarkers>(entries: readonly T[]): HarassmentSummary<T> {
  const byEntry = markersOf(entries);
  const counts = new Map<HarassmentMarker, number>();
  const timeline: TimelineItem<T>[] = [];
  for (const entry of entries) {
    const markers = byEntry.get(entry.id) ?? [];
    for (const m of markers) counts.set(m, (counts.get(m) ?? 0) + 1);
    if (markers.length > 0) {
      timeline.push({
        entry,
        markers: markers.map((id) => ({ id, label: MARKER_INFO[id].label })),
        when: formatDateTime(entry.occurredAt),
      });
    }
  }
  timeline.sort((a, b) => b.entry.occurredAt.getTime() - a.entry.occurredAt.getTime());
  return {
    counts: ALL_MARKERS.filter((m) => counts.has(m)).map((m) => ({
      marker: m,
      label: MARKER_INFO[m].label,
      entries: counts.get(m) ?? 0,
      sources: MARKER_INFO[m].sources,
    })),
    timeline,
    markedEntries: timeline.length,
  };
}
