import crypto from "node:crypto";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Failed sign-ins are limited per account (email) and per address (IP):
 * 5 failures for one account, or 20 from one address, within 15 minutes block further attempts
 * for 15 minutes. A successful sign-in clears the account's counter. Wrong guesses of the current
 * password (password change, account deletion) count as failures too.
 *
 * The counters live in PostgreSQL (table rate_limits, through rate-limiter-flexible's
 * RateLimiterDrizzle), so every app instance on the same database shares them: a lockout on one
 * instance holds on all. Keys are stored as SHA-256 digests, never as the email or address itself.
 */
const WINDOW_SECONDS = 15 * 60;

/**
 * RateLimiterDrizzle loads drizzle-orm's operators with `import(variable)`, which a Turbopack
 * server bundle replaces with "Cannot find module" (it works under plain Node and vitest). This
 * subclass runs the very same statements with statically imported operators, so it works in the
 * Next build too. (With `rate-limiter-flexible` in next.config's serverExternalPackages the
 * overrides would be unnecessary.)
 */
class StaticRateLimiterDrizzle extends RateLimiterDrizzle {
  private get db(): Database {
    return (this as unknown as { drizzleClient: Database }).drizzleClient;
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    const now = new Date();
    const newExpire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const expired = sql`${rateLimits.expire} <= ${sql.param(now, rateLimits.expire)}`;
    const nextExpire = sql.param(newExpire, rateLimits.expire);
    const [row] = await this.db
      .insert(rateLimits)
      .values({ key, points, expire: newExpire })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: forceExpire
          ? { points, expire: newExpire }
          : {
              points: sql`CASE WHEN ${expired} THEN ${points} ELSE ${rateLimits.points} + ${points} END`,
              expire: sql`CASE WHEN ${expired} THEN ${nextExpire} ELSE ${rateLimits.expire} END`,
            },
      })
      .returning();
    return row;
  }

  async _get(key: string) {
    const [row] = await this.db
      .select()
      .from(rateLimits)
      .where(and(eq(rateLimits.key, key), or(gt(rateLimits.expire, new Date()), isNull(rateLimits.expire))))
      .limit(1);
    return row ?? null;
  }

  async _delete(key: string) {
    const [row] = await this.db.delete(rateLimits).where(eq(rateLimits.key, key)).returning({ key: rateLimits.key });
    return Boolean(row?.key);
  }
}

/** Removes counters whose window ended more than an hour ago (each process, every 5 minutes). */
export async function removeExpiredCounters(db: Database): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(Date.now() - 3_600_000)));
}

export interface Limiters {
  signInPerAccount: RateLimiterDrizzle;
  signInPerAddress: RateLimiterDrizzle;
  /** Wrong or expired progress-link tokens, per address: 30 in 10 minutes. */
  shareLinkGuesses: RateLimiterDrizzle;
}

const limitersByDatabase = new WeakMap<Database, Limiters>();

/** The limiters over this database (one set per database client: tests open several). */
export function limitersFor(db: Database): Limiters {
  let limiters = limitersByDatabase.get(db);
  if (!limiters) {
    // The library's own expiry timer would import drizzle-orm dynamically: ours runs instead.
    const common = { storeClient: db, schema: rateLimits, clearExpiredByTimeout: false };
    limiters = {
      signInPerAccount: new StaticRateLimiterDrizzle({
        ...common,
        keyPrefix: "signin-account",
        points: 5,
        duration: WINDOW_SECONDS,
      }),
      signInPerAddress: new StaticRateLimiterDrizzle({
        ...common,
        keyPrefix: "signin-address",
        points: 20,
        duration: WINDOW_SECONDS,
      }),
      shareLinkGuesses: new StaticRateLimiterDrizzle({ ...common, keyPrefix: "share-link", points: 30, duration: 600 }),
    };
    limitersByDatabase.set(db, limiters);
    const weakDb = new WeakRef(db);
    const sweep = setInterval(() => {
      const current = weakDb.deref();
      if (!current) return clearInterval(sweep);
      removeExpiredCounters(current).catch(() => {}); // e.g. the database was closed; try again later
    }, 5 * 60_000);
    sweep.unref();
  }
  return limiters;
}

/** The key a value is counted under: a digest, so the table holds no email or address. */
export function limitKey(value: string): string {
  return crypto.createHash("sha256").update(value.trim().toLowerCase()).digest("hex").slice(0, 40);
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `登录失败次数过多，请在 ${minutes} 分钟后再试`;
}

function blockedMs(res: RateLimiterRes | null): number {
  return res && res.remainingPoints <= 0 ? res.msBeforeNext : 0;
}

/** Seconds until the account or address may try again, or 0 when an attempt is allowed. */
export async function signInBlockedFor(db: Database, email: string, ip: string): Promise<number> {
  const { signInPerAccount, signInPerAddress } = limitersFor(db);
  const [account, address] = await Promise.all([
    signInPerAccount.get(limitKey(email)),
    signInPerAddress.get(limitKey(ip)),
  ]);
  return Math.ceil(Math.max(blockedMs(account), blockedMs(address)) / 1000);
}

export async function recordSignInFailure(db: Database, email: string, ip: string): Promise<void> {
  const { signInPerAccount, signInPerAddress } = limitersFor(db);
  await Promise.all([
    signInPerAccount.penalty(limitKey(email), 1).catch(ignoreLimit),
    signInPerAddress.penalty(limitKey(ip), 1).catch(ignoreLimit),
  ]);
}

export async function recordSignInSuccess(db: Database, email: string): Promise<void> {
  await limitersFor(db).signInPerAccount.delete(limitKey(email));
}

/** True when this address has guessed too many wrong progress-link tokens lately. */
export async function shareLinkGuessesBlocked(db: Database, ip: string): Promise<boolean> {
  return blockedMs(await limitersFor(db).shareLinkGuesses.get(limitKey(ip))) > 0;
}

export async function recordShareLinkGuess(db: Database, ip: string): Promise<void> {
  await limitersFor(db).shareLinkGuesses.penalty(limitKey(ip), 1).catch(ignoreLimit);
}

function ignoreLimit(err: unknown) {
  if (!(err instanceof RateLimiterRes)) throw err;
}
