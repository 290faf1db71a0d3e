/**
 * After a password change every session of the account is refused (its session version moved
 * on), including the one that made the change. To keep that browser signed in, the change
 * returns a short-lived proof, signed with the session secret and bound to the account and the
 * new session version; the browser hands it to next-auth's session update, and the jwt callback
 * moves that one token to the new version. An old session cannot produce a proof: it would need
 * the current password to change it again.
 */
import crypto from "node:crypto";
import { authSecret } from "./secret";

const LIFETIME_MS = 2 * 60 * 1000;

function signature(userId: string, sessionVersion: number, expiresAt: number, secret: string): string {
  return crypto
    .createHmac("sha256", secret)
    .update(`shore-session-version-proof:${userId}:${sessionVersion}:${expiresAt}`)
    .digest("base64url");
}

export function issueSessionVersionProof(
  userId: string,
  sessionVersion: number,
  now = Date.now(),
  secret = authSecret(),
): string {
  const expiresAt = now + LIFETIME_MS;
  return `${sessionVersion}.${expiresAt}.${signature(userId, sessionVersion, expiresAt, secret)}`;
}

/** The session version the proof vouches for, or null when it is malformed, expired, or not for this account. */
export function verifySessionVersionProof(
  userId: string,
  proof: unknown,
  now = Date.now(),
  secret = authSecret(),
): number | null {
  if (typeof proof !== "string" || proof.length > 200) return null;
  const match = /^(\d{1,9})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(proof);
  if (!match) return null;
  const sessionVersion = Number(match[1]);
  const expiresAt = Number(match[2]);
  if (expiresAt < now || expiresAt > now + LIFETIME_MS) return null;
  const expected = Buffer.from(signature(userId, sessionVersion, expiresAt, secret));
  const given = Buffer.from(match[3] ?? "");
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return sessionVersion;
}
