import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AgreementEvidenceLinker } from "@/components/evidence/evidence-link-forms";
import { AgreementDeleteButton, AgreementForm } from "@/components/protection/agreement-form";
import { RecordReminders } from "@/components/protection/record-reminders";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Money } from "@/components/ui/money";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { shanghaiToday } from "@/server/domain/time";

export const metadata: Metadata = { title: "协议" };

export default async function AgreementsPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const api = await serverApi();
  const overview = await api.agreements.list();
  const today = shanghaiToday(new Date());

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/protection" className="inline-block min-h-11 content-center text-brand-700 underline">
          ← 返回沟通与证据
        </Link>
        <h1 className="text-2xl font-bold">协议</h1>
        <p className="mt-1 text-slate-700">
          和平台谈成的停催、分期、减免、延期，都记在这里，并关联能证明它的截图、录音或协议文件。口头答应的事，请对方用短信或
          App 消息再确认一次。
        </p>
      </div>

      <RecordReminders agreements={overview.reminders} complaints={[]} />

      <Card title="记录一份协议">
        {overview.debts.length === 0 ? (
          <>
            <p className="text-slate-800">协议要对应一笔债务。请先把债务记进债务清单。</p>
            <ButtonLink href="/debts/new" className="mt-4">
              添加一笔债务
            </ButtonLink>
          </>
        ) : (
          <AgreementForm debts={overview.debts} kinds={overview.kinds} today={today} />
        )}
      </Card>

      <section aria-labelledby="agreements-heading" className="flex flex-col gap-3">
        <h2 id="agreements-heading" className="text-lg font-semibold">
          已记录的协议（{overview.items.length} 份）
        </h2>
        {overview.items.length === 0 ? (
          <p className="text-slate-600">还没有记录协议。</p>
        ) : (
          <ul className="flex flex-col gap-3" aria-label="协议列表">
            {overview.items.map((a) => {
              const label = `${a.platform}的${a.kindLabel}`;
              return (
                <li
                  key={a.id}
                  className={`rounded-lg border bg-white p-3 ${a.reminder ? "border-amber-400" : "border-slate-200"}`}
                >
                  <p className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">
                      {a.platform} · {a.kindLabel}
                    </span>
                    {a.amount ? <Money value={a.amount} className="font-medium" /> : null}
                  </p>
                  <p className="text-sm text-slate-700">
                    达成于 {a.agreedOn}
                    {a.startsOn ? ` · 从 ${a.startsOn}` : ""}
                    {a.endsOn ? ` · 到 ${a.endsOn}` : ""}
                    {a.ended ? "（已到期）" : ""}
                  </p>
                  {a.terms ? <p className="mt-1 text-slate-800 whitespace-pre-wrap">{a.terms}</p> : null}
                  <div className="mt-2">
                    <AgreementEvidenceLinker
                      agreementId={a.id}
                      label={label}
                      linked={a.evidence}
                      choices={overview.evidence
                        .filter((e) => e.agreementId !== a.id)
                        .map((e) => ({ id: e.id, name: e.name }))}
                    />
                  </div>
                  <div className="mt-1">
                    <AgreementDeleteButton id={a.id} label={label} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {overview.evidence.length === 0 ? (
          <p className="text-sm text-slate-600">
            证据要先在
            <Link href="/protection#evidence" className="text-brand-700 underline">
              沟通与证据
            </Link>
            里上传，再回来关联。
          </p>
        ) : null}
      </section>
    </div>
  );
}
