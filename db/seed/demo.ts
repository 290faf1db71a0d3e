import type { Database } from "../client";
import { findUserByEmail } from "../queries/users";
import { createAccount } from "./factories";

/** The demo accounts: printed by `npm run db:seed` and listed in the README. */
export const DEMO_ACCOUNTS = [
  { email: "borrower@demo.shore", password: "shore-demo-borrower", displayName: "示例借款人", role: "borrower" },
  { email: "counselor@demo.shore", password: "shore-demo-counselor", displayName: "示例顾问", role: "counselor" },
] as const;

/** Creates the demo accounts that do not exist yet; running it twice changes nothing. */
export async function seedDemo(db: Database) {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, account.email)) continue;
    await createAccount(db, account);
    created.push(account.email);
  }
  return created;
}
