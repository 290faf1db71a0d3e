import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Link } from "@/components/ui/link";
import { getSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "登录" };

/** Only a path on this site may be a post-sign-in destination (no open redirect). */
function safeNext(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : null;
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getSessionUser();
  if (user) redirect(user.role === "counselor" ? "/clients" : "/dashboard");
  const next = safeNext((await searchParams).next);
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-6 text-2xl font-bold">登录上岸</h1>
      <SignInForm next={next} />
      <p className="mt-6 text-slate-700">
        还没有账户？{" "}
        <Link href="/sign-up" className="text-brand-700 underline">
          注册
        </Link>
      </p>
    </div>
  );
}
