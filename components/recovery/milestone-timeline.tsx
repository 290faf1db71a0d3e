import { Card } from "@/components/ui/card";
import type { RecoveryOverview } from "@/server/services/recovery";
import { SourceLine } from "./source-line";

function longDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const KIND_LABEL: Record<RecoveryOverview["timeline"][number]["kind"], string> = {
  negativeRecordRemoval: "逾期记录删除",
  goodRecord24: "良好记录满 24 个月",
  reportCheck: "查征信",
  mortgageEarliest: "房贷",
};

/** 信用修复时间线: per settled debt and for the whole record, by date, with each rule's source. */
export function MilestoneTimeline({ overview }: { overview: RecoveryOverview }) {
  const { timeline } = overview;
  return (
    <Card title="信用修复时间线">
      {timeline.length === 0 ? (
        <p className="text-slate-800">
          还没有已结清并记录了结清日期的债务。第一笔结清后，这里会算出它的逾期记录什么时候删除、什么时候可以考虑申请房贷。
          {overview.activeCount > 0 ? ` 现在还有 ${overview.activeCount} 笔在还。` : ""}
        </p>
      ) : (
        <ol className="relative flex flex-col gap-4 border-l-2 border-slate-200 pl-4" aria-label="按日期排列的里程碑">
          {timeline.map((m) => (
            <li
              key={`${m.kind}-${m.debtId ?? "all"}-${m.date}`}
              className="relative"
              data-testid={`milestone-${m.kind}`}
            >
              <span
                aria-hidden="true"
                className={`absolute -left-[1.45rem] top-1.5 size-3 rounded-full ${m.reached ? "bg-green-700" : "border-2 border-brand-600 bg-white"}`}
              />
              <p className="text-sm text-slate-700">
                <time dateTime={m.date} className="font-semibold text-slate-900">
                  {longDate(m.date)}
                </time>
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{KIND_LABEL[m.kind]}</span>
                <span className="ml-2">{m.reached ? "已到" : "未到"}</span>
              </p>
              <p className="font-medium">{m.title}</p>
              <p className="text-sm text-slate-700">{m.detail}</p>
              <SourceLine source={m.source} />
            </li>
          ))}
        </ol>
      )}
      {overview.nextReportCheck && overview.laterReportChecks > 0 ? (
        <p className="mt-4 text-sm text-slate-700">
          之后每 {overview.reportCheckEveryMonths} 个月查一次征信（还有 {overview.laterReportChecks}{" "}
          次，直到最后一条逾期记录应当删除）。
        </p>
      ) : null}
      {overview.settledWithoutDate.length > 0 ? (
        <p className="mt-4 text-sm text-slate-700">
          {overview.settledWithoutDate.join("、")}{" "}
          结清时还没有记录结清日期，所以没有算出它们的日期。可以在还款记录里补记最后一笔还款。
        </p>
      ) : null}
    </Card>
  );
}
