/** Authorization-matrix entries for this area's procedures; see server/access/authorization-matrix.integration.test.ts. */
import type { Database } from "@/db/client";
import type { Entry, Fixture } from "@/server/access/authorization-matrix.integration.test";
import type { callerFor } from "../callers";

type Caller = ReturnType<typeof callerFor>;

export const entries: Record<string, Entry> = {};

/** Records the entries aim at, created in the owner's case before the matrix runs. */
export async function fixtureExtras(_db: Database, _owner: Caller, _fixture: Fixture): Promise<Record<string, string>> {
  return {};
}
