/** Authorization-matrix entries for this area's procedures; see server/access/authorization-matrix.integration.test.ts. */
import type { Database } from "@/db/client";
import type { Entry, Fixture } from "@/server/access/authorization-matrix.integration.test";
import type { callerFor } from "../callers";

type Caller = ReturnType<typeof callerFor>;

const forCase = (actor: string, f: Fixture) => (actor === "owner" ? {} : { caseId: f.caseId });

export const entries: Record<string, Entry> = {
  "recovery.overview": { rule: "caseRead", call: (api, f, a) => api.recovery.overview(forCase(a, f)) },
  "recovery.history": { rule: "caseRead", call: (api, f, a) => api.recovery.history(forCase(a, f)) },
  "recovery.addFundEntry": {
    rule: "borrowerSelf",
    call: (api) => api.recovery.addFundEntry({ direction: "deposit", amount: "100", on: "2026-11-20", note: "" }),
  },
  "recovery.deleteFundEntry": {
    rule: "owner",
    call: (api, f) => api.recovery.deleteFundEntry({ id: f.extra.fundEntryId ?? "" }),
  },
  "recovery.checkIn": { rule: "borrowerSelf", call: (api) => api.recovery.checkIn({ habit: "spendingLogged" }) },
  "recovery.setChecklistItem": {
    rule: "borrowerSelf",
    call: (api) => api.recovery.setChecklistItem({ itemId: "account.open", done: true }),
  },
  "recovery.checkBorrowing": {
    rule: "self",
    call: (api) => api.recovery.checkBorrowing({ annualRatePercent: "8", licensed: "yes" }),
  },
};

/** Records the entries aim at, created in the owner's case before the matrix runs. */
export async function fixtureExtras(_db: Database, owner: Caller, _fixture: Fixture): Promise<Record<string, string>> {
  const entry = await owner.recovery.addFundEntry({ direction: "deposit", amount: "500", on: "2026-11-01", note: "" });
  return { fundEntryId: entry.id };
}
