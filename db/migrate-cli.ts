// `npm run db:migrate`: applies the committed migrations to the configured database
// (DATABASE_URL, or the embedded database in the data folder) and exits.
import { getDatabase } from "./client";

async function main() {
  const open = await getDatabase();
  console.log(`Migrations applied (${open.kind}).`);
  await open.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
