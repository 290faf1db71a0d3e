import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

/** A plain tRPC client for the few public forms that need no query cache (sign-up). */
export const vanillaApi = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })],
});

export interface FormErrors {
  message: string;
  fields: Record<string, string>;
}

/** Reads a tRPC error into a message and per-field messages (from the zod issues). */
export function formErrors(err: unknown): FormErrors {
  if (err instanceof TRPCClientError) {
    const data = err.data as { fieldErrors?: Record<string, string> | null } | undefined;
    return { message: err.message, fields: data?.fieldErrors ?? {} };
  }
  return { message: "网络连接出了问题，请检查网络后再试", fields: {} };
}
