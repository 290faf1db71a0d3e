import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { clientAddress } from "@/server/auth/request-meta";
import { getSessionUser } from "@/server/auth/session";
import { createCaller } from "./root";
import type { Context } from "./trpc";

/** The context for this request: database, signed-in user (session version checked), address. */
export const createRequestContext = cache(async (): Promise<Context> => {
  const h = await headers();
  return {
    db: await getDb(),
    user: await getSessionUser(),
    meta: { ip: clientAddress(h), userAgent: h.get("user-agent") },
    now: () => new Date(),
  };
});

/** Server components: `const api = await serverApi(); await api.account.me()`. */
export const serverApi = cache(async () => createCaller(await createRequestContext()));
