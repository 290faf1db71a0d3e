/**
 * Property-based fuzzing of every procedure's input: random and hostile values (huge numbers,
 * negative money, NaN strings, very long text, control characters, wrong types) must give a clear
 * 4xx error and change nothing; never a 500.
 */
import { TRPCError } from "@trpc/server";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import * as schema from "@/db/schema";
import { createAccount } from "@/db/seed/factories";
import { appRouter } from "@/server/api/root";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";

/** Tables whose rows a refused call may still add: the security log, limiter counters, view log. */
const LOGS = new Set(["audit_events", "rate_limits", "case_access_log"]);
const TABLES = (Object.values(schema) as unknown[])
  .filter((t): t is PgTable => is(t, PgTable))
  .map((t) => getTableName(t))
  .filter((name) => !LOGS.has(name));

const FIELD_NAMES = [
  "id",
  "caseId",
  "debtId",
  "shareId",
  "noteId",
  "linkId",
  "stepId",
  "version",
  "amount",
  "paidOn",
  "note",
  "platform",
  "debtKind",
  "principal",
  "received",
  "outstanding",
  "repaymentMethod",
  "installmentCount",
  "monthlyRatePercent",
  "status",
  "archived",
  "fields",
  "items",
  "kind",
  "label",
  "monthlyAmount",
  "category",
  "strategy",
  "startMonth",
  "monthlyBudget",
  "terms",
  "inflows",
  "customOrder",
  "email",
  "password",
  "displayName",
  "role",
  "channel",
  "summary",
  "markers",
  "occurredAt",
  "receivedOn",
  "done",
  "accept",
  "body",
  "days",
  "showPlatforms",
  "fileName",
  "contentBase64",
  "token",
  "currentPassword",
  "newPassword",
  "on",
];

const hostile = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1e308,
    1e308,
    -1,
    0,
    2 ** 53 + 1,
    "NaN",
    "-100",
    "1e309",
    "9".repeat(400),
    "0.001",
    "¥-5",
    "\u0000\u0007\u001b",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "2026-02-30",
    "9999-99",
    "../../etc/passwd",
    "x".repeat(20_000),
    null,
    true,
    [],
    {},
    "00000000-0000-0000-0000-000000000000",
  ),
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.uuid(),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  hostile,
  fc.array(hostile, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), hostile, { maxKeys: 4 }),
);
const input = fc.oneof(hostile, fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { minKeys: 1, maxKeys: 6 }));

let open: OpenDatabase;
let caller: ReturnType<typeof callerFor>;

async function rowCounts(): Promise<Record<string, number>> {
  const query = sql.join(
    TABLES.map((t) => sql`select ${t} as t, count(*)::int as n from ${sql.identifier(t)}`),
    sql` union all `,
  );
  const result = await open.db.execute(query);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { t: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

function procedure(path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  return target as (input: unknown) => Promise<unknown>;
}

beforeAll(async () => {
  open = await openTestDatabase();
  const user = await createAccount(open.db, {
    email: uniqueEmail("fuzz"),
    password: STRONG_PASSWORD,
    displayName: "模糊测试",
    role: "borrower",
  });
  caller = callerFor(open.db, sessionUserOf(user));
  await caller.debts.create({
    platform: "某借呗",
    debtKind: "onlineLoan",
    principal: "3000",
    outstanding: "2000",
    repaymentMethod: "none",
  });
});
afterAll(async () => {
  await open?.close();
});

describe("hostile input to every procedure", () => {
  const paths = Object.keys(appRouter._def.procedures).sort();
  it("covers the router", () => {
    expect(paths.length).toBeGreaterThan(30);
  });
  for (const path of paths) {
    it(`${path}: a clear 4xx or success, never a 500, and a refusal changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(input, async (raw) => {
          const before = await rowCounts();
          const outcome = await procedure(path)(raw).then(
            () => null,
            (e: unknown) => e,
          );
          if (outcome === null) return;
          expect(outcome, `${path} threw a non-tRPC error for ${JSON.stringify(raw)?.slice(0, 200)}`).toBeInstanceOf(
            TRPCError,
          );
          const err = outcome as TRPCError;
          expect(err.code, `${path}: ${err.message} for ${JSON.stringify(raw)?.slice(0, 200)}`).not.toBe(
            "INTERNAL_SERVER_ERROR",
          );
          expect(err.message.length).toBeGreaterThan(0);
          expect(await rowCounts()).toEqual(before);
        }),
        { numRuns: 25 },
      );
    });
  }
});
