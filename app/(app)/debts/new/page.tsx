import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DebtForm } from "@/components/debts/debt-form";
import { EMPTY_DEBT, previewOf } from "@/components/debts/debt-preview";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "添加债务" };

export default async function NewDebtPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">添加一笔债务</h1>
      <p className="text-slate-700">按 App 账单或合同上的数字填写。不确定的可以先空着，以后再改。</p>
      <DebtForm initial={EMPTY_DEBT} initialPreview={previewOf(EMPTY_DEBT)} />
    </div>
  );
}
