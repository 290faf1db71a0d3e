/**
 * `npm run bench:lighthouse`: Lighthouse 12 (mobile, Debian Chromium) on the dashboard, the debt
 * list and the share page of the production build (`npm run build` first), median of LH_RUNS
 * (default 5) runs each, next to a bare Next.js page (bench/bare-next, built here) measured in the
 * same run as the floor. Also the JavaScript a cold load of each page downloads (script bytes as
 * transferred, gzip). Printed, never asserted. LH_REPORT_DIR=<folder> keeps every run's full report
 * (JSON) for a closer look: LCP phases, main-thread breakdown, long tasks.
 */
// Plain JavaScript on purpose: Lighthouse sends functions into the page as text, and tsx's
// esbuild adds a `__name` helper to every function that the page does not have.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
const runs = Number(process.env.LH_RUNS ?? 5);
const appPort = 3291;
const barePort = 3292;
const app = `http://127.0.0.1:${appPort}`;
const bare = `http://127.0.0.1:${barePort}`;
const nextBin = path.resolve("node_modules/next/dist/bin/next");
function buildBare() {
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
async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not start`);
}
class Jar {
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
async function trpc(jar, path2, input) {
  const res = await fetch(`${app}/api/trpc/${path2}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app, cookie: jar.header() },
    body: JSON.stringify({ json: input }),
  });
  if (!res.ok) throw new Error(`${path2}: ${res.status} ${await res.text()}`);
  return (await res.json()).result.data.json;
}
async function prepare() {
  const jar = new Jar();
  const email = `lighthouse-${Date.now()}@example.com`;
  const password = "\u706F\u5854-Harbor-Quiet-93";
  await trpc(jar, "account.signUp", { email, password, displayName: "\u5C0F\u6797", role: "borrower" });
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
  for (const d of debts) await trpc(jar, "debts.create", { debtKind: "onlineLoan", ...d });
  await trpc(jar, "budget.save", {
    items: [
      { label: "\u5DE5\u8D44", kind: "income", monthlyAmount: "7000" },
      { label: "\u623F\u79DF / \u623F\u8D37", kind: "expense", category: "essential", monthlyAmount: "2000" },
    ],
  });
  await trpc(jar, "plan.save", {
    version: 0,
    strategy: "avalanche",
    startMonth: /* @__PURE__ */ new Date().toISOString().slice(0, 7),
  });
  const link = await trpc(jar, "sharing.createLink", { label: "\u5988\u5988", days: 30, showPlatforms: false });
  const shareUrl = link.url ?? `${app}/share/${link.token ?? ""}`;
  return { cookie: jar.header(), shareUrl: shareUrl.startsWith("http") ? shareUrl : `${app}${shareUrl}` };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
async function main() {
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
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    await Promise.all([waitFor(`${app}/api/health`), waitFor(bare)]);
    const { cookie, shareUrl } = await prepare();
    const pages = [
      { name: "bare Next.js page (floor)", url: bare, cookie: void 0 },
      { name: "dashboard /dashboard", url: `${app}/dashboard`, cookie },
      { name: "debt list /debts", url: `${app}/debts`, cookie },
      { name: "share page /share/\u2026", url: shareUrl, cookie: void 0 },
    ];
    const scores = new Map(pages.map((p) => [p.name, { perf: [], a11y: [], tbt: [], js: [] }]));
    for (let i = 0; i < runs; i++) {
      for (const p of pages) {
        // Lighthouse now and then loses the trace's navigation start (NO_NAVSTART): that run has no
        // metrics at all. It is run again (twice at most) rather than counted as a score of 0.
        let lhr;
        for (let attempt = 1; attempt <= 3; attempt++) {
          const result = await lighthouse(p.url, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility"],
            extraHeaders: p.cookie ? { Cookie: p.cookie } : void 0,
          });
          lhr = result?.lhr;
          if (!lhr?.runtimeError) break;
          console.warn(`${p.name}, run ${i + 1}: ${lhr.runtimeError.code}${attempt < 3 ? ", running it again" : ""}`);
        }
        if (!lhr) throw new Error(`no result for ${p.url}`);
        if (lhr.runtimeError) throw new Error(`${p.name}: ${lhr.runtimeError.message}`);
        if (lhr.finalDisplayedUrl.includes("/sign-in")) throw new Error(`${p.name}: not signed in`);
        if (process.env.LH_REPORT_DIR) {
          fs.mkdirSync(process.env.LH_REPORT_DIR, { recursive: true });
          const file = `${p.name.split(" ")[0]}-${i + 1}.json`;
          fs.writeFileSync(path.join(process.env.LH_REPORT_DIR, file), JSON.stringify(lhr));
        }
        const s = scores.get(p.name);
        s?.perf.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
        s?.a11y.push(Math.round((lhr.categories.accessibility?.score ?? 0) * 100));
        s?.tbt.push(Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0));
        const items = lhr.audits["network-requests"]?.details?.items ?? [];
        s?.js.push(items.filter((r) => r.resourceType === "Script").reduce((n, r) => n + (r.transferSize ?? 0), 0));
      }
    }
    console.log(`
Lighthouse ${runs} runs each (mobile), medians
`);
    console.table(
      pages.map((p) => {
        const s = scores.get(p.name);
        return {
          page: p.name,
          performance: median(s?.perf ?? []),
          accessibility: median(s?.a11y ?? []),
          "TBT ms": median(s?.tbt ?? []),
          "JS kB (transferred)": Math.round(median(s?.js ?? []) / 1024),
        };
      }),
    );
  } finally {
    await chrome.kill();
    for (const s of servers) s.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    fs.rmSync(bareDir, { recursive: true, force: true });
  }
}
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
