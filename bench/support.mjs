/**
 * What the browser benchmarks share: the bare Next.js page (bench/bare-next) built as the floor, the
 * production build and the bare page started side by side, and a signed-in borrower with data.
 * Plain JavaScript, like the benchmarks that import it.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const nextBin = path.resolve("node_modules/next/dist/bin/next");

export function buildBare() {
  const dir = path.resolve(".bench-bare");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync("bench/bare-next", dir, { recursive: true });
  execFileSync(process.execPath, [nextBin, "build", "--webpack"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, NEXT_DIST_DIR: "" },
  });
  return dir;
}
export async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not start`);
}
export class Jar {
  cookies = /* @__PURE__ */ new Map();
  keep(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) this.cookies.set(k, v.join("="));
    }
  }
  header() {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}
export async function trpc(app, jar, path2, input) {
  const res = await fetch(`${app}/api/trpc/${path2}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app, cookie: jar.header() },
    body: JSON.stringify({ json: input }),
  });
  if (!res.ok) throw new Error(`${path2}: ${res.status} ${await res.text()}`);
  return (await res.json()).result.data.json;
}
export async function trpcQuery(app, jar, path2, input) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await fetch(`${app}/api/trpc/${path2}${query}`, { headers: { cookie: jar.header() } });
  if (!res.ok) throw new Error(`${path2}: ${res.status} ${await res.text()}`);
  return (await res.json()).result.data.json;
}

/** Signs a new account up and in; the jar holds its session cookie. */
export async function signedIn(app, { role, displayName }) {
  const jar = new Jar();
  const email = `bench-${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = "\u706F\u5854-Harbor-Quiet-93";
  await trpc(app, jar, "account.signUp", { email, password, displayName, role });
  const csrf = await fetch(`${app}/api/auth/csrf`);
  jar.keep(csrf);
  const { csrfToken } = await csrf.json();
  const signIn = await fetch(`${app}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: app },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.keep(signIn);
  return { jar, email };
}

/** A signed-in borrower with three debts, a budget, a saved plan and a share link. */
export async function prepareBorrower(app) {
  const { jar } = await signedIn(app, { role: "borrower", displayName: "\u5C0F\u6797" });
  const debts = [
    {
      platform: "\u67D0\u5457\u5206\u671F",
      principal: "12000",
      outstanding: "6000",
      repaymentMethod: "feeRate",
      installmentCount: "12",
      monthlyRatePercent: "0.6",
    },
    {
      platform: "\u6025\u7528\u94B1",
      principal: "5000",
      received: "4000",
      outstanding: "4000",
      repaymentMethod: "fixedInstallments",
      installmentCount: "6",
      installmentAmount: "1000",
    },
    { platform: "\u8868\u54E5", principal: "3000", outstanding: "3000", repaymentMethod: "none" },
  ];
  const debtIds = [];
  for (const d of debts) debtIds.push((await trpc(app, jar, "debts.create", { debtKind: "onlineLoan", ...d })).id);
  await trpc(app, jar, "budget.save", {
    items: [
      { label: "\u5DE5\u8D44", kind: "income", monthlyAmount: "7000" },
      { label: "\u623F\u79DF / \u623F\u8D37", kind: "expense", category: "essential", monthlyAmount: "2000" },
    ],
  });
  await trpc(app, jar, "plan.save", {
    version: 0,
    strategy: "avalanche",
    startMonth: /* @__PURE__ */ new Date().toISOString().slice(0, 7),
  });
  const link = await trpc(app, jar, "sharing.createLink", { label: "\u5988\u5988", days: 30, showPlatforms: false });
  const shareUrl = link.url ?? `${app}/share/${link.token ?? ""}`;
  return {
    jar,
    cookie: jar.header(),
    shareUrl: shareUrl.startsWith("http") ? shareUrl : `${app}${shareUrl}`,
    debtId: debtIds[0] ?? "",
  };
}

/**
 * Builds the bare page and starts it and the production build (on its own fresh database, as the
 * e2e tests do). `stop()` ends both and removes the bare build.
 */
export async function startApps({ appPort, barePort }) {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("Build first: npm run build");
  const bareDir = buildBare();
  const servers = [
    spawn(process.execPath, ["scripts/e2e-server.mjs"], {
      stdio: "ignore",
      env: { ...process.env, E2E_PORT: String(appPort) },
    }),
    spawn(process.execPath, [nextBin, "start", "-p", String(barePort), "-H", "127.0.0.1"], {
      cwd: bareDir,
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production" },
    }),
  ];
  const app = `http://127.0.0.1:${appPort}`;
  const bare = `http://127.0.0.1:${barePort}`;
  const stop = async () => {
    for (const s of servers) s.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    fs.rmSync(bareDir, { recursive: true, force: true });
  };
  try {
    await Promise.all([waitFor(`${app}/api/health`), waitFor(bare)]);
  } catch (err) {
    await stop();
    throw err;
  }
  return { app, bare, stop };
}
