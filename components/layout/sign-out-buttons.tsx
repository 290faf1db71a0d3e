"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC, withTRPC } from "@/components/trpc/react";

export function SignOutButton({ className = "" }: { className?: string }) {
  return (
    <Button variant="secondary" className={className} onClick={() => signOut({ callbackUrl: "/sign-in" })}>
      退出登录
    </Button>
  );
}

/** Ends every session of this account, on every device, then this one. */
function SignOutEverywhereButtonWithoutProvider() {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: () => signOut({ callbackUrl: "/sign-in" }),
      onError: (err) => setError(err.message),
    }),
  );
  return (
    <div className="flex flex-col gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant="danger" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {mutation.isPending ? "正在退出…" : "退出所有设备"}
      </Button>
    </div>
  );
}

export const SignOutEverywhereButton = withTRPC(SignOutEverywhereButtonWithoutProvider);
