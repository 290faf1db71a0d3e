import fs from "node:fs";
import { inject } from "vitest";
import { openPostgres, type OpenDatabase } from "@/db/client";
import * as schema from "@/db/schema";

/** The database for one test file: the run's PostgreSQL database, or a PGlite from the snapshot. */
export async function openTestDatabase(): Promise<OpenDatabase> {
  const url = inject("testDatabaseUrl");
  if (url) return openPostgres(url, { max: 4 });
  const snapshot = inject("pgliteSnapshot");
  if (!snapshot) throw new Error("integration global setup did not run");
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
  return {
    db: drizzle(client, { schema }) as unknown as OpenDatabase["db"],
    kind: "pglite",
    close: () => client.close(),
  };
}

let counter = 0;
/** An email no other test (or run) uses. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.com`;
}

export const STRONG_PASSWORD = "晚风-lantern-Orbit-47";
