"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { useTRPC, withTRPC } from "@/components/trpc/react";

function useRefreshing() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    setError,
    options: {
      onSuccess: () => {
        setError(null);
        router.refresh();
      },
      onError: (e: { message: string }) => setError(e.message),
    },
  };
}

function InviteCounselorFormWithoutProvider() {
  const trpc = useTRPC();
  const { error, options } = useRefreshing();
  const [email, setEmail] = useState("");
  const invite = useMutation(
    trpc.sharing.invite.mutationOptions({ ...options, onSuccess: () => (setEmail(""), options.onSuccess()) }),
  );
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        invite.mutate({ email });
      }}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field
        label="债务顾问的邮箱"
        type="email"
        inputMode="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        hint="对方用这个邮箱注册为“债务顾问”并接受后，就能查看你的案件（只读）"
      />
      <Button type="submit" disabled={invite.isPending}>
        {invite.isPending ? "正在邀请…" : "邀请"}
      </Button>
    </form>
  );
}

function RevokeShareButtonWithoutProvider({ shareId, name }: { shareId: string; name: string }) {
  const trpc = useTRPC();
  const { error, options } = useRefreshing();
  const revoke = useMutation(trpc.sharing.revoke.mutationOptions(options));
  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        variant="danger"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate({ shareId })}
        aria-label={`收回 ${name} 的查看权限`}
      >
        收回权限
      </Button>
    </div>
  );
}

function CreateLinkFormWithoutProvider({ origin }: { origin: string }) {
  const trpc = useTRPC();
  const { error, options } = useRefreshing();
  const [label, setLabel] = useState("");
  const [days, setDays] = useState("30");
  const [showPlatforms, setShowPlatforms] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation(
    trpc.sharing.createLink.mutationOptions({
      ...options,
      onSuccess: (link) => {
        setCreated(`${origin}/share/${link.token}`);
        setLabel("");
        options.onSuccess();
      },
    }),
  );
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        setCopied(false);
        create.mutate({ label, days: Number(days) as 7 | 30 | 90, showPlatforms });
      }}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      {created ? (
        <Alert tone="success">
          <p>链接已生成。它只显示这一次，请现在复制发给对方：</p>
          <p className="mt-2 break-all font-mono text-sm" data-testid="new-link">
            {created}
          </p>
          <Button
            variant="secondary"
            className="mt-2"
            onClick={() =>
              navigator.clipboard?.writeText(created).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? "已复制" : "复制链接"}
          </Button>
        </Alert>
      ) : null}
      <Field
        label="给谁看"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        maxLength={30}
        hint="每个人一个链接，可以单独收回，例如“妈妈”"
      />
      <SelectField
        label="有效期"
        value={days}
        onChange={(e) => setDays(e.target.value)}
        options={[
          { value: "7", label: "7 天" },
          { value: "30", label: "30 天" },
          { value: "90", label: "90 天" },
        ]}
      />
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          className="size-5 accent-brand-600"
          checked={showPlatforms}
          onChange={(e) => setShowPlatforms(e.target.checked)}
        />
        <span>显示平台名称（默认只显示进度）</span>
      </label>
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "正在生成…" : "生成只读进度链接"}
      </Button>
    </form>
  );
}

function RevokeLinkButtonWithoutProvider({ linkId, label }: { linkId: string; label: string }) {
  const trpc = useTRPC();
  const { error, options } = useRefreshing();
  const revoke = useMutation(trpc.sharing.revokeLink.mutationOptions(options));
  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        variant="danger"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate({ linkId })}
        aria-label={`收回给${label}的链接`}
      >
        收回链接
      </Button>
    </div>
  );
}

function RespondButtonsWithoutProvider({ shareId, borrowerName }: { shareId: string; borrowerName: string }) {
  const trpc = useTRPC();
  const { error, options } = useRefreshing();
  const respond = useMutation(trpc.counselor.respond.mutationOptions(options));
  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex gap-2">
        <Button
          disabled={respond.isPending}
          onClick={() => respond.mutate({ shareId, accept: true })}
          aria-label={`接受${borrowerName}的邀请`}
        >
          接受
        </Button>
        <Button
          variant="secondary"
          disabled={respond.isPending}
          onClick={() => respond.mutate({ shareId, accept: false })}
          aria-label={`拒绝${borrowerName}的邀请`}
        >
          拒绝
        </Button>
      </div>
    </div>
  );
}

function NoteFormWithoutProvider({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const { error, options } = useRefreshing();
  const [body, setBody] = useState("");
  const add = useMutation(
    trpc.notes.add.mutationOptions({ ...options, onSuccess: () => (setBody(""), options.onSuccess()) }),
  );
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        add.mutate({ caseId, body });
      }}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextAreaField label="写给借款人的建议" value={body} onChange={(e) => setBody(e.target.value)} maxLength={2000} />
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? "正在保存…" : "发送建议"}
      </Button>
    </form>
  );
}

function NoteDoneToggleWithoutProvider({ noteId, done }: { noteId: string; done: boolean }) {
  const trpc = useTRPC();
  const { error, options } = useRefreshing();
  const setDone = useMutation(trpc.notes.setDone.mutationOptions(options));
  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant="secondary" disabled={setDone.isPending} onClick={() => setDone.mutate({ noteId, done: !done })}>
        {done ? "标记为未完成" : "标记为已完成"}
      </Button>
    </div>
  );
}

export const InviteCounselorForm = withTRPC(InviteCounselorFormWithoutProvider);
export const RevokeShareButton = withTRPC(RevokeShareButtonWithoutProvider);
export const CreateLinkForm = withTRPC(CreateLinkFormWithoutProvider);
export const RevokeLinkButton = withTRPC(RevokeLinkButtonWithoutProvider);
export const RespondButtons = withTRPC(RespondButtonsWithoutProvider);
export const NoteForm = withTRPC(NoteFormWithoutProvider);
export const NoteDoneToggle = withTRPC(NoteDoneToggleWithoutProvider);
