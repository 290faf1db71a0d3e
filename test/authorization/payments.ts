/** Authorization-matrix entries for the payment procedures; see server/access/authorization-matrix.integration.test.ts. */
import type { Database } from "@/db/client";
import type { Entry, Fixture } from "@/server/access/authorization-matrix.integration.test";
import type { callerFor } from "../callers";

type Caller = ReturnType<typeof callerFor>;
const forCase = (actor: string, f: Fixture) => (actor === "owner" ? {} : { caseId: f.caseId });

export const entries: Record<string, Entry> = {
  "payments.list": { rule: "caseRead", call: (api, f, a) => api.payments.list(forCase(a, f)) },
  "payments.record": {
    rule: "owner",
    call: (api, f) => api.payments.record({ debtId: f.debtId, amount: "1", paidOn: "2026-11-27" }),
  },
  "payments.delete": { rule: "owner", call: (api, f) => api.payments.delete({ id: f.extra.paymentId ?? "" }) },
};

/** A payment for the delete entry to aim at. */
export async function fixtureExtras(_db: Database, owner: Caller, fixture: Fixture): Promise<Record<string, string>> {
  const payment = await owner.payments.record({ debtId: fixture.debtId, amount: "1", paidOn: "2026-11-26" });
  return { paymentId: payment.id };
}
