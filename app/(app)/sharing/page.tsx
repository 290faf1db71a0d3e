import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  CreateLinkForm,
  InviteCounselorForm,
  RevokeLinkButton,
  RevokeShareButton,
} from "@/components/sharing/sharing-forms";
import { Card } from "@/components/ui/card";
import { serverApi } from "@/server/api/server";
import { publicOrigin } from "@/server/auth/request-meta";
import { requireSessionUser } from "@/server/auth/session";
import { formatDateTime } from "@/server/domain/time";

export const metadata: Metadata = { title: "共享与访问" };

const shareStatusLabel = {
  pending: "等待对方接受",
  active: "可以查看",
  declined: "对方已拒绝",
  revoked: "已收回",
} as const;
const linkStateLabel = { active: "有效", expired: "已过期", revoked: "已收回" } as const;

export default async function SharingPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const api = await serverApi();
  const [shares, links, accessLog] = await Promise.all([
    api.sharing.shares(),
    api.sharing.links(),
    api.sharing.accessLog(),
  ]);
  const origin = publicOrigin(await headers());

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">共享与访问</h1>

      <Card title="债务顾问">
        <p className="mb-4 text-slate-700">
          顾问只能查看，不能修改你的数据。你随时可以收回，收回后对方立即无法再打开。
        </p>
        {shares.length > 0 ? (
          <ul className="mb-4 divide-y divide-slate-200">
            {shares.map((s) => (
              <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="break-all font-medium">{s.counselorName ?? s.counselorEmail}</p>
                  <p className="text-sm text-slate-600">
                    {shareStatusLabel[s.status]} · 邀请于 {formatDateTime(s.invitedAt)}
                    {s.respondedAt && s.status === "active" ? ` · 自 ${formatDateTime(s.respondedAt)} 起可查看` : ""}
                  </p>
                </div>
                {s.status === "active" || s.status === "pending" ? (
                  <RevokeShareButton shareId={s.id} name={s.counselorName ?? s.counselorEmail} />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <InviteCounselorForm />
      </Card>

      <Card title="只读进度链接">
        <p className="mb-4 text-slate-700">
          对方不用登录就能看到你的还款进度。默认只显示进度，不显示收入、联系方式、证据和沟通记录。
        </p>
        {links.length > 0 ? (
          <ul className="mb-4 divide-y divide-slate-200">
            {links.map((l) => (
              <li key={l.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium">给{l.label}</p>
                  <p className="text-sm text-slate-600">
                    {linkStateLabel[l.state]} · 有效至 {formatDateTime(l.expiresAt)} · 打开 {l.viewCount} 次
                    {l.showPlatforms ? " · 显示平台名称" : ""}
                  </p>
                </div>
                {l.state === "active" ? <RevokeLinkButton linkId={l.id} label={l.label} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <CreateLinkForm origin={origin} />
      </Card>

      <Card title="访问记录">
        {accessLog.length === 0 ? (
          <p className="text-slate-700">还没有人查看过你的案件。</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {accessLog.map((e) => (
              <li key={e.id} className="flex flex-col py-2 sm:flex-row sm:justify-between">
                <span>
                  {e.viewer === "counselor"
                    ? `顾问 ${e.counselorName ?? "（已删除）"} 查看了案件`
                    : `给${e.linkLabel ?? "他人"}的链接被打开`}
                </span>
                <time className="text-sm text-slate-600" dateTime={e.at.toISOString()}>
                  {formatDateTime(e.at)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
