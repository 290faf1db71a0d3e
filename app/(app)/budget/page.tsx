import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BudgetBars, BudgetSuggestions, BudgetTotals } from "@/components/budget/budget-analysis";
import { BudgetForm } from "@/components/budget/budget-form";
import { budgetPreview } from "@/components/budget/budget-preview";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "收支预算" };

export default async function BudgetPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const api = await serverApi();
  const { items, saved, analysis, emergencyFund } = await api.budget.get();

  const form = (
    <Card>
      <BudgetForm
        saved={items}
        initialPreview={budgetPreview(
          items.map((i) => ({ amount: i.monthlyAmount, type: i.kind === "income" ? "income" : i.category })),
        )}
      />
    </Card>
  );

  const analysisBlock = (
    <>
      <BudgetTotals analysis={analysis} />
      <BudgetSuggestions analysis={analysis} />
      <BudgetBars analysis={analysis} />

      <Card title="应急基金目标">
        <p className="text-slate-800">
          按每月必要支出算，应急基金最好存到 <Money value={emergencyFund.min} className="font-semibold" /> 到{" "}
          <Money value={emergencyFund.max} className="font-semibold" />
          （3–6 个月的必要支出）。先把高息债务处理好，还款计划留出空间后再慢慢存。
        </p>
        <p className="mt-1 text-xs text-slate-500">依据：{emergencyFund.source.citation}</p>
      </Card>
    </>
  );

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">收支预算</h1>
        <p className="mt-1 text-slate-700">
          先算清楚每个月进多少、出多少，才知道每月能拿出多少钱还债。保住房租、伙食、医疗这些必要支出，是上岸的前提。
        </p>
      </div>

      {/* The form keeps one place in the tree, so saving (which flips `saved`) never resets what was typed
          or the confirmation; the analysis goes first once a budget is saved. */}
      {saved ? analysisBlock : null}
      {form}
      {saved ? null : analysisBlock}

      <div className="flex flex-wrap gap-3">
        <ButtonLink href="/plan">用这个金额制定还款计划</ButtonLink>
      </div>
    </div>
  );
}
