import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// argon2id with the OWASP-recommended minimum (m=19 MiB, t=2, p=1).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the email is unknown, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-matches-anything");
  return decoyHash;
}

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary },
  graphs: adjacencyGraphs,
});

/**
 * New passwords are checked against lists of common and leaked passwords and easy patterns
 * (zxcvbn-ts with its common-password dictionary), and must not contain the person's email or name.
 * Returns a Chinese message saying what to change, or null when the password is acceptable.
 */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  const result = zxcvbn.check(password, userInputs);
  if (result.score < 3) {
    return "这个密码太常见或太容易被猜到，请换一个：可以用几个不相关的词加数字组合";
  }
  return null;
}
