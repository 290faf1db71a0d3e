import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { appRouter } from "@/server/api/root";
import { crossSiteRefusal } from "@/server/api/same-origin";
import { clientAddress } from "@/server/auth/request-meta";
import { getSessionUser } from "@/server/auth/session";

/** Our own origin as the browser addressed it (Host header), plus the configured public one. */
function allowedOrigins(request: NextRequest): string[] {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0] ?? request.nextUrl.protocol.replace(/:$/, "");
  const origins = [request.nextUrl.origin];
  if (host) origins.push(`${proto}://${host}`);
  if (process.env.NEXTAUTH_URL) origins.push(new URL(process.env.NEXTAUTH_URL).origin);
  return origins;
}

async function handler(request: NextRequest) {
  const refusal = crossSiteRefusal(request, allowedOrigins(request));
  if (refusal) {
    return Response.json({ error: { message: refusal, code: "FORBIDDEN" } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => ({
      db: await getDb(),
      user: await getSessionUser(),
      meta: { ip: clientAddress(request.headers), userAgent: request.headers.get("user-agent") },
      now: () => new Date(),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}`, error.cause ?? error);
    },
    responseMeta: () => ({ headers: new Headers({ "cache-control": "no-store" }) }),
  });
}

export { handler as GET, handler as POST };
