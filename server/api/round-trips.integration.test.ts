import type { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import type { Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import * as schema from "@/db/schema";
import { seedBorrowerProgress } from "@/db/seed/demo";
import { addPayment, createAccount } from "@/db/seed/factories";
import { progressHistory, progressSummary } from "@/server/services/progress";
import { resolveProgressLink } from "@/server/services/sharing";
import { shanghaiToday } from "@/server/domain/time";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";

/**
 * No N+1: every page's procedures read each kind of data in a fixed number of queries, however
 * many debts (with payments, contact-log entries, deadlines and agreements) the case holds. The
 * queries are counted by a second Drizzle instance on the same connection, with a logger.
 * Outside a server render React's per-render cache does not apply, so the counts here are
 * higher than a page's own; what matters is that they do not grow with the case.
 */

const NOW = new Date("2026-11-27T04:00:00Z");

let open: OpenDatabase;
let counted: Database;
const queries: string[] = [];

beforeAll(async () => {
  open = await openTestDatabase();
  const logger: Logger = { logQuery: (query) => void queries.push(query) };
  const client = (open.db as unknown as { $client: unknown }).$client;
  if (open.kind === "postgres") {
    const { drizzle } = await import("drizzle-orm/postgres-js");
    counted = drizzle(client as Sql, { schema, logger }) as unknown as Database;
  } else {
    const { drizzle } = await import("drizzle-orm/pglite");
    counted = drizzle(client as PGlite, { schema, logger }) as unknown as Database;
  }
});
afterAll(async () => {
  await open.close();
});

/** The demo borrower's year (4 debts), plus `extra` debts each with 3 payments and one of everything. */
async function borrower(extra: number) {
  const user = await createAccount(open.db, {
    email: uniqueEmail("trips"),
    password: STRONG_PASSWORD,
    displayName: "小周",
    role: "borrower",
  });
  await seedBorrowerProgress(open.db, user, { now: NOW });
  const caseId = (await findCaseOfOwner(open.db, user.id))?.id ?? "";
  const api = callerFor(open.db, sessionUserOf(user), { now: () => NOW });
  for (let i = 0; i < extra; i++) {
    const debt = await api.debts.create({
      platform: `平台${i + 1}`,
      debtKind: "onlineLoan",
      principal: "3000",
      outstanding: "2400",
      repaymentMethod: "fixedInstallments",
      installmentCount: 6,
      installmentAmount: "600",
      status: "overdue",
    });
    for (const paidOn of ["2026-08-05", "2026-09-05", "2026-10-05"]) {
      await addPayment(open.db, { caseId, debtId: debt.id, amount: "100", paidOn });
    }
    await api.contactLog.create({ debtId: debt.id, occurredAt: "2026-11-26T10:00", channel: "phone", answered: "yes" });
    await api.deadlines.create({ kind: "answer", receivedOn: "2026-11-20", debtId: debt.id });
    await api.agreements.create({
      debtId: debt.id,
      kind: "stopCollection",
      agreedOn: "2026-11-01",
      endsOn: "2027-02-01",
    });
  }
  const counselor = await createAccount(open.db, {
    email: uniqueEmail("trips-counselor"),
    password: STRONG_PASSWORD,
    displayName: "李顾问",
    role: "counselor",
  });
  const counselorApi = callerFor(open.db, sessionUserOf(counselor), { now: () => NOW });
  await api.sharing.invite({ email: counselor.email });
  const [invite] = await counselorApi.counselor.invitations();
  await counselorApi.counselor.respond({ shareId: invite?.id ?? "", accept: true });
  await counselorApi.notes.add({ caseId, body: "先和平台协商停催" });
  const link = await api.sharing.createLink({ label: "妈妈", days: 30, showPlatforms: true });
  return {
    caseId,
    token: link.token,
    own: callerFor(counted, sessionUserOf(user), { now: () => NOW }),
    counselor: callerFor(counted, sessionUserOf(counselor), { now: () => NOW }),
  };
}

type Seeded = Awaited<ReturnType<typeof borrower>>;

/** Each page's reads, as its server component makes them. */
const pages: Record<string, (s: Seeded) => Promise<unknown>> = {
  dashboard: ({ own }) =>
    Promise.all([
      own.debts.list(),
      own.notes.list(),
      own.plan.progress(),
      own.progress.summary(),
      own.recovery.history(),
      own.deadlines.list(),
    ]),
  "debt list": ({ own }) => own.debts.list(),
  plan: ({ own }) => Promise.all([own.plan.get(), own.plan.progress(), own.payments.list()]),
  protection: ({ own }) =>
    Promise.all([
      own.agreements.list(),
      own.complaints.list(),
      own.contactLog.list(),
      own.deadlines.list(),
      own.evidence.list(),
    ]),
  recovery: ({ own }) => Promise.all([own.recovery.overview(), own.recovery.history()]),
  "counselor's view of the case": ({ counselor, caseId }) =>
    Promise.all([
      counselor.counselor.openCase({ caseId }),
      counselor.debts.list({ caseId }),
      counselor.notes.list({ caseId }),
    ]),
  "share page": async ({ token }) => {
    const link = await resolveProgressLink(counted, token, "203.0.113.7", NOW);
    if (!link) throw new Error("the share link did not resolve");
    return Promise.all([
      progressSummary(counted, link.caseId, { now: NOW, showPlatforms: link.showPlatforms }),
      progressHistory(counted, link.caseId, { today: shanghaiToday(NOW), includeFund: false }),
    ]);
  },
};

async function countQueries(read: () => Promise<unknown>): Promise<number> {
  queries.length = 0;
  await read();
  return queries.length;
}

describe("round trips per page do not grow with the case", () => {
  let few: Seeded;
  let many: Seeded;
  beforeAll(async () => {
    few = await borrower(0);
    many = await borrower(20);
  }, 120_000);

  for (const [name, read] of Object.entries(pages)) {
    it(`${name}: the same number of queries for 4 debts as for 24`, async () => {
      const forFew = await countQueries(() => read(few));
      const forMany = await countQueries(() => read(many));
      expect(forFew).toBeGreaterThan(0);
      expect(forMany, queries.join("\n")).toBe(forFew);
    });
  }
});
