import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataFolder } from "@/db/client";

let cached: string | undefined;

/**
 * The key that signs sessions. Production reads NEXTAUTH_SECRET from the environment and refuses
 * to start without it; for local use a random secret is generated on first start and kept in
 * the data folder (mode 0600).
 */
export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("NEXTAUTH_SECRET must be at least 32 characters long.");
    cached = fromEnv;
    return cached;
  }
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET is not set. In production Shore needs it from the environment " +
        "(generate one with: openssl rand -base64 32).",
    );
  }
  const file = path.join(/*turbopackIgnore: true*/ dataFolder(), "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, generated, { mode: 0o600, flag: "wx" });
      cached = generated;
    } catch {
      cached = fs.readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
  return cached;
}
