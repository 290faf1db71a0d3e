import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { DebtActions } from "@/components/debts/debt-actions";
import { RateBadges } from "@/components/debts/rate-badges";
import { PaymentForm } from "@/components/payments/payment-form";
import { PaymentExportLinks, PaymentHistoryList } from "@/components/payments/payment-history";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Money, Percent } from "@/components/ui/money";
import { NotLegalAdvice } from "@/components/ui/not-legal-advice";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { SOURCE_MARK_LABEL } from "@/server/domain/legal";
import { shanghaiToday } from "@/server/domain/time";

export const metadata: Metadata = { title: "债务详情" };

const applicabilityLabel = {
  court: "法院适用",
  regulatory: "监管上限",
  reference: "参考线",
  notApplicable: "不适用于这类出借方",
} as const;
const positionLabel = { above: "超过", close: "接近", below: "低于" } as const;

async function loadDetail(id: string) {
  const api = await serverApi();
  try {
    return await api.debts.get({ id });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  }
}

export default async function DebtDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const { id } = await params;
  const { debt, consequences, rateLines, rateNotes, notLegalAdvice } = await loadDetail(id);
  const history = await (await serverApi()).payments.list({ debtId: debt.id });
  const canPay = !debt.archived && debt.status !== "settled";

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="返回">
        <Link href="/debts" className="text-brand-700 underline-offset-4 hover:underline">
          ← 债务清单
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="break-words text-2xl font-bold">{debt.platform}</h1>
          <p className="text-slate-700">
            {debt.debtKindLabel} · {debt.statusLabel}
            {debt.archived ? " · 已归档" : ""}
          </p>
        </div>
        <ButtonLink href={`/debts/${debt.id}/edit`} variant="secondary">
          修改
        </ButtonLink>
      </div>

      <Card title="还款记录">
        <p className="mb-3 text-slate-700">
          已记录还款 <Money value={history.totalPaid} />
          ，剩余待还 <Money value={debt.outstanding} />。
        </p>
        {canPay ? (
          <PaymentForm debtId={debt.id} today={shanghaiToday(new Date())} />
        ) : (
          <p className="text-slate-700">
            {debt.archived ? "这笔债务已归档，恢复后才能记录还款。" : "这笔债务已结清。"}
          </p>
        )}
        <h3 className="mt-5 mb-2 font-semibold">历史还款</h3>
        <PaymentHistoryList history={history} showPlatform={false} canDelete />
        <div className="mt-3 text-sm">
          <PaymentExportLinks debtId={canPay ? debt.id : undefined} />
        </div>
      </Card>

      <Card title="真实成本">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">实际年化（IRR）</dt>
            <dd className="text-xl font-semibold">
              <Percent value={debt.realAnnualRate} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">复利年化</dt>
            <dd className="text-xl font-semibold">
              <Percent value={debt.effectiveAnnualRate} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">每月应还</dt>
            <dd className="text-xl font-semibold">
              {debt.monthlyPayment ? <Money value={debt.monthlyPayment} /> : "—"}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">借款金额</dt>
            <dd>
              <Money value={debt.principal} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">实际到手</dt>
            <dd>
              <Money value={debt.received} />
              {debt.upfrontFee !== "0.00" ? (
                <span className="block text-sm text-red-800">
                  提前扣除 <Money value={debt.upfrontFee} />
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">剩余待还</dt>
            <dd>
              <Money value={debt.outstanding} />
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-sm text-slate-700">还款方式：{debt.repaymentMethodLabel}</p>
        <div className="mt-3">
          <RateBadges badges={debt.badges} />
        </div>
      </Card>

      <Card title={debt.overdueDays > 0 ? `逾期 ${debt.overdueDays} 天：${debt.stage.label}` : "逾期情况：未逾期"}>
        <p className="mb-2 text-slate-700">这个阶段通常会发生：</p>
        <ol className="flex flex-col gap-3 border-l-2 border-slate-300 pl-4">
          {consequences.map((c) => (
            <li key={c.text}>
              <p>{c.text}</p>
              <p className="text-sm text-slate-600">
                来源：{c.source.citation}（{SOURCE_MARK_LABEL[c.source.mark]}）
              </p>
            </li>
          ))}
        </ol>
      </Card>

      <Card title="法律红线（按出借方类型）">
        <p className="mb-3 text-sm text-slate-700">按“{debt.effectiveLenderKindLabel}”对照。</p>
        {rateLines.length === 0 ? (
          <p className="text-slate-700">没有固定还款计划，无法计算利率，也就无法对照红线。</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {rateLines.map((l) => (
              <li key={l.label} className="rounded-lg border border-slate-200 p-3">
                <p className="font-medium">
                  {l.label}：{positionLabel[l.position]}
                  <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs">
                    {applicabilityLabel[l.applicability]}
                  </span>
                </p>
                <p className="mt-1 text-slate-800">{l.meaning}</p>
                <p className="mt-1 text-sm text-slate-600">
                  {l.effective} · 来源：{l.source.citation}（{SOURCE_MARK_LABEL[l.source.mark]}）
                </p>
              </li>
            ))}
          </ul>
        )}
        {rateNotes.length > 0 ? (
          <ul className="mt-3 list-disc pl-5 text-sm text-slate-700">
            {rateNotes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </Card>

      <NotLegalAdvice text={notLegalAdvice} />

      {debt.notes ? (
        <Card title="备注">
          <p className="whitespace-pre-wrap break-words">{debt.notes}</p>
        </Card>
      ) : null}

      <Card title="操作">
        <DebtActions id={debt.id} version={debt.version} status={debt.status} archived={debt.archived} />
      </Card>
    </div>
  );
}
