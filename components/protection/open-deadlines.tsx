import { Link } from "@/components/ui/link";
import { serverApi } from "@/server/api/server";

export interface OpenDeadline {
  id: string;
  label: string;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
  court: string;
  source: { citation: string; markLabel: string };
}

/** 法院期限: shown on every protection page (and the dashboard) until marked done. */
export function OpenDeadlines({
  deadlines,
  linkToDetails = false,
}: {
  deadlines: OpenDeadline[];
  linkToDetails?: boolean;
}) {
  if (deadlines.length === 0) return null;
  return (
    <section aria-labelledby="open-deadlines-heading" className="rounded-xl border-2 border-red-700 bg-red-50 p-4">
      <h2 id="open-deadlines-heading" className="text-lg font-semibold text-red-900">
        法院期限
      </h2>
      <ul className="mt-2 flex flex-col gap-2">
        {deadlines.map((d) => (
          <li key={d.id} className="text-red-950">
            <strong>{d.label}</strong>：最后一天 {d.dueOn}
            {d.overdue ? `（已过 ${-d.daysLeft} 天）` : d.daysLeft === 0 ? "（就是今天）" : `（还剩 ${d.daysLeft} 天）`}
            {d.court ? ` · ${d.court}` : ""}
            <span className="block text-sm text-red-900">
              依据：{d.source.citation}（{d.source.markLabel}）
            </span>
          </li>
        ))}
      </ul>
      {linkToDetails ? (
        <Link href="/protection#deadlines" className="mt-2 inline-block min-h-11 content-center text-red-900 underline">
          查看期限和答辩前的检查清单
        </Link>
      ) : null}
    </section>
  );
}

/** For other pages (the dashboard): fetches the borrower's open court deadlines itself. */
export async function OpenCourtDeadlines() {
  const api = await serverApi();
  const { open } = await api.deadlines.list();
  return <OpenDeadlines deadlines={open} linkToDetails />;
}
