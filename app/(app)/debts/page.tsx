import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DebtCard } from "@/components/debts/debt-card";
import { DebtTotalsPanel } from "@/components/debts/debt-totals";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NotLegalAdvice } from "@/components/ui/not-legal-advice";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "债务清单" };

const exportLink = "inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4";

export default async function DebtListPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const api = await serverApi();
  const { items, totals, archived, notLegalAdvice } = await api.debts.list();

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">债务清单</h1>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <ButtonLink href="/debts/new">添加一笔债务</ButtonLink>
          <ButtonLink href="/debts/import" variant="secondary">
            导入
          </ButtonLink>
          {items.length > 0 ? (
            <span className="text-slate-700">
              导出{" "}
              <a href="/api/debts/export?format=csv" download aria-label="导出 CSV" className={exportLink}>
                CSV
              </a>{" "}
              /{" "}
              <a href="/api/debts/export?format=xlsx" download aria-label="导出 Excel" className={exportLink}>
                Excel
              </a>
            </span>
          ) : null}
        </div>
      </div>

      {items.length === 0 ? (
        <Card>
          <p className="text-slate-800">还没有债务记录。</p>
          <p className="mt-2 text-slate-600">
            从最让你担心的那一笔开始：平台名称、借了多少、实际到手多少、每期还多少。我们会算出它真实的年化利率。
          </p>
        </Card>
      ) : (
        <>
          <DebtTotalsPanel totals={totals} />
          <section aria-labelledby="priority-heading" className="flex flex-col gap-3">
            <div>
              <h2 id="priority-heading" className="text-lg font-semibold">
                建议处理顺序
              </h2>
              <p className="text-sm text-slate-600">
                以实际年化利率从高到低为基础；快要进入下一个逾期阶段、有法院期限、超过法律红线的会往前排。点开“为什么排在这里”看原因。
              </p>
            </div>
            <ol className="flex flex-col gap-3">
              {items.map((d) => (
                <li key={d.id}>
                  <DebtCard debt={d} rank={d.rank} reasons={d.reasons} />
                </li>
              ))}
            </ol>
          </section>
          <NotLegalAdvice text={notLegalAdvice} />
        </>
      )}

      {archived.length > 0 ? (
        <details className="rounded-xl border border-slate-200 bg-white p-4">
          <summary className="min-h-11 cursor-pointer content-center font-medium">
            已归档（{archived.length} 笔）
          </summary>
          <ul className="mt-3 flex flex-col gap-3">
            {archived.map((d) => (
              <li key={d.id}>
                <DebtCard debt={d} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
