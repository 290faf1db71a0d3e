#!/usr/bin/env node
// Serves the production build for the e2e tests on its own fresh database:
// with DATABASE_URL, a new database on that server (dropped afterwards); without, a new PGlite
// data folder in a temporary directory. Never touches the dev or start databases.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3210";
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
};

let cleanup = async () => {};
if (process.env.DATABASE_URL) {
  const name = `shore_e2e_${Date.now()}_${process.pid}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
  console.log(`e2e: PostgreSQL database ${name}`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shore-e2e-"));
  env.SHORE_DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  console.log(`e2e: embedded database in ${dir}`);
}

const child = spawn(process.execPath, ["scripts/run-next.mjs", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env,
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", resolve)));
  await cleanup().catch((err) => console.error("e2e cleanup:", err));
  process.exit(0);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
child.on("exit", (code) => {
  if (!stopping) cleanup().finally(() => process.exit(code ?? 1));
});
