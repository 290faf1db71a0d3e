import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "我的客户" };

export default async function ClientsPage() {
  const user = await requireSessionUser();
  if (user.role !== "counselor") redirect("/dashboard");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">我的客户</h1>
      <Card>
        <p className="text-slate-800">还没有借款人与你共享案件。</p>
        <p className="mt-2 text-slate-600">借款人用你的注册邮箱（{user.email}）邀请你之后，他们的案件会出现在这里。</p>
      </Card>
    </div>
  );
}
