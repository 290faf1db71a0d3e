import type { JWT } from "next-auth/jwt";
import type { Database } from "@/db/client";
import { findUserById } from "@/db/queries/users";

export class SessionRevoked extends Error {
  constructor() {
    super("session revoked");
  }
}

/**
 * Re-checks a session token against the account on every request: a deleted account or a session
 * version that moved on (sign-out everywhere, password change) ends the session at once
 * (ASVS 7.4.1, 8.3.2). Returns the token refreshed with the current name and role.
 */
export async function recheckSessionToken(db: Database, token: JWT): Promise<JWT> {
  const current = token.sub ? await findUserById(db, token.sub) : undefined;
  if (!current || current.sessionVersion !== token.sv) throw new SessionRevoked();
  return { ...token, name: current.displayName, email: current.email, role: current.role };
}
