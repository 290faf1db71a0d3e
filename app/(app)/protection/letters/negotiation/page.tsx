import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { DocumentWarnings } from "@/components/protection/document-warnings";
import { NegotiationLetterForm } from "@/components/protection/negotiation-letter-form";
import { DOCUMENT_PRINT_CSS } from "@/components/protection/print-css";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Money, Percent } from "@/components/ui/money";
import { NotLegalAdvice } from "@/components/ui/not-legal-advice";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "协商还款申请书" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadDraft(debtId: string | undefined) {
  if (debtId !== undefined && !UUID.test(debtId)) notFound();
  const api = await serverApi();
  try {
    return await api.agreements.negotiationDraft({ debtId });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

export default async function NegotiationLetterPage({ searchParams }: { searchParams: Promise<{ debt?: string }> }) {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const { debt: debtParam } = await searchParams;
  const draft = await loadDraft(typeof debtParam === "string" && debtParam !== "" ? debtParam : undefined);
  const debt = draft.debt;

  return (
    <div className="flex flex-col gap-6">
      <style>{DOCUMENT_PRINT_CSS}</style>
      <div className="print:hidden">
        <Link href="/protection" className="inline-block min-h-11 content-center text-brand-700 underline">
          ← 返回沟通与证据
        </Link>
        <h1 className="text-2xl font-bold">协商还款申请书</h1>
        <p className="mt-1 text-slate-700">
          按债务清单里的数据生成。写清楚困难和你能做到的方案，通过平台客服、App 或邮件以书面形式提交，并保留记录。
        </p>
      </div>

      {!debt ? (
        <Card title="先把债务记进债务清单" className="print:hidden">
          <p className="text-slate-800">申请书要写明借了多少、还了多少。请先添加这笔债务。</p>
          <ButtonLink href="/debts/new" className="mt-4">
            添加一笔债务
          </ButtonLink>
        </Card>
      ) : (
        <>
          {draft.debts.length > 1 ? (
            <form method="get" className="flex flex-wrap items-end gap-2 print:hidden" aria-label="选择债务">
              <div className="flex flex-col gap-1">
                <label htmlFor="letter-debt" className="font-medium text-slate-800">
                  写给哪个平台
                </label>
                <select
                  id="letter-debt"
                  name="debt"
                  defaultValue={debt.id}
                  className="min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2 text-base"
                >
                  {draft.debts.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.platform}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={buttonClass("secondary")}>
                换这笔债务
              </button>
            </form>
          ) : null}

          <Card title={`${debt.platform}：借款和还款`} className="print:hidden">
            <dl className="grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
              <div>
                <dt className="text-sm text-slate-600">借款金额</dt>
                <dd className="font-medium">
                  <Money value={debt.principal} />
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">实际到手</dt>
                <dd className="font-medium">
                  <Money value={debt.received} />
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">已还（{debt.paymentCount} 笔记录）</dt>
                <dd className="font-medium">
                  <Money value={debt.paid} />
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">剩余待还</dt>
                <dd className="font-medium">
                  <Money value={debt.outstanding} />
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">实际年化利率（IRR）</dt>
                <dd className="font-medium">
                  <Percent value={debt.realAnnualRate} />
                </dd>
              </div>
            </dl>
            {Number(debt.upfrontFee) > 0 ? (
              <p className="mt-3 text-sm text-slate-800">
                借款时被预先扣除 <Money value={debt.upfrontFee} />。{debt.upfrontFact.text}
                <span className="block text-xs text-slate-600">
                  依据：{debt.upfrontFact.source.citation}（{debt.upfrontFact.source.markLabel}）
                </span>
              </p>
            ) : null}
            {debt.linesAbove.length > 0 ? (
              <div className="mt-3 rounded-lg border border-red-200 bg-red-50 p-3">
                <p className="font-medium text-red-900">实际年化利率超过了这些标准，申请书里会写明：</p>
                <ul className="mt-1 flex flex-col gap-1 text-sm text-red-950">
                  {debt.linesAbove.map((l) => (
                    <li key={l.label}>
                      <strong>{l.label}</strong>：{l.meaning}
                      <span className="block text-xs text-red-900">
                        依据：{l.source.citation}（{l.source.markLabel}）
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <p className="mt-3 text-sm text-slate-600">
              数字不对？到
              <Link href={`/debts/${debt.id}`} className="text-brand-700 underline">
                债务详情
              </Link>
              里修改或记一笔还款。
            </p>
          </Card>

          <NegotiationLetterForm
            key={debt.id}
            facts={{
              borrowerName: draft.borrowerName,
              today: draft.today,
              platform: debt.platform,
              contractDate: debt.contractDate,
              principal: debt.principal,
              received: debt.received,
              outstanding: debt.outstanding,
              paid: debt.paid,
              overdueDays: debt.overdueDays,
              realAnnualRate: debt.realAnnualRate,
              linesAbove: debt.linesAbove.map((l) => ({ label: l.label, meaning: l.meaning, citation: l.citation })),
            }}
          />
        </>
      )}

      <DocumentWarnings warnings={draft.warnings} />
      <div className="print:hidden">
        <NotLegalAdvice text={draft.notLegalAdvice} />
      </div>
    </div>
  );
}
