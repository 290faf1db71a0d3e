import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { Dec, formatYuan } from "@/server/domain/money";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";
import {
  committedBlobs,
  createDeployment,
  evidenceRoot,
  inspectDatabase,
  serverDatabaseUrl,
  startApp,
  temporaryUploads,
  waitFor,
  type AppInstance,
  type Deployment,
} from "./support/app-process";

/**
 * Crash consistency: the server is killed (SIGKILL, no shutdown code runs) in the middle of an
 * evidence upload or of a multi-row transaction, restarted on the same database and data folder,
 * and the database and the evidence folder must agree: no evidence row without its complete blob,
 * no half-written transaction, and what the crash left behind is what the startup sweep removes.
 */
test.describe.configure({ mode: "default", timeout: 480_000 });

test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "starts and kills its own app processes: desktop project only");
});

const NEEDS_POSTGRES =
  "needs DATABASE_URL: the kill is made to land mid-write by holding a table lock from a second " +
  "connection, which the embedded database (one process) cannot offer";

/** A 1×1 PNG followed by filler: the type is sniffed from the first bytes. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
function evidenceFile(size: number): Buffer {
  const file = crypto.randomBytes(size);
  PNG.copy(file);
  return file;
}
const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

const HOURS_AGO_2 = () => new Date(Date.now() - 2 * 60 * 60 * 1000);

async function cookieHeader(context: BrowserContext, url: string): Promise<string> {
  return (await context.cookies(url)).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** A new borrower signed up on the instance, in a browser context of its own, with its cookie header. */
async function signedInBorrower(browser: Browser, app: AppInstance, prefix: string, name: string) {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await signUp(page, { email: uniqueEmail(prefix), name });
  await expect(page).toHaveURL(/\/dashboard$/);
  return { context, page, cookie: await cookieHeader(context, app.url) };
}

/**
 * The app's statement (its text starting with `statement`) waiting for a lock the test holds, with
 * its backend pid and transaction id. Polled from a connection outside any transaction, since
 * pg_stat_activity is read once per transaction.
 */
function statementWaitingOnLock(
  sql: postgres.Sql,
  deployment: Deployment,
  statement: string,
  operation: { done: boolean; value?: unknown },
) {
  return waitFor(`${statement}… to wait for the lock`, async () => {
    if (operation.done) throw new Error(`the request ended first: ${JSON.stringify(operation.value)}`);
    const [row] = await sql<{ pid: number; xid: string | null }[]>`
      select pid, backend_xid::text as xid from pg_stat_activity
       where datname = ${deployment.databaseName ?? ""} and wait_event_type = 'Lock'
         and query ilike ${`${statement}%`}`;
    return row;
  });
}

