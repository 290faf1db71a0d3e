import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { syncReferenceData } from "./reference/sync";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Applies the committed drizzle-kit migrations, then loads reference data (LPR history). On PostgreSQL pass a database on a single
 * connection: a session advisory lock makes several instances starting at once take turns.
 */
export async function applyMigrations(db: Database, kind: "pglite" | "postgres"): Promise<void> {
  if (kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants the driver-specific type
    await migrate(db as any, { migrationsFolder });
    await syncReferenceData(db);
    return;
  }
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  await db.execute(sql`select pg_advisory_lock(727274)`);
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator wants the driver-specific type
    await migrate(db as any, { migrationsFolder });
    await syncReferenceData(db);
  } finally {
    await db.execute(sql`select pg_advisory_unlock(727274)`);
  }
}
