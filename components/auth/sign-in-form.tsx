"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { loadAuthClient } from "./lazy-clients";

export function SignInForm({ next }: { next: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(!email ? "请输入邮箱" : "请输入密码");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const { signIn } = await loadAuthClient();
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "邮箱或密码不正确");
        setPending(false);
        return;
      }
      router.replace(next ?? "/dashboard");
      router.refresh();
    } catch {
      setError("网络连接出了问题，请检查网络后再试");
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      onFocus={() => void loadAuthClient().catch(() => {})}
      noValidate
      className="flex flex-col gap-4"
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="邮箱" name="email" type="email" autoComplete="username" inputMode="email" required />
      <Field label="密码" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
