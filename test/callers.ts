import type { Database } from "@/db/client";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/session";

export const TEST_META = { ip: "203.0.113.7", userAgent: "vitest" };

/** The server-side caller as a given user (or signed out), exactly as pages use it. */
export function callerFor(
  db: Database,
  user: SessionUser | null,
  {
    meta = TEST_META,
    now = () => new Date("2026-11-27T04:00:00Z"),
  }: { meta?: typeof TEST_META; now?: () => Date } = {},
) {
  return createCaller({ db, user, meta, now });
}

export function sessionUserOf(user: {
  id: string;
  displayName: string;
  email: string;
  role: SessionUser["role"];
}): SessionUser {
  return { id: user.id, name: user.displayName, email: user.email, role: user.role };
}
