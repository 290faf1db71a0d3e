import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RespondButtons } from "@/components/sharing/sharing-forms";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Money } from "@/components/ui/money";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { formatDateTime } from "@/server/domain/time";

export const metadata: Metadata = { title: "我的客户" };

export default async function ClientsPage() {
  const user = await requireSessionUser();
  if (user.role !== "counselor") redirect("/dashboard");
  const api = await serverApi();
  const [invitations, clients] = await Promise.all([api.counselor.invitations(), api.counselor.clients()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">我的客户</h1>
      {invitations.length > 0 ? (
        <Card title="新的邀请">
          <ul className="divide-y divide-slate-200">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <p>
                  <span className="font-medium">{i.borrowerName}</span> 邀请你查看他的案件
                  <span className="block text-sm text-slate-600">{formatDateTime(i.invitedAt)}</span>
                </p>
                <RespondButtons shareId={i.id} borrowerName={i.borrowerName} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {clients.length === 0 ? (
        <Card>
          <p className="text-slate-800">还没有借款人与你共享案件。</p>
          <p className="mt-2 text-slate-600">
            借款人用你的注册邮箱（{user.email}）邀请你之后，他们的案件会出现在这里。
          </p>
        </Card>
      ) : (
        <section aria-labelledby="clients-heading">
          <h2 id="clients-heading" className="mb-2 text-lg font-semibold">
            按紧急程度排序
          </h2>
          <ul className="flex flex-col gap-3">
            {clients.map((c) => (
              <li key={c.caseId} className="rounded-xl border border-slate-200 bg-white p-4">
                <Link
                  href={`/clients/${c.caseId}`}
                  className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
                >
                  {c.borrowerName}
                </Link>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-slate-600">总欠款</dt>
                    <dd className="font-semibold">
                      <Money value={c.owed} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">最严重的逾期</dt>
                    <dd>{c.worstStage.label}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">超过红线</dt>
                    <dd>{c.aboveLineCount} 笔</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">债务</dt>
                    <dd>{c.debtCount} 笔</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">最近的法院期限</dt>
                    <dd className={c.nextDeadline ? "font-semibold text-red-800" : ""}>{c.nextDeadline ?? "无"}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">最近更新</dt>
                    <dd>{c.lastActivity ? formatDateTime(c.lastActivity) : "—"}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
