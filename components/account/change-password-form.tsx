"use client";

import { useMutation } from "@tanstack/react-query";
import { getCsrfToken, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { PASSWORD_MIN } from "@/server/auth/password-policy";

/**
 * Moves this browser's session to the account's new session version with the proof the
 * password change returned (next-auth's session update). False when that did not work.
 */
async function keepThisSession(sessionVersionProof: string): Promise<boolean> {
  try {
    const csrfToken = await getCsrfToken();
    const response = await fetch("/api/auth/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ csrfToken, data: { sessionVersionProof } }),
    });
    if (!response.ok) return false;
    const session = (await response.json()) as { user?: { id?: string } };
    return Boolean(session.user?.id);
  } catch {
    return false;
  }
}

/** 修改密码: every other device is signed out; this one stays signed in. */
function ChangePasswordFormWithoutProvider() {
  const trpc = useTRPC();
  const router = useRouter();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [updating, setUpdating] = useState(false);

  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async ({ sessionVersionProof }) => {
        setCurrentPassword("");
        setNewPassword("");
        setUpdating(true);
        if (await keepThisSession(sessionVersionProof)) {
          setUpdating(false);
          setMessage({ tone: "success", text: "密码已修改。其他设备上的登录都已退出，这台设备保持登录。" });
          router.refresh();
        } else {
          setMessage({ tone: "success", text: "密码已修改。请用新密码重新登录。" });
          await signOut({ callbackUrl: "/sign-in" });
        }
      },
      onError: (err) => {
        const fieldErrors = (err.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors;
        const byField = { ...(fieldErrors ?? {}) };
        if (!fieldErrors && err.message.includes("当前密码")) byField.currentPassword = err.message;
        else if (!fieldErrors && err.data?.code === "BAD_REQUEST") byField.newPassword = err.message;
        setFields(byField);
        setMessage(Object.keys(byField).length > 0 ? null : { tone: "error", text: err.message });
      },
    }),
  );
  const pending = change.isPending || updating;

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        setFields({});
        setMessage(null);
        change.mutate({ currentPassword, newPassword });
      }}
    >
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field
        label="当前密码"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={fields.currentPassword ?? null}
      />
      <Field
        label="新密码"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        hint={`至少 ${PASSWORD_MIN} 个字符；不要用生日、手机号或常见密码`}
        error={fields.newPassword ?? null}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在修改…" : "修改密码"}
      </Button>
    </form>
  );
}

export const ChangePasswordForm = withTRPC(ChangePasswordFormWithoutProvider);
