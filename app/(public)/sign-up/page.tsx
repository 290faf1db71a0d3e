import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Link } from "@/components/ui/link";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "注册" };

export default async function SignUpPage() {
  const user = await getSessionUser();
  if (user) redirect(user.role === "counselor" ? "/clients" : "/dashboard");
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-2 text-2xl font-bold">注册上岸</h1>
      <p className="mb-6 text-slate-700">只需要邮箱和密码。你的信息只有你和你授权的人能看到。</p>
      <SignUpForm />
      <p className="mt-6 text-slate-700">
        已有账户？{" "}
        <Link href="/sign-in" className="text-brand-700 underline">
          登录
        </Link>
      </p>
    </div>
  );
}
