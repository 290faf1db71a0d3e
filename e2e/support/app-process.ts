/**
 * Extra app processes of the same production build for tests that need more than the one server
 * Playwright starts: several instances on one database, or a server that is killed and restarted.
 * A deployment is what outlives a process: the database (a fresh PostgreSQL database on the
 * DATABASE_URL server, or PGlite in the data folder), the data folder (evidence files) and the
 * shared NEXTAUTH_SECRET.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export const serverDatabaseUrl = process.env.DATABASE_URL;

export interface Deployment {
  /** The data folder (SHORE_DATA_DIR) of every instance of this deployment. */
  dataDir: string;
  /** A fresh database on the DATABASE_URL server; undefined on the embedded database (PGlite). */
  databaseUrl?: string;
  databaseName?: string;
  /** NEXTAUTH_SECRET shared by all instances, as behind a load balancer. */
  secret: string;
  /** Removes the database and the data folder. Stop the instances first. */
  remove(): Promise<void>;
}

export async function createDeployment(label: string): Promise<Deployment> {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), `shore-${label}-`));
  const secret = crypto.randomBytes(32).toString("base64url");
  if (!serverDatabaseUrl) {
    return { dataDir, secret, remove: () => fsp.rm(dataDir, { recursive: true, force: true }) };
  }
  const databaseName = `shore_${label.replace(/[^a-z0-9]/gi, "_")}_${Date.now()}_${process.pid}`.toLowerCase();
  const admin = postgres(serverDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${databaseName}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverDatabaseUrl);
  url.pathname = `/${databaseName}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    databaseName,
    secret,
    async remove() {
      const dropper = postgres(serverDatabaseUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${databaseName}" with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
        await fsp.rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppInstance {
  readonly url: string;
  readonly port: number;
  /** The process group (run-next.mjs and the Next server it starts). */
  readonly pid: number;
  /** What the process printed so far (the end of it), for failure messages. */
  output(): string;
  /** SIGKILL to the whole process group, as when the machine or the container dies. */
  kill(): Promise<void>;
  /** SIGTERM, the normal shutdown (the embedded database closes cleanly). */
  stop(): Promise<void>;
}

const live = new Set<number>();
process.on("exit", () => {
  for (const pid of live) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Polls `check` until it returns a value other than undefined/false; fails after `timeoutMs`, or at
 * once when `check` throws.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts `next start` of the existing build (NEXT_DIST_DIR is passed on) for the deployment and
 * resolves once /api/health answers 200, i.e. the database is open and migrated.
 */
export async function startApp(deployment: Deployment, options: { port?: number } = {}): Promise<AppInstance> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: deployment.secret,
    SHORE_DATA_DIR: deployment.dataDir,
  };
  if (deployment.databaseUrl) env.DATABASE_URL = deployment.databaseUrl;
  else delete env.DATABASE_URL;

  const child: ChildProcess = spawn(
    process.execPath,
    ["scripts/run-next.mjs", "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: path.resolve(__dirname, "../.."), env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const pid = child.pid;
  if (!pid) throw new Error("the app process did not start");
  live.add(pid);
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const waitUntilGone = async () => {
    await exited;
    await waitFor(`process group ${pid} to end`, () => !groupAlive(pid), 30_000);
    live.delete(pid);
  };

  const instance: AppInstance = {
    url,
    port,
    pid,
    output: () => log,
    async kill() {
      if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
      await waitUntilGone();
    },
    async stop() {
      if (!hasExited()) child.kill("SIGTERM");
      const done = await Promise.race([
        waitUntilGone().then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000)),
      ]);
      if (!done) {
        // A shutdown that hangs is a failure of its own; still leave no process behind.
        await instance.kill();
        throw new Error(`the app on port ${port} did not stop on SIGTERM within 30 s\n${log}`);
      }
    },
  };

  try {
    await waitFor(
      `${url}/api/health`,
      async () => {
        if (hasExited()) throw new Error(`the app exited before it answered ${url}/api/health`);
        const res = await fetch(`${url}/api/health`).catch(() => null);
        return res?.status === 200;
      },
      120_000,
    );
  } catch (err) {
    await instance.kill();
    throw new Error(`${(err as Error).message}\n--- app output ---\n${log}`);
  }
  return instance;
}

/** Raw SQL against the deployment's database, from the test. */
export interface Inspector {
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Opens the deployment's database from the test. PostgreSQL: any time. The embedded database: only
 * while no instance has it open (PGlite has one process at a time), which the lock file tells.
 */
export async function inspectDatabase(deployment: Deployment): Promise<Inspector> {
  if (deployment.databaseUrl) {
    const sql = postgres(deployment.databaseUrl, { max: 1, onnotice: () => {} });
    return {
      query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
        (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dir = path.join(deployment.dataDir, "pglite-start");
  const lock = `${dir}.lock`;
  if (fs.existsSync(lock)) {
    const holder = Number(fs.readFileSync(lock, "utf8"));
    if (holder && processAlive(holder)) throw new Error(`the embedded database is open in process ${holder}`);
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(dir);
  return {
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await db.query<T>(text, params)).rows,
    close: () => db.close(),
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The evidence folder of a deployment (`<data folder>/evidence`, see server/storage/local-folder.ts). */
export function evidenceRoot(deployment: Deployment): string {
  return path.join(deployment.dataDir, "evidence");
}

/** Files of uploads in progress or never finished (`<evidence>/.tmp`). */
export function temporaryUploads(deployment: Deployment): { name: string; size: number; file: string }[] {
  const dir = path.join(evidenceRoot(deployment), ".tmp");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat ? [{ name, file, size: stat.size }] : [];
  });
}

/** Committed blobs as storage keys (`<case id>/<blob id>`). */
export function committedBlobs(deployment: Deployment): string[] {
  const root = evidenceRoot(deployment);
  if (!fs.existsSync(root)) return [];
  const keys: string[] = [];
  for (const caseId of fs.readdirSync(root)) {
    if (caseId === ".tmp") continue;
    for (const id of fs.readdirSync(path.join(root, caseId))) keys.push(`${caseId}/${id}`);
  }
  return keys.sort();
}
