/**
 * `npm run bench:load`: a load test on loopback against the production build (`npm run build`
 * first) and a PostgreSQL server (DATABASE_URL). It creates a fresh database, seeds LOAD_USERS
 * borrowers (default 10,000) with 10 debts each (100,000 debts), budgets, plans and contact logs,
 * starts `next start`, signs one borrower in and measures, with autocannon at LOAD_CONNECTIONS
 * (default 50) concurrent connections for LOAD_SECONDS each: /api/health (the floor), the landing
 * page (the cheapest rendered page), the dashboard, the debt list and a tRPC mutation. Prints p50/p95/p99 latency and throughput. The
 * figures are printed, never asserted. The database is dropped afterwards.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { LOAD_PASSWORD, loadEmail, seedLoad } from "./load-seed";

const users = Number(process.env.LOAD_USERS ?? 10_000);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 50);
const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const port = process.env.LOAD_PORT ?? "3290";
const origin = `http://127.0.0.1:${port}`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(name: string, options: Partial<autocannon.Options>, cookie: string) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        headers: { cookie, origin, "content-type": "application/json" },
        ...options,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client, status, _bytes, time) => {
      latencies.push(time);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: result.requests.average,
    statuses: [...statuses.entries()].map(([s, n]) => `${s}×${n}`).join(" "),
  };
}

async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k, v.join("="));
    }
  };
  const cookie = () => [...jar.entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${origin}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin },
    body: new URLSearchParams({ csrfToken, email: loadEmail(1), password: LOAD_PASSWORD, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed: ${res.status}`);
  return cookie();
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start");
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("Set DATABASE_URL to a PostgreSQL server (the load test creates its own database there).");
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Build first: npm run build");
  const name = `shore_load_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const open = await openPostgres(url.toString(), { max: 4 });
    const started = Date.now();
    await seedLoad(open.db, { users, debtsPerUser: 10 });
    await open.close();
    console.log(
      `Seeded ${users} borrowers and ${users * 10} debts in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );

    server = spawn(process.execPath, ["scripts/run-next.mjs", "start", "-p", port, "-H", "127.0.0.1"], {
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url.toString(),
        NEXTAUTH_URL: origin,
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      },
    });
    await waitForServer();
    const cookie = await signIn();
    // Warm up every route once (compilation caches, connection pool).
    for (const p of ["/api/health", "/", "/dashboard", "/debts"]) await fetch(`${origin}${p}`, { headers: { cookie } });

    const rows = [
      await measure("GET /api/health (floor)", { url: `${origin}/api/health` }, cookie),
      // The cheapest server-rendered page: the landing page reads nothing, so its cost is Next's
      // own per-page work (routing, proxy, React render to HTML, the CSP nonce).
      await measure("GET / (landing page, no data)", { url: `${origin}/` }, cookie),
      await measure("GET /dashboard", { url: `${origin}/dashboard` }, cookie),
      await measure("GET /debts", { url: `${origin}/debts` }, cookie),
      await measure(
        "POST tRPC contactLog.create",
        {
          url: `${origin}/api/trpc/contactLog.create`,
          method: "POST",
          body: JSON.stringify({ json: { channel: "phone", summary: "负载测试：催收电话", markers: [] } }),
        },
        cookie,
      ),
    ];
    console.log(`\n${connections} connections, ${seconds} s each, ${users} borrowers / ${users * 10} debts\n`);
    console.table(
      rows.map((r) => ({
        route: r.name,
        "p50 ms": r.p50,
        "p95 ms": r.p95,
        "p99 ms": r.p99,
        "req/s": Math.round(r.rps),
        statuses: r.statuses,
      })),
    );
    const [health, landing, dashboard] = rows.map((r) => r.p95);
    const ratio = (a = Number.NaN, b = Number.NaN) => (a / b).toFixed(2);
    console.log(`dashboard p95 / health p95 = ${ratio(dashboard, health)} (goal: at most 2)`);
    console.log(
      `landing page p95 / health p95 = ${ratio(landing, health)}; dashboard / landing = ${ratio(dashboard, landing)}`,
    );
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
