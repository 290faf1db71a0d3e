import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ImportForm } from "@/components/debts/import-form";
import { Link } from "@/components/ui/link";
import { requireSessionUser } from "@/server/auth/session";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/server/services/debt-transfer";

export const metadata: Metadata = { title: "导入债务清单" };

export default async function ImportDebtsPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <p>
        <Link href="/debts" className="text-brand-700 underline underline-offset-4">
          ← 返回债务清单
        </Link>
      </p>
      <h1 className="text-2xl font-bold">导入债务清单</h1>
      <p className="text-slate-700">
        已经用表格记了自己的债务？直接上传，不用一笔一笔重新填。上传后会先逐行检查并给你预览，确认无误再保存；只要有一行有问题，就一行也不会保存。
      </p>
      <ImportForm maxBytes={IMPORT_MAX_BYTES} maxRows={IMPORT_MAX_ROWS} />
    </div>
  );
}
