/**
 * `npm run bench:js`: the JavaScript a cold load of every page downloads (script bytes as
 * transferred, gzip; `next build` no longer prints it), measured in Debian Chromium against the
 * production build (`npm run build` first), next to a bare Next.js page (bench/bare-next) built in
 * the same run as the floor. Public pages aim at most 10% over the floor, workspace pages at most
 * 35%. Printed, never asserted. Each page is loaded in a fresh browser context (empty cache) and
 * counted once the network is idle; code a page fetches later, on interaction, is not counted.
 */
import { chromium } from "playwright";
import { prepareBorrower, signedIn, startApps, trpc, trpcQuery } from "./support.mjs";

const appPort = 3293;
const barePort = 3294;

async function scriptBytes(browser, url, cookie) {
  const context = await browser.newContext();
  try {
    if (cookie) {
      const { origin } = new URL(url);
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const [name, ...value] = pair.split("=");
          return { name, value: value.join("="), url: origin };
        }),
      );
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const types = new Map();
    let bytes = 0;
    cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e) => {
      if (types.get(e.requestId) === "Script") bytes += e.encodedDataLength;
    });
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${url}: ${response?.status()}`);
    if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} went to ${page.url()}`);
    return bytes;
  } finally {
    await context.close();
  }
}

async function main() {
  const { app, bare, stop } = await startApps({ appPort, barePort });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium" });
  try {
    const { cookie, shareUrl, debtId, jar } = await prepareBorrower(app);
    const counselor = await signedIn(app, { role: "counselor", displayName: "\u674E\u987E\u95EE" });
    await trpc(app, jar, "sharing.invite", { email: counselor.email });
    const [invitation] = await trpcQuery(app, counselor.jar, "counselor.invitations", undefined);
    await trpc(app, counselor.jar, "counselor.respond", { shareId: invitation.id, accept: true });
    const [client] = await trpcQuery(app, counselor.jar, "counselor.clients", undefined);

    const pages = [
      ["public", "/", null],
      ["public", "/sign-in", null],
      ["public", "/sign-up", null],
      ["public", new URL(shareUrl).pathname, null],
      ...[
        "/dashboard",
        "/debts",
        "/debts/new",
        `/debts/${debtId}`,
        `/debts/${debtId}/edit`,
        "/debts/import",
        "/budget",
        "/plan",
        "/protection",
        "/protection/agreements",
        "/protection/complaints",
        "/protection/letters/negotiation",
        "/protection/letters/complaint",
        "/recovery",
        "/sharing",
        "/account",
      ].map((path) => ["workspace", path, cookie]),
      ["workspace", "/clients", counselor.jar.header()],
      ["workspace", `/clients/${client.caseId}`, counselor.jar.header()],
    ];
    const floor = await scriptBytes(browser, bare, null);
    const rows = [{ page: "bare Next.js page (floor)", kind: "", kB: floor / 1024, over: 0, goal: "" }];
    for (const [kind, path, pageCookie] of pages) {
      const bytes = await scriptBytes(browser, `${app}${path}`, pageCookie);
      const over = (bytes / floor - 1) * 100;
      const limit = kind === "public" ? 10 : 35;
      rows.push({ page: path, kind, kB: bytes / 1024, over, goal: over <= limit ? `≤ ${limit}% ✓` : `≤ ${limit}% ✗` });
    }
    console.log("\nFirst Load JS (gzipped script bytes on a cold load)\n");
    console.table(
      rows.map((r) => ({
        page: r.page.replace(/\/share\/.+/, "/share/…").replace(/[0-9a-f-]{36}/, ":id"),
        kind: r.kind,
        kB: Number(r.kB.toFixed(1)),
        "vs floor": r.kind ? `+${r.over.toFixed(1)}%` : "",
        goal: r.goal,
      })),
    );
  } finally {
    await browser.close();
    await stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
