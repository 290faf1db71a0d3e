import { Money } from "@/components/ui/money";
import { formatYuan } from "@/server/domain/money";
import type { PaymentHistory } from "@/server/services/payments";
import { PaymentDeleteButton } from "./payment-delete-button";

/** 还款记录: newest first; the borrower may delete an entry, a counselor only reads. */
export function PaymentHistoryList({
  history,
  showPlatform,
  canDelete,
  limit,
}: {
  history: PaymentHistory;
  showPlatform: boolean;
  canDelete: boolean;
  limit?: number;
}) {
  if (history.payments.length === 0) return <p className="text-slate-700">还没有还款记录。</p>;
  const shown = limit ? history.payments.slice(0, limit) : history.payments;
  return (
    <div className="flex flex-col gap-2">
      <ul className="divide-y divide-slate-200">
        {shown.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="font-medium">
                <Money value={p.amount} />
                {showPlatform ? <span className="ml-2 break-words text-slate-700">{p.platform}</span> : null}
                {p.settledDebt ? (
                  <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">结清</span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600">
                <time dateTime={p.paidOn}>{p.paidOn}</time>
                {p.note ? ` · ${p.note}` : ""}
              </p>
            </div>
            {canDelete ? <PaymentDeleteButton id={p.id} label={`${p.paidOn} ${formatYuan(p.amount)}`} /> : null}
          </li>
        ))}
      </ul>
      {shown.length < history.payments.length ? (
        <p className="text-sm text-slate-600">
          只显示最近 {shown.length} 笔，共 {history.payments.length} 笔；完整记录可以导出。
        </p>
      ) : null}
    </div>
  );
}

/** Download links for the payment history and the plan's schedule. */
export function PaymentExportLinks({ debtId }: { debtId?: string }) {
  const schedule = (format: string) => `/api/plan/schedule?format=${format}${debtId ? `&debtId=${debtId}` : ""}`;
  const link = "text-brand-700 underline underline-offset-4";
  return (
    <ul className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-x-6">
      <li>
        还款记录：
        <a className={link} href="/api/payments/export?format=xlsx" download>
          Excel
        </a>
        {" · "}
        <a className={link} href="/api/payments/export?format=csv" download>
          CSV
        </a>
      </li>
      <li>
        {debtId ? "这笔债务的还款计划表" : "还款计划表（每笔债务每月）"}：
        <a className={link} href={schedule("xlsx")} download>
          Excel
        </a>
        {" · "}
        <a className={link} href={schedule("csv")} download>
          CSV
        </a>
      </li>
    </ul>
  );
}
