"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { Link } from "@/components/ui/link";

/** 注销账户: permanent; confirmed with the current password and an explicit acknowledgement. */
function DeleteAccountFormWithoutProvider({ isBorrower }: { isBorrower: boolean }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);

  const remove = useMutation(
    trpc.account.deleteAccount.mutationOptions({
      onSuccess: async () => {
        setDeleted(true);
        await signOut({ redirect: false });
      },
      onError: (err) => {
        if (err.data?.code === "BAD_REQUEST") {
          setFieldError(err.message);
          setError(null);
        } else {
          setError(err.message);
          setFieldError(null);
        }
      },
    }),
  );

  if (deleted) {
    return (
      <Alert tone="success">
        <p>账户已注销，您的数据已全部删除。这台设备也已退出登录。</p>
        <p className="mt-2">
          <Link href="/" className="font-medium underline">
            返回首页
          </Link>
        </p>
      </Alert>
    );
  }

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (!understood) {
          setError("请先勾选确认：注销后数据无法恢复");
          return;
        }
        setError(null);
        setFieldError(null);
        remove.mutate({ password });
      }}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field
        label="输入当前密码以确认注销"
        name="deletePassword"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError}
      />
      <label className="flex min-h-11 items-start gap-3">
        <input
          type="checkbox"
          name="understood"
          className="mt-1 size-5 shrink-0 accent-red-700"
          checked={understood}
          onChange={(e) => setUnderstood(e.target.checked)}
        />
        <span>
          {isBorrower
            ? "我明白：注销后，我的案件、债务、计划、证据文件和分享链接都会被永久删除，顾问也将立即无法查看，无法恢复。"
            : "我明白：注销后，我的账户、我持有的授权和我写的建议都会被永久删除，无法恢复。"}
        </span>
      </label>
      <Button type="submit" variant="danger" disabled={remove.isPending || !understood}>
        {remove.isPending ? "正在注销…" : "永久注销账户"}
      </Button>
    </form>
  );
}

export const DeleteAccountForm = withTRPC(DeleteAccountFormWithoutProvider);
