// `npm run db:seed`: creates the demo borrower and counselor in the configured database.
import { getDatabase } from "../client";
import { DEMO_ACCOUNTS, seedDemo } from "./demo";

async function main() {
  const open = await getDatabase();
  try {
    const created = await seedDemo(open.db);
    console.log(created.length ? `Created ${created.length} demo account(s).` : "Demo accounts already exist.");
    console.log("\nSign in with:");
    for (const a of DEMO_ACCOUNTS) {
      console.log(
        `  ${a.role === "borrower" ? "借款人 borrower  " : "债务顾问 counselor"}  ${a.email}  /  ${a.password}`,
      );
    }
  } finally {
    await open.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
