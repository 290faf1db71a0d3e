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
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { prepareBorrower, startApps } from "./support.mjs";
const runs = Number(process.env.LH_RUNS ?? 5);
const appPort = 3291;
const barePort = 3292;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
async function main() {
  const { app, bare, stop } = await startApps({ appPort, barePort });
  let chrome;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    });
    const { cookie, shareUrl } = await prepareBorrower(app);
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
    await chrome?.kill();
    await stop();
  }
}
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
