/**
 * Gives the integration tests a fresh database for this run:
 * - DATABASE_URL set: a new database on that server (dropped afterwards), so runs never collide;
 * - unset: an in-memory PGlite with the migrations applied, dumped once so each test file starts
 *   from the snapshot instead of running initdb again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string | null;
    pgliteSnapshot: string | null;
  }
}

export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const { default: postgres } = await import("postgres");
    const name = `shore_it_${Date.now()}_${process.pid}`;
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const { openPostgres } = await import("../db/client");
    const opened = await openPostgres(url.toString(), { max: 1 });
    await opened.close();
    project.provide("testDatabaseUrl", url.toString());
    project.provide("pgliteSnapshot", null);
    return async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { applyMigrations } = await import("../db/migrate");
  const schema = await import("../db/schema");
  const client = await PGlite.create();
  await applyMigrations(drizzle(client, { schema }) as never, "pglite");
  const dump = await client.dumpDataDir("none");
  await client.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shore-it-"));
  const file = path.join(dir, "snapshot.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDatabaseUrl", null);
  project.provide("pgliteSnapshot", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
