import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { SignOutButton, SignOutEverywhereButton } from "@/components/layout/sign-out-buttons";
import { buttonClass } from "@/components/ui/button";
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
  password_check_failure: "确认身份时密码输入错误",
  password_changed: "修改了密码（其他设备已退出）",
  data_exported: "导出了我的数据",
  account_deleted: "注销了账户",
  share_invited: "邀请债务顾问查看案件",
  share_accepted: "债务顾问接受了查看邀请",
  share_revoked: "收回了债务顾问的查看权限",
  link_created: "生成了只读进度链接",
  link_revoked: "收回了只读进度链接",
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
      <Card title="修改密码">
        <p className="mb-4 text-slate-700">修改后，其他设备上的登录会立即失效；这台设备保持登录。</p>
        <ChangePasswordForm />
      </Card>
      <Card title="导出我的数据">
        <p className="mb-4 text-slate-700">
          根据《个人信息保护法》，您可以随时取得我们保存的您的全部数据：一个 ZIP 压缩包，内含所有记录（data.json）
          {user.role === "borrower" ? "和您上传的证据文件（附 SHA-256 校验清单）" : ""}
          。文件包含敏感信息，请妥善保管。
        </p>
        <a href="/api/account/export" download className={buttonClass("secondary", "w-full sm:w-auto")}>
          下载我的全部数据（ZIP）
        </a>
      </Card>
      <Card title="最近的账户活动">
        {events.length === 0 ? (
          <p className="text-slate-700">暂无记录。</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {events.slice(0, 20).map((e) => (
              <li key={e.id} className="flex flex-col py-2 sm:flex-row sm:justify-between">
                <span className="break-all">
                  {eventLabels[e.type] ?? e.type}
                  {e.detail ? <span className="text-slate-600">：{e.detail}</span> : null}
                </span>
                <span className="text-sm text-slate-600">
                  <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
                  {e.ip ? ` · ${e.ip}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="注销账户">
        <p className="mb-4 text-slate-700">
          注销会永久删除您的账户和全部数据，无法恢复。建议先在上面下载一份您的数据。
        </p>
        <DeleteAccountForm isBorrower={user.role === "borrower"} />
      </Card>
    </div>
  );
}
