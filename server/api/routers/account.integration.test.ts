import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { auditEvents, cases } from "@/db/schema";
import { authenticate, WRONG_CREDENTIALS_MESSAGE } from "@/server/auth/accounts";
import { recheckSessionToken, SessionRevoked } from "@/server/auth/session-token";
import { AppError } from "@/server/errors";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { expectTrpcError } from "@/test/trpc-errors";

/**
 * Sign-in counters live in the run's shared database: these tests sign in from an address of
 * their own, so failures other test files make from the common test address never block them.
 */
const SIGN_IN_META = { ip: "198.51.100.7", userAgent: "vitest" };

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(async () => {
  await open.close();
});

function signUpAs(role: "borrower" | "counselor", email = uniqueEmail(role)) {
  return callerFor(open.db, null).account.signUp({ email, password: STRONG_PASSWORD, displayName: "小林", role });
}

describe("account.signUp", () => {
  it("creates a borrower with their case, hashing the password with argon2id", async () => {
    const email = uniqueEmail("Borrower").toUpperCase();
    const created = await signUpAs("borrower", email);
    expect(created.email).toBe(email.toLowerCase());
    expect(created).not.toHaveProperty("passwordHash");
    const row = await findUserByEmail(open.db, email);
    expect(row?.passwordHash.startsWith("$argon2id$")).toBe(true);
    const owned = await open.db.select().from(cases).where(eq(cases.ownerId, created.id));
    expect(owned).toHaveLength(1);
  });

  it("creates a counselor without a case", async () => {
    const created = await signUpAs("counselor");
    expect(created.role).toBe("counselor");
    const owned = await open.db.select().from(cases).where(eq(cases.ownerId, created.id));
    expect(owned).toHaveLength(0);
  });

  it("refuses a duplicate email whatever its case, and keeps the first account", async () => {
    const email = uniqueEmail("dup");
    const first = await signUpAs("borrower", email);
    await expectTrpcError(signUpAs("counselor", email.toUpperCase()), "CONFLICT", "已经注册");
    expect((await findUserByEmail(open.db, email))?.id).toBe(first.id);
  });

  it("refuses a common password with a message that says what to do", async () => {
    const email = uniqueEmail("weak");
    await expectTrpcError(
      callerFor(open.db, null).account.signUp({
        email,
        password: "password1234",
        displayName: "小林",
        role: "borrower",
      }),
      "BAD_REQUEST",
      "太常见",
    );
    expect(await findUserByEmail(open.db, email)).toBeUndefined();
  });

  it("answers bad input field by field, in Chinese", async () => {
    const err = await expectTrpcError(
      callerFor(open.db, null).account.signUp({
        email: "not-an-email",
        password: "short",
        displayName: " ",
        role: "borrower",
      }),
      "BAD_REQUEST",
    );
    const cause = err.cause as { issues?: { path: PropertyKey[]; message: string }[] };
    const byField = Object.fromEntries((cause.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(byField.email).toContain("邮箱格式不正确");
    expect(byField.password).toContain("至少需要 12 个字符");
    expect(byField.displayName).toContain("请输入称呼");
  });

  it("refuses a role that does not exist", async () => {
    await expectTrpcError(
      callerFor(open.db, null).account.signUp({
        email: uniqueEmail(),
        password: STRONG_PASSWORD,
        displayName: "x",
        role: "admin" as never,
      }),
      "BAD_REQUEST",
      "请选择身份",
    );
  });
});

describe("authenticate (sign-in)", () => {
  it("gives a wrong email and a wrong password the same answer, and records both", async () => {
    const email = uniqueEmail("signin");
    const user = await signUpAs("borrower", email);
    const wrongPassword = await authenticate(open.db, { email, password: "wrong-password-xyz" }, SIGN_IN_META).catch(
      (e) => e,
    );
    const unknownEmail = await authenticate(
      open.db,
      { email: uniqueEmail("nobody"), password: STRONG_PASSWORD },
      SIGN_IN_META,
    ).catch((e) => e);
    for (const err of [wrongPassword, unknownEmail]) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toBe(WRONG_CREDENTIALS_MESSAGE);
    }
    const ok = await authenticate(open.db, { email: email.toUpperCase(), password: STRONG_PASSWORD }, SIGN_IN_META);
    expect(ok.id).toBe(user.id);
    const events = await open.db.select().from(auditEvents).where(eq(auditEvents.userId, user.id));
    expect(events.map((e) => e.type).sort()).toEqual(["sign_in_failure", "sign_in_success", "sign_up"]);
  });

  it("blocks an account after 5 failures and says when to try again, even with the right password", async () => {
    const email = uniqueEmail("blocked");
    await signUpAs("borrower", email);
    const meta = { ip: "198.51.100.20", userAgent: "vitest" };
    for (let i = 0; i < 5; i++) {
      await expect(authenticate(open.db, { email, password: "wrong-password-xyz" }, meta)).rejects.toThrow(
        WRONG_CREDENTIALS_MESSAGE,
      );
    }
    const blocked = await authenticate(open.db, { email, password: STRONG_PASSWORD }, meta).catch((e) => e);
    expect(blocked).toBeInstanceOf(AppError);
    expect((blocked as AppError).code).toBe("TOO_MANY_REQUESTS");
    expect((blocked as AppError).message).toMatch(/请在 1[45] 分钟后再试/);
  });

  it("blocks an address after 20 failures across accounts", async () => {
    const meta = { ip: "198.51.100.99", userAgent: "vitest" };
    for (let i = 0; i < 20; i++) {
      await authenticate(open.db, { email: uniqueEmail("spray"), password: "wrong-password-xyz" }, meta).catch(
        () => {},
      );
    }
    const email = uniqueEmail("victim");
    await signUpAs("borrower", email);
    await expect(authenticate(open.db, { email, password: STRONG_PASSWORD }, meta)).rejects.toThrow("登录失败次数过多");
    // The same account from another address is not blocked.
    await expect(authenticate(open.db, { email, password: STRONG_PASSWORD }, SIGN_IN_META)).resolves.toMatchObject({
      email,
    });
  });
});

describe("sessions", () => {
  it("refuses signed-out callers", async () => {
    await expectTrpcError(callerFor(open.db, null).account.me(), "UNAUTHORIZED", "请先登录");
    await expectTrpcError(callerFor(open.db, null).account.signOutEverywhere(), "UNAUTHORIZED");
  });

  it("sign-out everywhere ends every existing session at its next request", async () => {
    const created = await signUpAs("borrower");
    const row = await findUserByEmail(open.db, created.email);
    const token = { sub: created.id, sv: row?.sessionVersion, name: "小林" };
    await expect(recheckSessionToken(open.db, token)).resolves.toMatchObject({ role: "borrower", name: "小林" });

    const me = callerFor(open.db, sessionUserOf({ ...created, displayName: created.displayName }));
    await me.account.signOutEverywhere();
    await expect(recheckSessionToken(open.db, token)).rejects.toBeInstanceOf(SessionRevoked);
    const events = await me.account.securityEvents();
    expect(events.map((e) => e.type)).toContain("sign_out_everywhere");
  });

  it("refuses a token for an account that does not exist", async () => {
    await expect(
      recheckSessionToken(open.db, { sub: "00000000-0000-4000-8000-000000000000", sv: 1 }),
    ).rejects.toBeInstanceOf(SessionRevoked);
  });

  it("shows each user only their own security events", async () => {
    const a = await signUpAs("borrower");
    const b = await signUpAs("borrower");
    const eventsOfA = await callerFor(open.db, sessionUserOf(a)).account.securityEvents();
    const eventsOfB = await callerFor(open.db, sessionUserOf(b)).account.securityEvents();
    expect(eventsOfA).toHaveLength(1);
    expect(eventsOfB).toHaveLength(1);
    expect(eventsOfA[0]?.id).not.toBe(eventsOfB[0]?.id);
  });
});
