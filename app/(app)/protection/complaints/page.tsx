import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ComplaintActions, ComplaintRecordForm } from "@/components/protection/complaint-record-form";
import { RecordReminders } from "@/components/protection/record-reminders";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { NotLegalAdvice } from "@/components/ui/not-legal-advice";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { NOT_LEGAL_ADVICE } from "@/server/domain/legal";
import { shanghaiToday } from "@/server/domain/time";

export const metadata: Metadata = { title: "投诉记录" };

export default async function ComplaintsPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const api = await serverApi();
  const overview = await api.complaints.list();
  const today = shanghaiToday(new Date());

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/protection" className="inline-block min-h-11 content-center text-brand-700 underline">
          ← 返回沟通与证据
        </Link>
        <h1 className="text-2xl font-bold">投诉记录</h1>
        <p className="mt-1 text-slate-700">
          每次投诉记下渠道、日期和受理编号。到了预计答复的日子还没有回音，这里会提醒你跟进。
          <Link href="/protection/letters/complaint" className="ml-1 text-brand-700 underline">
            生成投诉材料
          </Link>
        </p>
      </div>

      <RecordReminders agreements={[]} complaints={overview.overdue} />

      <Card title="记录一次投诉">
        <ComplaintRecordForm channels={overview.channels} debts={overview.debts} today={today} />
      </Card>

      <section aria-labelledby="complaints-heading" className="flex flex-col gap-3">
        <h2 id="complaints-heading" className="text-lg font-semibold">
          已提交的投诉（{overview.items.length} 条）
        </h2>
        {overview.items.length === 0 ? (
          <p className="text-slate-600">还没有投诉记录。</p>
        ) : (
          <ul className="flex flex-col gap-3" aria-label="投诉列表">
            {overview.items.map((c) => (
              <li
                key={c.id}
                className={`rounded-lg border bg-white p-3 ${c.replyOverdue ? "border-amber-400" : "border-slate-200"}`}
              >
                <p className="font-medium">{c.channelLabel}</p>
                <p className="text-sm text-slate-700">
                  {c.filedOn} 提交
                  {c.platform ? ` · ${c.platform}` : ""}
                  {c.referenceNumber ? ` · 受理编号 ${c.referenceNumber}` : ""}
                </p>
                <p className="text-sm">
                  {c.replied
                    ? `已答复（${c.repliedOn} 标记）`
                    : c.expectedReplyBy
                      ? c.replyOverdue
                        ? `预计 ${c.expectedReplyBy} 前答复，已超过 ${-(c.daysToReply ?? 0)} 天`
                        : `预计 ${c.expectedReplyBy} 前答复`
                      : "等待答复"}
                </p>
                {c.followUps.length > 0 ? (
                  <ul aria-label="跟进记录" className="mt-1 list-disc pl-5 text-sm text-slate-800">
                    {c.followUps.map((f, i) => (
                      <li key={i}>{f}</li>
                    ))}
                  </ul>
                ) : null}
                <div className="mt-2">
                  <ComplaintActions id={c.id} label={`${c.filedOn} 的${c.channelLabel}投诉`} replied={c.replied} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="channels-heading" className="flex flex-col gap-2">
        <h2 id="channels-heading" className="text-lg font-semibold">
          投诉渠道
        </h2>
        <ul className="flex flex-col gap-2 text-sm text-slate-800">
          {overview.channels.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <strong>{c.label}</strong>：受理{c.handles}。{c.note}
              <span className="block text-xs text-slate-600">
                依据：{c.sources.map((s) => `${s.citation}（${s.markLabel}）`).join("；")}
              </span>
            </li>
          ))}
        </ul>
        <NotLegalAdvice text={NOT_LEGAL_ADVICE} />
      </section>
    </div>
  );
}
