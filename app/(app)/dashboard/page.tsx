import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "首页" };

const firstSteps = [
  "打开手机里每一个借款 App，找到“借款记录”或“账单”，记下平台名称、借了多少、实际到手多少、每期还多少、还剩几期。",
  "翻一翻短信和银行流水，别漏掉已经卸载的 App 和信用卡、亲友借款。",
  "把催收电话的录音、短信和截图保存好，不要删除。",
];

export default async function DashboardPage() {
  const user = await requireSessionUser();
  if (user.role === "counselor") redirect("/clients");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">你好，{user.name}</h1>
        <p className="mt-1 text-slate-700">欠债不是终点。先把情况理清楚，再一步一步来。</p>
      </div>
      <Card title="先做这一步：把所有借款找齐">
        <ol className="list-decimal space-y-2 pl-5 text-slate-800">
          {firstSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p className="mt-4 text-sm text-slate-600">这些信息越完整，算出来的真实利率和还款计划就越准确。</p>
      </Card>
    </div>
  );
}
