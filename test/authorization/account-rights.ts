/**
 * Authorization-matrix entries for the account-rights procedures (change password, delete
 * account); see server/access/authorization-matrix.integration.test.ts. Both are "self": any
 * signed-in user, on their own account only — nothing in the input names an account. They are
 * called with a wrong current password, so the allowed callers meet a business refusal
 * (BAD_REQUEST) and the shared fixture accounts are neither changed nor deleted.
 */
import type { Database } from "@/db/client";
import type { Entry, Fixture } from "@/server/access/authorization-matrix.integration.test";
import type { callerFor } from "../callers";

type Caller = ReturnType<typeof callerFor>;

const WRONG_PASSWORD = "not-the-password-of-anyone-9";

export const entries: Record<string, Entry> = {
  "account.changePassword": {
    rule: "self",
    call: (api) =>
      api.account.changePassword({ currentPassword: WRONG_PASSWORD, newPassword: "晨雾-harbor-Quartz-83" }),
  },
  "account.deleteAccount": { rule: "self", call: (api) => api.account.deleteAccount({ password: WRONG_PASSWORD }) },
};

/** Records the entries aim at, created in the owner's case before the matrix runs. */
export async function fixtureExtras(_db: Database, _owner: Caller, _fixture: Fixture): Promise<Record<string, string>> {
  return {};
}
