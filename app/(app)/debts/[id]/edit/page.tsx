import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { DebtForm } from "@/components/debts/debt-form";
import { previewOf, type DebtFormValues } from "@/components/debts/debt-preview";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "修改债务" };

export default async function EditDebtPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const { id } = await params;
  const api = await serverApi();
  const detail = await api.debts.get({ id }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  });
  const d = detail.debt;
  const initial: DebtFormValues = {
    platform: d.platform,
    debtKind: d.debtKind,
    lenderKind: d.lenderKind,
    principal: d.principal,
    received: d.received,
    outstanding: d.outstanding,
    repaymentMethod: d.repaymentMethod,
    installmentCount: d.installmentCount?.toString() ?? "",
    installmentAmount: d.installmentAmount ?? "",
    monthlyRatePercent: d.monthlyRatePercent ?? "",
    contractDate: d.contractDate ?? "",
    firstMissedDueDate: d.firstMissedDueDate ?? "",
    status: d.storedStatus,
    notes: d.notes,
  };
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold">修改：{d.platform}</h1>
      <DebtForm debtId={d.id} version={d.version} initial={initial} initialPreview={previewOf(initial)} />
    </div>
  );
}
