import { Link } from "@/components/ui/link";

export interface AgreementReminder {
  id: string;
  kindLabel: string;
  platform: string;
  endsOn: string | null;
  daysToEnd: number | null;
  reminder: "ending" | "ended" | null;
}

export interface ComplaintReminder {
  id: string;
  channelLabel: string;
  filedOn: string;
  referenceNumber: string;
  expectedReplyBy: string | null;
  daysToReply: number | null;
}

function endingText(a: AgreementReminder): string {
  const days = a.daysToEnd ?? 0;
  if (days < 0) return `已于 ${a.endsOn} 到期（${-days} 天前）`;
  if (days === 0) return `今天（${a.endsOn}）到期`;
  return `${a.endsOn} 到期（还剩 ${days} 天）`;
}

/** 协议到期提醒 and 投诉答复逾期提醒: shown on the protection pages until dealt with. */
export function RecordReminders({
  agreements,
  complaints,
  linkToPages = false,
}: {
  agreements: AgreementReminder[];
  complaints: ComplaintReminder[];
  linkToPages?: boolean;
}) {
  if (agreements.length === 0 && complaints.length === 0) return null;
  return (
    <section
      aria-labelledby="record-reminders-heading"
      className="rounded-xl border-2 border-amber-500 bg-amber-50 p-4 print:hidden"
    >
      <h2 id="record-reminders-heading" className="text-lg font-semibold text-amber-950">
        需要跟进
      </h2>
      <ul className="mt-2 flex flex-col gap-2 text-amber-950">
        {agreements.map((a) => (
          <li key={a.id}>
            <strong>
              {a.platform} · {a.kindLabel}
            </strong>
            ：{endingText(a)}。
            {a.reminder === "ended"
              ? "确认对方是否按约定执行，需要的话重新协商，并把新的约定记下来。"
              : "到期前联系对方确认下一步，保留书面记录。"}
            {linkToPages ? (
              <Link href="/protection/agreements" className="ml-1 underline">
                查看协议
              </Link>
            ) : null}
          </li>
        ))}
        {complaints.map((c) => (
          <li key={c.id}>
            <strong>{c.channelLabel}</strong>：{c.filedOn} 提交
            {c.referenceNumber ? `（受理编号 ${c.referenceNumber}）` : ""}，预计 {c.expectedReplyBy} 前答复，已超过{" "}
            {-(c.daysToReply ?? 0)} 天还没有答复。可以打电话催问，并记下跟进情况。
            {linkToPages ? (
              <Link href="/protection/complaints" className="ml-1 underline">
                查看投诉记录
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
