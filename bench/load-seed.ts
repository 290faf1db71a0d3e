/**
 * The load-test seed: many borrowers with realistic debts, budgets, plans and contact logs,
 * inserted in bulk (one password hash shared by all, so seeding does not spend minutes in argon2).
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { budgetItems, cases, contactLogs, debts, plans, users } from "@/db/schema";
import { Dec } from "@/server/domain/money";
import { hashPassword } from "@/server/auth/password";

export const LOAD_PASSWORD = "载入-Harbor-Quiet-93";
export const loadEmail = (i: number) => `load-${i}@load.shore`;

const PLATFORMS = ["某借呗", "某粒贷", "某呗分期", "急用钱", "某金融", "某花", "某贷", "某白条", "信用卡", "表哥"];
const CHUNK = 1000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function seedLoad(
  db: Database,
  { users: userCount, debtsPerUser }: { users: number; debtsPerUser: number },
) {
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  for (let start = 0; start < userCount; start += CHUNK) {
    const count = Math.min(CHUNK, userCount - start);
    const inserted = await db
      .insert(users)
      .values(
        Array.from({ length: count }, (_, k) => ({
          email: loadEmail(start + k),
          displayName: `用户${start + k}`,
          role: "borrower" as const,
          passwordHash,
        })),
      )
      .returning({ id: users.id });
    const caseRows = await db
      .insert(cases)
      .values(inserted.map((u) => ({ ownerId: u.id })))
      .returning({ id: cases.id });
    const debtRows = caseRows.flatMap((c, k) =>
      Array.from({ length: debtsPerUser }, (_, d) => {
        const principal = new Dec(2000 + (((start + k) * 37 + d * 911) % 30000));
        const fixed = d % 3 === 0;
        const installment = principal.dividedBy(10).toFixed(2);
        return {
          caseId: c.id,
          platform: PLATFORMS[d % PLATFORMS.length] ?? "某贷",
          debtKind: d === 9 ? ("privateLoan" as const) : ("onlineLoan" as const),
          principal: principal.toFixed(2),
          received: (fixed ? principal.times("0.9") : principal).toFixed(2),
          outstanding: principal.times("0.6").toFixed(2),
          repaymentMethod: fixed ? ("fixedInstallments" as const) : ("none" as const),
          installmentCount: fixed ? 12 : null,
          installmentAmount: fixed ? installment : null,
          monthlyPayment: fixed ? installment : null,
          realAnnualRate: fixed ? "0.350000" : null,
          status: d % 4 === 0 ? ("overdue" as const) : ("current" as const),
        };
      }),
    );
    await inChunks(debtRows, (chunk) => db.insert(debts).values(chunk));
    await db.insert(budgetItems).values(
      caseRows.flatMap((c) => [
        { caseId: c.id, label: "工资", kind: "income" as const, monthlyAmount: "9000.00" },
        {
          caseId: c.id,
          label: "房租 / 房贷",
          kind: "expense" as const,
          category: "essential" as const,
          monthlyAmount: "2500.00",
        },
        {
          caseId: c.id,
          label: "伙食",
          kind: "expense" as const,
          category: "essential" as const,
          monthlyAmount: "1500.00",
        },
      ]),
    );
    await db
      .insert(plans)
      .values(caseRows.map((c) => ({ caseId: c.id, strategy: "avalanche" as const, startMonth: "2026-11" })));
    await inChunks(
      caseRows.flatMap((c) =>
        Array.from({ length: 5 }, (_, n) => ({
          caseId: c.id,
          channel: "phone" as const,
          direction: "incoming" as const,
          occurredAt: new Date(Date.UTC(2026, 10, 1 + n, 14 + n)),
          summary: "催收电话，要求今天还清",
        })),
      ),
      (chunk) => db.insert(contactLogs).values(chunk),
    );
  }
  await db.execute(sql`analyze`);
}
