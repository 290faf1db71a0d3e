"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PASSWORD_MIN } from "@/server/auth/password-policy";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormErrors } from "@/components/trpc/vanilla";
import { loadAuthClient, loadTrpcClient } from "./lazy-clients";

const networkError = (): FormErrors => ({ message: "网络连接出了问题，请检查网络后再试", fields: {} });

/** Loads both clients as soon as the form is touched, so a submit rarely waits for them. */
function preload() {
  void loadTrpcClient().catch(() => {});
  void loadAuthClient().catch(() => {});
}

export function SignUpForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      displayName: String(form.get("displayName") ?? ""),
      role: String(form.get("role") ?? "") as "borrower" | "counselor",
    };
    setPending(true);
    setErrors(null);
    try {
      const [{ vanillaApi }, { signIn }] = await Promise.all([loadTrpcClient(), loadAuthClient()]);
      await vanillaApi.account.signUp.mutate(input);
      const result = await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirect: false,
      });
      if (!result || result.error) {
        setErrors({
          message: `账户已经创建，但自动登录没有成功：${result?.error ?? "网络问题"}。请到登录页登录。`,
          fields: {},
        });
        setPending(false);
        return;
      }
      router.replace(input.role === "counselor" ? "/clients" : "/dashboard");
      router.refresh();
    } catch (err) {
      // A client that could not be fetched is a network problem too; formErrors says so.
      const { formErrors } = await loadTrpcClient().catch(() => ({ formErrors: networkError }));
      setErrors(formErrors(err));
      setPending(false);
    }
  }

  const fieldError = (name: string) => errors?.fields[name] ?? null;

  return (
    <form
      onSubmit={onSubmit}
      onFocus={preload}
      noValidate
      className="flex flex-col gap-4"
      aria-describedby="sign-up-error"
    >
      <div id="sign-up-error">
        {errors ? (
          <Alert tone="error">
            {Object.keys(errors.fields).length > 0 ? "有几处需要修改，请看下面标红的提示" : errors.message}
          </Alert>
        ) : null}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium text-slate-800">我是</legend>
        <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
          <input type="radio" name="role" value="borrower" defaultChecked className="mt-1 size-4 accent-brand-600" />
          <span>
            <span className="font-medium">借款人</span>
            <span className="block text-sm text-slate-600">整理自己的债务，制定计划，保留证据</span>
          </span>
        </label>
        <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-300 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
          <input type="radio" name="role" value="counselor" className="mt-1 size-4 accent-brand-600" />
          <span>
            <span className="font-medium">债务顾问</span>
            <span className="block text-sm text-slate-600">在借款人授权后查看案件、给出建议</span>
          </span>
        </label>
        {fieldError("role") ? <p className="text-sm text-red-800">{fieldError("role")}</p> : null}
      </fieldset>
      <Field
        label="称呼"
        name="displayName"
        autoComplete="nickname"
        required
        maxLength={40}
        hint="可以用昵称"
        error={fieldError("displayName")}
      />
      <Field
        label="邮箱"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        error={fieldError("email")}
      />
      <Field
        label="密码"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`至少 ${PASSWORD_MIN} 个字符；不要用生日、手机号或常见密码`}
        error={fieldError("password")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "正在注册…" : "注册"}
      </Button>
    </form>
  );
}
