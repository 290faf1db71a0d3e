/**
 * Several app instances on one database behave as one: a sign-in lockout made through one
 * instance holds on the other, and so do a share revocation and a progress-link lockout. With
 * DATABASE_URL, the two instances are two separate connection pools to the same PostgreSQL
 * database; on PGlite (one in-process database), two separate drizzle clients — each with its own
 * limiter instances — over the same database.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { openPostgres, type Database, type OpenDatabase } from "@/db/client";
import * as schema from "@/db/schema";
import { createAccount } from "@/db/seed/factories";
import { authenticate, WRONG_CREDENTIALS_MESSAGE } from "@/server/auth/accounts";
import { AppError } from "@/server/errors";
import { resolveProgressLink } from "@/server/services/sharing";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { expectTrpcError } from "@/test/trpc-errors";
import { limitersFor, removeExpiredCounters } from "./rate-limit";

let first: OpenDatabase;
let second: { db: Database; close: () => Promise<void> };

beforeAll(async () => {
  first = await openTestDatabase();
  const url = inject("testDatabaseUrl");
  if (url) {
    second = await openPostgres(url, { max: 2 });
  } else {
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = (first.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
    second = { db: drizzle(client, { schema }) as unknown as Database, close: async () => {} };
  }
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

const instanceA = () => first.db;
const instanceB = () => second.db;

describe("two instances on one database", () => {
  it("are really two clients with their own limiter instances", () => {
    expect(instanceA()).not.toBe(instanceB());
    expect(limitersFor(instanceA()).signInPerAccount).not.toBe(limitersFor(instanceB()).signInPerAccount);
  });

  it("share a sign-in lockout: 5 failures through A block the right password through B", async () => {
    const email = uniqueEmail("lockout");
    await createAccount(instanceA(), { email, password: STRONG_PASSWORD, displayName: "小吴", role: "borrower" });
    const meta = { ip: "192.0.2.41", userAgent: "vitest" };
    for (let i = 0; i < 5; i++) {
      await expect(authenticate(instanceA(), { email, password: `wrong-${i}-password` }, meta)).rejects.toThrow(
        WRONG_CREDENTIALS_MESSAGE,
      );
    }
    const onB = await authenticate(instanceB(), { email, password: STRONG_PASSWORD }, { ...meta, ip: "192.0.2.42" })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(onB).toBeInstanceOf(AppError);
    expect((onB as AppError).code).toBe("TOO_MANY_REQUESTS");
  });

  it("share the per-address count: failures split across A and B add up", async () => {
    const meta = { ip: "192.0.2.77", userAgent: "vitest" };
    for (let i = 0; i < 20; i++) {
      const db = i % 2 === 0 ? instanceA() : instanceB();
      await authenticate(db, { email: uniqueEmail("spray"), password: "wrong-password-xyz" }, meta).catch(() => {});
    }
    const email = uniqueEmail("victim");
    await createAccount(instanceB(), { email, password: STRONG_PASSWORD, displayName: "小郑", role: "borrower" });
    await expect(authenticate(instanceA(), { email, password: STRONG_PASSWORD }, meta)).rejects.toThrow(
      "登录失败次数过多",
    );
    await expect(authenticate(instanceB(), { email, password: STRONG_PASSWORD }, meta)).rejects.toThrow(
      "登录失败次数过多",
    );
  });

  it("a share revoked through A is refused through B at the counselor's very next request", async () => {
    const borrower = await createAccount(instanceA(), {
      email: uniqueEmail("owner"),
      password: STRONG_PASSWORD,
      displayName: "案主",
      role: "borrower",
    });
    const counselor = await createAccount(instanceA(), {
      email: uniqueEmail("counselor"),
      password: STRONG_PASSWORD,
      displayName: "顾问",
      role: "counselor",
    });
    const ownerOnA = callerFor(instanceA(), sessionUserOf(borrower));
    const counselorOnB = callerFor(instanceB(), sessionUserOf(counselor));
    await ownerOnA.sharing.invite({ email: counselor.email });
    const [invitation] = await counselorOnB.counselor.invitations();
    await counselorOnB.counselor.respond({ shareId: invitation?.id ?? "", accept: true });
    const [client] = await counselorOnB.counselor.clients();
    expect(client).toBeDefined();
    await expect(counselorOnB.debts.list({ caseId: client?.caseId ?? "" })).resolves.toBeDefined();

    await ownerOnA.sharing.revoke({ shareId: invitation?.id ?? "" });

    await expectTrpcError(counselorOnB.debts.list({ caseId: client?.caseId ?? "" }), "NOT_FOUND");
    await expectTrpcError(counselorOnB.notes.list({ caseId: client?.caseId ?? "" }), "NOT_FOUND");
    expect(await counselorOnB.counselor.clients()).toHaveLength(0);
  });

  it("a progress link revoked through A no longer opens through B", async () => {
    const borrower = await createAccount(instanceA(), {
      email: uniqueEmail("linkowner"),
      password: STRONG_PASSWORD,
      displayName: "案主",
      role: "borrower",
    });
    const ownerOnA = callerFor(instanceA(), sessionUserOf(borrower), { now: () => new Date() });
    const link = await ownerOnA.sharing.createLink({ label: "妈妈", days: 7, showPlatforms: false });
    await expect(resolveProgressLink(instanceB(), link.token, "192.0.2.90", new Date())).resolves.not.toBeNull();
    await ownerOnA.sharing.revokeLink({ linkId: link.id });
    await expect(resolveProgressLink(instanceB(), link.token, "192.0.2.90", new Date())).resolves.toBeNull();
  });

  it("share the link-guess lockout: 30 wrong tokens through A block a valid link through B", async () => {
    const borrower = await createAccount(instanceA(), {
      email: uniqueEmail("guessowner"),
      password: STRONG_PASSWORD,
      displayName: "案主",
      role: "borrower",
    });
    const link = await callerFor(instanceA(), sessionUserOf(borrower), { now: () => new Date() }).sharing.createLink({
      label: "朋友",
      days: 7,
      showPlatforms: false,
    });
    const ip = "192.0.2.99";
    for (let i = 0; i < 30; i++) {
      await expect(resolveProgressLink(instanceA(), `${"x".repeat(42)}${i % 10}`, ip, new Date())).resolves.toBeNull();
    }
    await expect(resolveProgressLink(instanceB(), link.token, ip, new Date())).resolves.toBeNull();
    // Another address is not affected.
    await expect(resolveProgressLink(instanceB(), link.token, "192.0.2.100", new Date())).resolves.not.toBeNull();
  });

  it("keeps no email or address in the counters table", async () => {
    const rows = await instanceB().select().from(schema.rateLimits);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).not.toMatch(/@|192\.0\.2\./);
    }
  });

  it("removes counters whose window ended more than an hour ago, and keeps the others", async () => {
    const now = Date.now();
    await instanceA()
      .insert(schema.rateLimits)
      .values([
        { key: "test:old", points: 3, expire: new Date(now - 2 * 3_600_000) },
        { key: "test:recent", points: 3, expire: new Date(now - 60_000) },
      ]);
    await removeExpiredCounters(instanceB());
    const keys = (await instanceA().select().from(schema.rateLimits)).map((r) => r.key);
    expect(keys).not.toContain("test:old");
    expect(keys).toContain("test:recent");
  });
});
