import type { Metadata } from "next";
import { SignOutButton, SignOutEverywhereButton } from "@/components/layout/sign-out-buttons";
import { Card } from "@/components/ui/card";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { formatDateTime } from "@/server/domain/time";

export const metadata: Metadata = { title: "账户与安全" };

const eventLabels: Record<string, string> = {
  sign_up: "注册",
  sign_in_success: "登录成功",
  sign_in_failure: "登录失败（密码错误）",
  sign_in_blocked: "登录被暂时阻止（失败次数过多）",
  sign_out_everywhere: "退出所有设备",
};

export default async function AccountPage() {
  const user = await requireSessionUser();
  const api = await serverApi();
  const events = await api.account.securityEvents();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">账户与安全</h1>
      <Card title="我的账户">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="text-slate-600">称呼</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-600">邮箱</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="text-slate-600">身份</dt>
          <dd>{user.role === "counselor" ? "债务顾问" : "借款人"}</dd>
        </dl>
      </Card>
      <Card title="退出">
        <p className="mb-4 text-slate-700">
          如果手机丢了，或在别人的电脑上登录过，请选择“退出所有设备”：所有已登录的地方都会立即失效。
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <SignOutButton />
          <SignOutEverywhereButton />
        </div>
      </Card>
      <Card title="最近的账户活动">
        {events.length === 0 ? (
          <p className="text-slate-700">暂无记录。</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {events.slice(0, 20).map((e) => (
              <li key={e.id} className="flex flex-col py-2 sm:flex-row sm:justify-between">
                <span>{eventLabels[e.type] ?? e.type}</span>
                <span className="text-sm text-slate-600">
                  <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
                  {e.ip ? ` · ${e.ip}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