/** Waits until the database connection with this backend pid has ended. */
function connectionEnded(sql: postgres.Sql, pid: number) {
  return waitFor("the killed server's connection to end", async () => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where pid = ${pid}`;
    return row?.n === 0;
  });
}

type UploadOutcome = { status: number; body: string } | { error: Error };

/** A multipart upload written piece by piece, as a slow phone connection sends it. */
function beginUpload(app: AppInstance, cookie: string, fileName: string) {
  const boundary = `----shore${crypto.randomBytes(8).toString("hex")}`;
  const request = http.request(`${app.url}/api/evidence/upload`, {
    method: "POST",
    headers: {
      cookie,
      origin: app.url,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "transfer-encoding": "chunked",
    },
  });
  const result = new Promise<UploadOutcome>((resolve) => {
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", (error) => resolve({ error }));
    });
    request.on("error", (error) => resolve({ error }));
  });
  const send = (bytes: Buffer | string) =>
    new Promise<void>((resolve, reject) => request.write(bytes, (err) => (err ? reject(err) : resolve())));
  request.flushHeaders();
  const opening =
    `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n崩溃测试\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n` +
    `Content-Type: image/png\r\n\r\n`;
  const opened = send(opening);
  return {
    result,
    send: async (bytes: Buffer) => {
      await opened;
      await send(bytes);
    },
    finish: async () => {
      await opened;
      await send(`\r\n--${boundary}--\r\n`);
      request.end();
    },
  };
}

async function uploadWhole(app: AppInstance, cookie: string, fileName: string, file: Buffer) {
  const upload = beginUpload(app, cookie, fileName);
  // The upload is streamed: a server killed before taking the whole body never takes the rest, and
  // the request's outcome (an error) settles first.
  await Promise.race([upload.send(file).then(upload.finish), upload.result]);
  return upload.result;
}

/** Sets a file's times into the past, so the startup sweep (which spares the last hour) sees it as old. */
function ageFile(file: string) {
  fs.utimesSync(file, HOURS_AGO_2(), HOURS_AGO_2());
}

/**
 * Compares the evidence table with the evidence folder: every row's blob exists and is the complete
 * file (size and SHA-256 as recorded); returns the committed blobs that no row points at.
 */
async function checkEvidenceAgainstBlobs(deployment: Deployment): Promise<{ rows: number; orphans: string[] }> {
  const db = await inspectDatabase(deployment);
  try {
    const rows = await db.query<{ storage_key: string; sha256: string; size_bytes: string | number }>(
      "select storage_key, sha256, size_bytes from evidence",
    );
    for (const row of rows) {
      const file = path.join(evidenceRoot(deployment), ...row.storage_key.split("/"));
      expect(fs.existsSync(file), `blob of evidence row ${row.storage_key}`).toBe(true);
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBe(Number(row.size_bytes));
      expect(sha256(bytes)).toBe(row.sha256);
    }
    const owned = new Set(rows.map((r) => r.storage_key));
    return { rows: rows.length, orphans: committedBlobs(deployment).filter((key) => !owned.has(key)) };
  } finally {
    await db.close();
  }
}

/** The names in the borrower's evidence list (证据列表), as the app shows it. */
async function listedEvidence(page: Page): Promise<string[]> {
  await page.goto("/protection");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page.getByRole("list", { name: "证据列表" }).getByRole("listitem").getByRole("link").allTextContents();
}

test("killed during an upload: no evidence appears, and what is left is swept once old", async ({ browser }) => {
  const deployment = await createDeployment("crash-upload");
  let app: AppInstance | undefined;
  let context: BrowserContext | undefined;
  try {
    app = await startApp(deployment);
    const borrower = await signedInBorrower(browser, app, "crash-upload", "小宋");
    context = borrower.context;
    const { page, cookie } = borrower;

    // One finished upload before the crashes: its row and blob must come through intact.
    const kept = evidenceFile(20_000);
    expect(await uploadWhole(app, cookie, "催收短信.png", kept)).toMatchObject({ status: 201 });
    const keptBlobs = committedBlobs(deployment);
    expect(keptBlobs).toHaveLength(1);

    // 1. The server dies while the file is still arriving: what came so far is at most a temporary
    //    file, never a blob.
    const slow = beginUpload(app, cookie, "没传完.png");
    await slow.send(evidenceFile(256 * 1024));
    await app.kill();
    expect(await slow.result).toHaveProperty("error");
    expect(committedBlobs(deployment)).toEqual(keptBlobs);
    app = await startApp(deployment, { port: app.port });

    // 2. The server dies while it writes the file to the evidence store: killed as soon as the
    //    upload's temporary file has its first bytes (it takes tens of milliseconds to fill).
    //    Should the kill come too early or too late (an empty or complete file, or the blob
    //    already committed), the attempt is repeated.
    const large = evidenceFile(9 * 1024 * 1024);
    const tmpDir = path.join(evidenceRoot(deployment), ".tmp");
    const completed: string[] = [];
    const committedByLateKills: string[] = [];
    let unfinished: { name: string; size: number; file: string } | undefined;
    let unfinishedName = "";
    let attempt = 0;
    while (!unfinished) {
      attempt += 1;
      expect(attempt, "attempts to kill the server while it writes a blob").toBeLessThanOrEqual(5);
      const name = `写到一半-${attempt}.png`;
      const running: AppInstance = app;
      const partsBefore = new Set(temporaryUploads(deployment).map((f) => f.name));
      const blobsBefore = committedBlobs(deployment);
      let killing: Promise<void> | undefined;
      const watcher = fs.watch(tmpDir, (_event, file) => {
        if (killing || !file || !String(file).endsWith(".part") || partsBefore.has(String(file))) return;
        // Watch the new file's size closely and kill at its first bytes.
        const partPath = path.join(tmpDir, String(file));
        const until = Date.now() + 2_000;
        while (!killing && Date.now() < until) {
          const size = fs.statSync(partPath, { throwIfNoEntry: false })?.size;
          if (size === undefined) break;
          if (size > 0) killing = running.kill();
        }
      });
      let outcome: UploadOutcome;
      try {
        outcome = await uploadWhole(running, cookie, name, large);
      } finally {
        watcher.close();
      }
      await (killing ?? running.kill());
      const part = temporaryUploads(deployment).find((f) => !partsBefore.has(f.name));
      const newBlobs = committedBlobs(deployment).filter((key) => !blobsBefore.includes(key));
      if ("status" in outcome && outcome.status === 201) completed.push(name);
      else committedByLateKills.push(...newBlobs);
      if (part && part.size > 0 && part.size < large.length && newBlobs.length === 0) {
        expect(outcome).toHaveProperty("error");
        unfinished = part;
        unfinishedName = name;
      }
      app = await startApp(deployment, { port: running.port });
    }
    test.info().annotations.push({
      type: "crash",
      description: `unfinished blob file of ${unfinished.size} of ${large.length} bytes, attempt ${attempt}`,
    });

    // Restarted on the same database and folder: it serves, the finished upload is intact, and
    // neither interrupted file is shown.
    let listed = await listedEvidence(page);
    expect(listed).toEqual(expect.arrayContaining(["催收短信.png", ...completed]));
    expect(listed).not.toContain("没传完.png");
    expect(listed).not.toContain(unfinishedName);
    const href = await page.getByRole("link", { name: "催收短信.png" }).getAttribute("href");
    const download = await page.request.get(href ?? "");
    expect(download.status()).toBe(200);
    expect(sha256(Buffer.from(await download.body()))).toBe(sha256(kept));
    // Uploads work again.
    expect(await uploadWhole(app, cookie, "重启后.png", evidenceFile(30_000))).toMatchObject({ status: 201 });
    listed = await listedEvidence(page);
    expect(listed).toContain("重启后.png");
    // The sweep spares the last hour: the unfinished file is still there.
    expect(temporaryUploads(deployment).map((f) => f.name)).toContain(unfinished.name);

    await app.stop();
    let state = await checkEvidenceAgainstBlobs(deployment);
    expect(state.rows).toBe(listed.length);
    expect(committedByLateKills).toEqual(expect.arrayContaining(state.orphans));

    // An hour later (file times moved back), the next start sweeps away the unfinished uploads and
    // any blob without a row, and keeps every blob that has its row, however old.
    for (const f of temporaryUploads(deployment)) ageFile(f.file);
    for (const key of committedBlobs(deployment)) ageFile(path.join(evidenceRoot(deployment), ...key.split("/")));
    const owned = committedBlobs(deployment).filter((key) => !state.orphans.includes(key));
    app = await startApp(deployment, { port: app.port });
    await waitFor(
      "the startup sweep to remove the unfinished uploads and orphan blobs",
      () => temporaryUploads(deployment).length === 0 && committedBlobs(deployment).length === owned.length,
    );
    expect(committedBlobs(deployment)).toEqual(owned);
    expect(await listedEvidence(page)).toEqual(listed);
    await app.stop();
    state = await checkEvidenceAgainstBlobs(deployment);
    expect(state).toEqual({ rows: listed.length, orphans: [] });
  } finally {
    await context?.close();
    await app?.kill();
    await deployment.remove();
  }
});

test("killed after the blob is committed but before its row: an orphan blob that the sweep removes", async ({
  browser,
}) => {
  test.skip(!serverDatabaseUrl, NEEDS_POSTGRES);
  const deployment = await createDeployment("crash-orphan");
  // Two connections: one holds the lock in its transaction, the other watches (outside any
  // transaction, since pg_stat_activity is read once per transaction).
  const sql = postgres(deployment.databaseUrl ?? "", { max: 2, onnotice: () => {} });
  let app: AppInstance | undefined;
  let context: BrowserContext | undefined;
  try {
    app = await startApp(deployment);
    const borrower = await signedInBorrower(browser, app, "crash-orphan", "小唐");
    context = borrower.context;
    const { page, cookie } = borrower;

    // A SHARE lock on the evidence table lets the upload read the case's quota and write its blob,
    // and holds back the insert of its row.
    const lock = await sql.reserve();
    let upload: Promise<UploadOutcome> | undefined;
    try {
      await lock`begin`;
      await lock`lock table evidence in share mode`;
      upload = uploadWhole(app, cookie, "协议照片.png", evidenceFile(512 * 1024));
      const settled = trackSettled(upload);
      const { pid: waitingPid } = await statementWaitingOnLock(sql, deployment, 'insert into "evidence"', settled);
      expect(committedBlobs(deployment)).toHaveLength(1);
      expect(temporaryUploads(deployment)).toEqual([]);

      await app.kill();
      // A connection waiting for a lock does not notice that its client is gone, and its statement
      // (sent whole, with its implicit commit) would still run once the lock is released. The killed
      // server's connection ends with it, as when its host is lost.
      await sql`select pg_terminate_backend(${waitingPid})`;
      await connectionEnded(sql, waitingPid);
    } finally {
      await lock`rollback`.catch(() => {});
      lock.release();
    }
    expect(await upload).toHaveProperty("error");

    const [orphan = ""] = committedBlobs(deployment);
    expect(await checkEvidenceAgainstBlobs(deployment)).toEqual({ rows: 0, orphans: [orphan] });

    // Restarted: it serves and shows no evidence; the fresh orphan is left alone (it could be an
    // upload about to insert its row).
    app = await startApp(deployment, { port: app.port });
    expect(await listedEvidence(page)).toEqual([]);
    expect(committedBlobs(deployment)).toEqual([orphan]);
    await app.stop();

    // Once the orphan is older than an hour, the next start removes it.
    ageFile(path.join(evidenceRoot(deployment), ...orphan.split("/")));
    app = await startApp(deployment, { port: app.port });
    await waitFor("the startup sweep to remove the orphan blob", () => committedBlobs(deployment).length === 0);
    expect(await listedEvidence(page)).toEqual([]);
    expect(await checkEvidenceAgainstBlobs(deployment)).toEqual({ rows: 0, orphans: [] });
  } finally {
    await context?.close();
    await app?.kill();
    await sql.end({ timeout: 5 });
    await deployment.remove();
  }
});

/** Whether a promise has settled yet, and with what (for failing fast with a clear message). */
function trackSettled<T>(promise: Promise<T>) {
  const state: { done: boolean; value?: unknown } = { done: false };
  promise.then(
    (value) => Object.assign(state, { done: true, value }),
    (error: unknown) => Object.assign(state, { done: true, value: String(error) }),
  );
  return state;
}

/** Yesterday in Asia/Shanghai: a payment day the server accepts whatever its clock says. */
function yesterdayInShanghai(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() - 86_400_000));
}

/** 记录还款 through the API the payment form uses: inserts the payment and lowers the debt's balance in one transaction. */
function recordPayment(page: Page, app: AppInstance, debtId: string, amount: string) {
  return page.request.post(`${app.url}/api/trpc/payments.record?batch=1`, {
    headers: { origin: app.url, "content-type": "application/json" },
    data: JSON.stringify({ 0: { json: { debtId, amount, paidOn: yesterdayInShanghai(), note: "" } } }),
  });
}

async function newDebt(page: Page, outstanding: string): Promise<string> {
  await addDebt(page, { platform: "表哥", kind: "民间借贷", principal: outstanding, method: "none", outstanding });
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

async function paymentsAndBalance(deployment: Deployment, debtId: string) {
  const db = await inspectDatabase(deployment);
  try {
    const payments = await db.query<{ id: string; amount: string }>(
      "select id, amount::text as amount from payments where debt_id = $1 order by created_at",
      [debtId],
    );
    const [debt] = await db.query<{ outstanding: string }>(
      "select outstanding::text as outstanding from debts where id = $1",
      [debtId],
    );
    return { payments, outstanding: debt?.outstanding };
  } finally {
    await db.close();
  }
}

test("killed inside a payment's transaction after its first write: none of it remains", async ({ browser }) => {
  test.skip(!serverDatabaseUrl, NEEDS_POSTGRES);
  const deployment = await createDeployment("crash-payment");
  // Two connections: one holds the lock in its transaction, the other watches (outside any
  // transaction, since pg_stat_activity is read once per transaction).
  const sql = postgres(deployment.databaseUrl ?? "", { max: 2, onnotice: () => {} });
  let app: AppInstance | undefined;
  let context: BrowserContext | undefined;
  try {
    app = await startApp(deployment);
    const borrower = await signedInBorrower(browser, app, "crash-payment", "小何");
    context = borrower.context;
    const { page } = borrower;
    const debtId = await newDebt(page, "3000");
    expect((await recordPayment(page, app, debtId, "100.00")).status()).toBe(200);
    expect(await paymentsAndBalance(deployment, debtId)).toMatchObject({
      payments: [{ amount: "100.00" }],
      outstanding: "2900.00",
    });

    // A SHARE lock on debts lets the payment's transaction lock the debt row (FOR UPDATE) and
    // insert the payment, and stops it at its second write, the update of the debt's balance.
    const lock = await sql.reserve();
    let pending: Promise<unknown> | undefined;
    try {
      await lock`begin`;
      await lock`lock table debts in share mode`;
      pending = recordPayment(page, app, debtId, "200.00").then(
        (res) => res.status(),
        (err: Error) => err,
      );
      const settled = trackSettled(pending);
      const blocked = await statementWaitingOnLock(sql, deployment, 'update "debts"', settled);
      // Its payment row is written (uncommitted): the transaction has an id and holds the insert's lock.
      expect(blocked.xid).not.toBeNull();
      const held = await sql<{ mode: string }[]>`
        select mode from pg_locks where pid = ${blocked.pid} and relation = 'payments'::regclass and granted`;
      expect(held.map((l) => l.mode)).toContain("RowExclusiveLock");

      await app.kill();
      // Released: the update runs, then the connection finds its client gone before any COMMIT.
      await lock`rollback`;
      await connectionEnded(sql, blocked.pid);
    } finally {
      await lock`rollback`.catch(() => {});
      lock.release();
    }
    expect(await pending).toBeInstanceOf(Error);
    expect(await paymentsAndBalance(deployment, debtId)).toMatchObject({
      payments: [{ amount: "100.00" }],
      outstanding: "2900.00",
    });

    // Restarted: the debt shows the one payment, and payments are recorded again.
    app = await startApp(deployment, { port: app.port });
    await page.goto(`/debts/${debtId}`);
    await expect(page.getByText("已记录还款 ¥100.00，剩余待还 ¥2,900.00。")).toBeVisible();
    expect((await recordPayment(page, app, debtId, "50.00")).status()).toBe(200);
    await page.reload();
    await expect(page.getByText("已记录还款 ¥150.00，剩余待还 ¥2,850.00。")).toBeVisible();
    expect(await paymentsAndBalance(deployment, debtId)).toMatchObject({
      payments: [{ amount: "100.00" }, { amount: "50.00" }],
      outstanding: "2850.00",
    });
  } finally {
    await context?.close();
    await app?.kill();
    await sql.end({ timeout: 5 });
    await deployment.remove();
  }
});

test("killed while payments are being written: every acknowledged payment is kept, and the balance matches", async ({
  browser,
}, testInfo) => {
  const deployment = await createDeployment("crash-payments");
  let app: AppInstance | undefined;
  let context: BrowserContext | undefined;
  try {
    app = await startApp(deployment);
    const borrower = await signedInBorrower(browser, app, "crash-payments", "小罗");
    context = borrower.context;
    const { page } = borrower;
    const debtId = await newDebt(page, "3000");

    // Four writers record ¥1.00 payments back to back; the server is killed while they run.
    const acknowledged: string[] = [];
    let inFlight = 0;
    let killed = false;
    const running = app;
    const writer = async () => {
      while (!killed) {
        inFlight += 1;
        try {
          const res = await recordPayment(page, running, debtId, "1.00");
          if (res.status() === 200) {
            const [answer] = (await res.json()) as { result: { data: { json: { id: string } } } }[];
            if (answer) acknowledged.push(answer.result.data.json.id);
          } else if (!killed) {
            throw new Error(`payment refused: ${res.status()} ${await res.text()}`);
          }
        } catch (err) {
          if (!killed) throw err;
        } finally {
          inFlight -= 1;
        }
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    await waitFor("payments to be recorded", () => acknowledged.length >= 20);
    killed = true;
    const inFlightAtKill = inFlight;
    await app.kill();
    await writers;
    testInfo.annotations.push({
      type: "crash",
      description: `${acknowledged.length} payments acknowledged, ${inFlightAtKill} requests in flight at the kill`,
    });

    // Restarted: the debt page's totals come from both tables and must agree.
    app = await startApp(deployment, { port: app.port });
    await page.goto(`/debts/${debtId}`);
    const summary = page.getByText(/^已记录还款 ¥[\d,.]+，剩余待还 ¥[\d,.]+。$/);
    await expect(summary).toBeVisible();
    const shown = (await summary.textContent()) ?? "";
    await app.stop();

    const { payments, outstanding } = await paymentsAndBalance(deployment, debtId);
    const ids = new Set(payments.map((p) => p.id));
    expect(
      acknowledged.filter((id) => !ids.has(id)),
      "acknowledged payments lost in the crash",
    ).toEqual([]);
    expect(payments.every((p) => p.amount === "1.00")).toBe(true);
    const left = new Dec(3000).minus(payments.length);
    expect(outstanding).toBe(left.toFixed(2));
    expect(shown).toBe(`已记录还款 ${formatYuan(payments.length)}，剩余待还 ${formatYuan(left)}。`);
  } finally {
    await context?.close();
    await app?.kill();
    await deployment.remove();
  }
});
