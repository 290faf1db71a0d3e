/**
 * The database: embedded PGlite (files under the data folder) when DATABASE_URL is unset,
 * PostgreSQL through postgres.js when it is set. Migrations are applied when it is opened.
 */
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { applyMigrations } from "./migrate";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database or a transaction: data-access functions accept either. */
export type Executor = Database;

export interface OpenDatabase {
  db: Database;
  close: () => Promise<void>;
  kind: "pglite" | "postgres";
}

/** The data folder (default `.data/`), where the embedded database and local secrets live. */
export function dataFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.SHORE_DATA_DIR ?? ".data");
}

/** dev, start and tests never share an embedded database directory. */
export function pgliteDirectory(): string {
  const mode = process.env.NODE_ENV === "production" ? "start" : "dev";
  return path.join(/*turbopackIgnore: true*/ dataFolder(), `pglite-${mode}`);
}

/**
 * PGlite has no lock across processes: two processes on one directory silently diverge.
 * Take a lock file holding our pid; a live holder makes the second process fail clearly.
 */
function takeLock(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder && isAlive(holder)) {
        throw new Error(
          `The embedded database at ${dir} is already open in process ${holder}` +
            (holder === process.pid ? " (this one)" : "") +
            ". " +
            `Stop that process, or set SHORE_DATA_DIR to another folder.`,
        );
      }
      fs.unlinkSync(lockPath); // stale lock from a process that is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function openPglite(dataDir?: string): Promise<OpenDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  if (dataDir) release = takeLock(dataDir);
  try {
    const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    const db = drizzle(client, { schema }) as unknown as Database;
    await applyMigrations(db, "pglite");
    return {
      db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<OpenDatabase> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const migrationClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await applyMigrations(drizzle(migrationClient, { schema }) as unknown as Database, "postgres");
  } finally {
    await migrationClient.end({ timeout: 5 });
  }
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/**
 * Next bundles route handlers and pages separately, each with its own copy of this module: the
 * open database lives on globalThis so the whole process shares one (two PGlite instances on one
 * directory would silently diverge).
 */
const GLOBAL_KEY = Symbol.for("shore.database");
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: Promise<OpenDatabase> };
const processGlobal = globalThis as GlobalWithDatabase;

/** The app's database, opened once per process (migrations applied on first use). */
export function getDatabase(): Promise<OpenDatabase> {
  let opening = processGlobal[GLOBAL_KEY];
  if (!opening) {
    const url = process.env.DATABASE_URL;
    opening = processGlobal[GLOBAL_KEY] = (url ? openPostgres(url) : openPglite(pgliteDirectory())).then(
      (open) => {
        closeOnShutdown(open);
        return open;
      },
      (err: unknown) => {
        // Do not cache a failure: the next request tries again instead of repeating the error.
        processGlobal[GLOBAL_KEY] = undefined;
        throw err;
      },
    );
  }
  return opening;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

let shutdownHooked = false;
/** Next's own signal handler exits before PGlite closes; we run with NEXT_MANUAL_SIG_HANDLE and close here. */
function closeOnShutdown(open: OpenDatabase) {
  if (shutdownHooked) return;
  shutdownHooked = true;
  const shutdown = () => {
    open.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
