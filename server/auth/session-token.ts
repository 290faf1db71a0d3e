import type { JWT } from "next-auth/jwt";
import type { Database } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { verifySessionVersionProof } from "./session-version-proof";

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

/**
 * A session update (next-auth's `update()`, trigger "update") may carry `{ sessionVersionProof }`
 * from a password change made in this browser: a valid proof for this account moves the token to
 * the new session version. Anything else leaves the token as it was (and the recheck decides).
 */
export function adoptSessionVersion(token: JWT, update: unknown, now = Date.now()): JWT {
  if (!token.sub || typeof update !== "object" || update === null) return token;
  const proof = (update as { sessionVersionProof?: unknown }).sessionVersionProof;
  const sessionVersion = verifySessionVersionProof(token.sub, proof, now);
  return sessionVersion === null ? token : { ...token, sv: sessionVersion };
}
