import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { DebtCard } from "@/components/debts/debt-card";
import { DebtTotalsPanel } from "@/components/debts/debt-totals";
import { NoteForm } from "@/components/sharing/sharing-forms";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { NotLegalAdvice } from "@/components/ui/not-legal-advice";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { formatDateTime } from "@/server/domain/time";

export const metadata: Metadata = { title: "客户案件" };

/** A counselor's read-only view of a shared case. Access is re-checked on every load. */
export default async function ClientCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireSessionUser();
  if (user.role !== "counselor") redirect("/dashboard");
  const { caseId } = await params;
  const api = await serverApi();
  try {
    await api.counselor.openCase({ caseId });
  } catch (err) {
    if (err instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"].includes(err.code)) notFound();
    throw err;
  }
  const [overview, notes] = await Promise.all([api.debts.list({ caseId }), api.notes.list({ caseId })]);
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="返回">
        <Link href="/clients" className="text-brand-700 underline-offset-4 hover:underline">
          ← 我的客户
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">客户案件（只读）</h1>
      <DebtTotalsPanel totals={overview.totals} />
      <section aria-labelledby="debts-heading" className="flex flex-col gap-3">
        <h2 id="debts-heading" className="text-lg font-semibold">
          债务与处理顺序
        </h2>
        {overview.items.length === 0 ? <p className="text-slate-700">借款人还没有录入债务。</p> : null}
        <ol className="flex flex-col gap-3">
          {overview.items.map((d) => (
            <li key={d.id}>
              <DebtCard debt={d} rank={d.rank} reasons={d.reasons} href={null} />
            </li>
          ))}
        </ol>
      </section>
      <NotLegalAdvice text={overview.notLegalAdvice} />
      <Card title="建议">
        {notes.length > 0 ? (
          <ul className="mb-4 divide-y divide-slate-200">
            {notes.map((n) => (
              <li key={n.id} className="py-2">
                <p className="whitespace-pre-wrap break-words">{n.body}</p>
                <p className="text-sm text-slate-600">
                  {formatDateTime(n.createdAt)} · {n.doneAt ? "借款人已完成" : "未完成"}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        <NoteForm caseId={caseId} />
      </Card>
    </div>
  );
}
