/**
 * Account rights: change password (other sessions end, this one may stay), delete account (case,
 * evidence blobs, shares and links go; counselors lose access at once), export all data (one ZIP),
 * and the security events each of these and sharing record.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { findUserById } from "@/db/queries/users";
import { auditEvents, cases, caseShares, counselorNotes, debts, evidence, shareLinks, users } from "@/db/schema";
import { createAccount } from "@/db/seed/factories";
import { authenticate, WRONG_CREDENTIALS_MESSAGE } from "@/server/auth/accounts";
import { adoptSessionVersion, recheckSessionToken, SessionRevoked } from "@/server/auth/session-token";
import { issueSessionVersionProof } from "@/server/auth/session-version-proof";
import { readZip } from "@/server/evidence/test-zip";
import { deleteAccount, exportAccountData } from "@/server/services/account";
import type { BlobStore } from "@/server/storage/blob-store";
import { evidenceStore } from "@/server/storage";
import { LocalFolderBlobStore } from "@/server/storage/local-folder";
import { callerFor, sessionUserOf, TEST_META } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { expectTrpcError } from "@/test/trpc-errors";

const NEW_PASSWORD = "晨雾-harbor-Quartz-83";
let open: OpenDatabase;
let dataDir: string;
let previousDataDir: string | undefined;

beforeAll(async () => {
  previousDataDir = process.env.SHORE_DATA_DIR;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shore-account-rights-"));
  process.env.SHORE_DATA_DIR = dataDir; // evidenceStore() and the session secret live here
  open = await openTestDatabase();
});
afterAll(async () => {
  await open?.close();
  if (previousDataDir === undefined) delete process.env.SHORE_DATA_DIR;
  else process.env.SHORE_DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let ipCounter = 0;
/** Each test its own address, so the per-address failure limit of one test never blocks another. */
function freshMeta() {
  ipCounter += 1;
  return { ip: `198.18.${process.pid % 250}.${ipCounter}`, userAgent: "vitest" };
}

async function account(role: "borrower" | "counselor", name = role === "borrower" ? "小周" : "顾问") {
  const user = await createAccount(open.db, {
    email: uniqueEmail(role),
    password: STRONG_PASSWORD,
    displayName: name,
    role,
  });
  const meta = freshMeta();
  return { user, meta, api: callerFor(open.db, sessionUserOf(user), { meta }) };
}

async function tokenOf(userId: string) {
  const row = await findUserById(open.db, userId);
  return { sub: userId, sv: row?.sessionVersion, name: row?.displayName };
}

/** Stores a real evidence file in the case: a blob in the store and its row. */
async function addEvidence(caseId: string, content: Buffer, displayName: string, store: BlobStore = evidenceStore()) {
  const writer = await store.create(caseId);
  await writer.write(content);
  const key = await writer.commit();
  const [row] = await open.db
    .insert(evidence)
    .values({
      caseId,
      storageKey: key,
      displayName,
      mimeType: "image/png",
      extension: "png",
      sizeBytes: content.byteLength,
      sha256: crypto.createHash("sha256").update(content).digest("hex"),
    })
    .returning();
  if (!row) throw new Error("no evidence row");
  return row;
}

/** A borrower with a debt, an evidence file, an active counselor share with a note, and a link. */
async function populatedBorrower() {
  const borrower = await account("borrower");
  const counselor = await account("counselor");
  await borrower.api.debts.create({
    platform: "某借呗",
    debtKind: "onlineLoan",
    principal: "5000",
    outstanding: "4200.50",
    repaymentMethod: "none",
  });
  const ownCase = await findCaseOfOwner(open.db, borrower.user.id);
  if (!ownCase) throw new Error("no case");
  const file = await addEvidence(ownCase.id, crypto.randomBytes(2048), "催收短信截图.png");
  await borrower.api.sharing.invite({ email: counselor.user.email });
  const [invitation] = await counselor.api.counselor.invitations();
  await counselor.api.counselor.respond({ shareId: invitation?.id ?? "", accept: true });
  await counselor.api.notes.add({ caseId: ownCase.id, body: "先和平台协商停催" });
  const link = await borrower.api.sharing.createLink({ label: "妈妈", days: 30, showPlatforms: false });
  return { borrower, counselor, caseId: ownCase.id, file, link };
}

// ----- reading the exported ZIP back -----------------------------------------------------------------

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

// ----- change password ----------------------------------------------------------------------------

describe("account.changePassword", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const { user, api } = await account("borrower");
    const before = await findUserById(open.db, user.id);
    await expectTrpcError(
      api.account.changePassword({ currentPassword: "wrong-password-xyz", newPassword: NEW_PASSWORD }),
      "BAD_REQUEST",
      "当前密码不正确",
    );
    const after = await findUserById(open.db, user.id);
    expect(after?.passwordHash).toBe(before?.passwordHash);
    expect(after?.sessionVersion).toBe(before?.sessionVersion);
    expect((await api.account.securityEvents()).map((e) => e.type)).toContain("password_check_failure");
  });

  it("refuses a new password the policy rejects, and one equal to the current", async () => {
    const { api } = await account("borrower");
    await expectTrpcError(
      api.account.changePassword({ currentPassword: STRONG_PASSWORD, newPassword: "password1234" }),
      "BAD_REQUEST",
      "太常见",
    );
    await expectTrpcError(
      api.account.changePassword({ currentPassword: STRONG_PASSWORD, newPassword: "short" }),
      "BAD_REQUEST",
      "至少需要 12 个字符",
    );
    await expectTrpcError(
      api.account.changePassword({ currentPassword: STRONG_PASSWORD, newPassword: STRONG_PASSWORD }),
      "BAD_REQUEST",
      "不能和当前密码相同",
    );
  });

  it("refuses signed-out callers", async () => {
    await expectTrpcError(
      callerFor(open.db, null).account.changePassword({ currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD }),
      "UNAUTHORIZED",
    );
  });

  it("ends every other session; the browser that changed it keeps its session with the proof", async () => {
    const { user, api, meta } = await account("borrower");
    const thisBrowser = await tokenOf(user.id);
    const otherDevice = await tokenOf(user.id);
    const { sessionVersionProof } = await api.account.changePassword({
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
    });

    // The other device is refused at its next request, with or without an update.
    await expect(recheckSessionToken(open.db, otherDevice)).rejects.toBeInstanceOf(SessionRevoked);
    await expect(
      recheckSessionToken(open.db, adoptSessionVersion(otherDevice, { sessionVersionProof: "1.2.x" })),
    ).rejects.toBeInstanceOf(SessionRevoked);
    // This browser updates its session with the proof and goes on.
    const updated = adoptSessionVersion(thisBrowser, { sessionVersionProof });
    await expect(recheckSessionToken(open.db, updated)).resolves.toMatchObject({ sub: user.id });

    // The new password signs in; the old one no longer does.
    await expect(authenticate(open.db, { email: user.email, password: STRONG_PASSWORD }, meta)).rejects.toThrow(
      WRONG_CREDENTIALS_MESSAGE,
    );
    await expect(authenticate(open.db, { email: user.email, password: NEW_PASSWORD }, meta)).resolves.toMatchObject({
      id: user.id,
    });
    expect((await api.account.securityEvents()).map((e) => e.type)).toContain("password_changed");
  });

  it("a proof is bound to its account, its version and its lifetime", async () => {
    const a = await account("borrower");
    const b = await account("borrower");
    const tokenOfB = await tokenOf(b.user.id);
    const { sessionVersionProof } = await a.api.account.changePassword({
      currentPassword: STRONG_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    // A's proof does not move B's token.
    expect(adoptSessionVersion(tokenOfB, { sessionVersionProof })).toEqual(tokenOfB);
    // An expired proof, or a tampered one, is ignored.
    const current = (await findUserById(open.db, a.user.id))?.sessionVersion ?? 0;
    const old = issueSessionVersionProof(a.user.id, current, Date.now() - 10 * 60 * 1000);
    const staleToken = { sub: a.user.id, sv: current - 1 };
    await expect(
      recheckSessionToken(open.db, adoptSessionVersion(staleToken, { sessionVersionProof: old })),
    ).rejects.toBeInstanceOf(SessionRevoked);
    const tampered = sessionVersionProof.replace(/^\d+/, String(current + 1));
    expect(adoptSessionVersion(staleToken, { sessionVersionProof: tampered })).toEqual(staleToken);
  });

  it("limits guesses of the current password like sign-in failures", async () => {
    const { api } = await account("borrower");
    for (let i = 0; i < 5; i++) {
      await expectTrpcError(
        api.account.changePassword({ currentPassword: `wrong-password-${i}`, newPassword: NEW_PASSWORD }),
        "BAD_REQUEST",
      );
    }
    await expectTrpcError(
      api.account.changePassword({ currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD }),
      "TOO_MANY_REQUESTS",
      "分钟后再试",
    );
  });
});

// ----- delete account -----------------------------------------------------------------------------

describe("account.deleteAccount", () => {
  it("refuses a wrong password and keeps everything", async () => {
    const { borrower, caseId, file } = await populatedBorrower();
    await expectTrpcError(
      borrower.api.account.deleteAccount({ password: "wrong-password-xyz" }),
      "BAD_REQUEST",
      "当前密码不正确",
    );
    expect(await findUserById(open.db, borrower.user.id)).toBeDefined();
    expect(await open.db.select().from(cases).where(eq(cases.id, caseId))).toHaveLength(1);
    expect(await evidenceStore().read(file.storageKey)).not.toBeNull();
  });

  it("refuses signed-out callers", async () => {
    await expectTrpcError(
      callerFor(open.db, null).account.deleteAccount({ password: STRONG_PASSWORD }),
      "UNAUTHORIZED",
    );
  });

  it("deletes the borrower with the case, evidence blobs, shares and links; the counselor loses access at once", async () => {
    const { borrower, counselor, caseId, file } = await populatedBorrower();
    const token = await tokenOf(borrower.user.id);
    expect(await counselor.api.counselor.clients()).toHaveLength(1);
    await expect(counselor.api.notes.list({ caseId })).resolves.toHaveLength(1);
    const before = new Date(Date.now() - 1000);
    await authenticate(open.db, { email: borrower.user.email, password: "wrong-password-xyz" }, borrower.meta).catch(
      () => {},
    );
    const withEmail = await open.db.select().from(auditEvents).where(eq(auditEvents.email, borrower.user.email));
    expect(withEmail.length).toBeGreaterThan(0);

    await expect(borrower.api.account.deleteAccount({ password: STRONG_PASSWORD })).resolves.toEqual({ ok: true });

    expect(await findUserById(open.db, borrower.user.id)).toBeUndefined();
    await expect(recheckSessionToken(open.db, token)).rejects.toBeInstanceOf(SessionRevoked);
    for (const table of [debts, evidence, caseShares, shareLinks, counselorNotes]) {
      expect(await open.db.select().from(table).where(eq(table.caseId, caseId))).toHaveLength(0);
    }
    expect(await open.db.select().from(cases).where(eq(cases.id, caseId))).toHaveLength(0);
    expect(await evidenceStore().read(file.storageKey)).toBeNull();
    // The counselor: no client, and the case is refused.
    expect(await counselor.api.counselor.clients()).toHaveLength(0);
    await expectTrpcError(counselor.api.notes.list({ caseId }), "NOT_FOUND");
    await expectTrpcError(counselor.api.counselor.openCase({ caseId }), "NOT_FOUND");
    // The audit keeps the deletion's type and time, linked to nobody; the account's own events are unlinked too.
    const deleted = await open.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, "account_deleted"), isNull(auditEvents.userId)));
    const ours = deleted.filter((e) => e.createdAt >= before);
    expect(ours.length).toBeGreaterThanOrEqual(1);
    expect(ours.every((e) => e.email === null && e.ip === null && e.detail === null)).toBe(true);
    expect(await open.db.select().from(auditEvents).where(eq(auditEvents.userId, borrower.user.id))).toHaveLength(0);
    // Its earlier events (sign-up, sharing…) stay as type and time only: no email, address or detail.
    const earlier = await open.db.select().from(auditEvents).where(eq(auditEvents.email, borrower.user.email));
    expect(earlier).toHaveLength(0);
  });

  it("commits the deletion even when a blob cannot be removed, leaving it for the orphan sweep", async () => {
    const { user, meta } = await account("borrower");
    const ownCase = await findCaseOfOwner(open.db, user.id);
    const store = new LocalFolderBlobStore(path.join(dataDir, "failing-store"));
    const file = await addEvidence(ownCase?.id ?? "", Buffer.from("evidence"), "a.png", store);
    const failing: BlobStore = {
      create: (c) => store.create(c),
      read: (k) => store.read(k),
      keys: () => store.keys(),
      listBlobs: () => store.listBlobs(),
      removeStaleTemporaryFiles: (olderThanMs, now) => store.removeStaleTemporaryFiles(olderThanMs, now),
      remove: () => Promise.reject(new Error("disk unavailable")),
    };
    await expect(deleteAccount(open.db, user.id, STRONG_PASSWORD, meta, failing)).resolves.toEqual({
      blobsRemoved: 0,
      blobsLeft: 1,
    });
    expect(await findUserById(open.db, user.id)).toBeUndefined();
    expect(await store.keys()).toContain(file.storageKey); // an orphan now: no row points at it
  });

  it("deletes a counselor with their shares and notes; the borrower's case stays", async () => {
    const { borrower, counselor, caseId } = await populatedBorrower();
    await expect(counselor.api.account.deleteAccount({ password: STRONG_PASSWORD })).resolves.toEqual({ ok: true });
    expect(await findUserById(open.db, counselor.user.id)).toBeUndefined();
    expect(await open.db.select().from(caseShares).where(eq(caseShares.counselorId, counselor.user.id))).toHaveLength(
      0,
    );
    expect(await open.db.select().from(counselorNotes).where(eq(counselorNotes.caseId, caseId))).toHaveLength(0);
    await expect(borrower.api.debts.list({})).resolves.toBeDefined();
    expect(await open.db.select().from(cases).where(eq(cases.id, caseId))).toHaveLength(1);
  });

  it("one user cannot delete another: the procedure acts only on the caller's own account", async () => {
    const a = await account("borrower");
    const b = await account("borrower");
    // B's password typed into A's session is just a wrong password for A.
    await b.api.account.changePassword({ currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD });
    await expectTrpcError(a.api.account.deleteAccount({ password: NEW_PASSWORD }), "BAD_REQUEST");
    expect(await findUserById(open.db, a.user.id)).toBeDefined();
    expect(await findUserById(open.db, b.user.id)).toBeDefined();
  });
});

// ----- export -------------------------------------------------------------------------------------

describe("export all my data", () => {
  it("streams one ZIP with data.json (no secrets) and the evidence files with their SHA-256", async () => {
    const { borrower, caseId, file } = await populatedBorrower();
    const other = await populatedBorrower();
    await borrower.api.sharing.revokeLink({ linkId: (await borrower.api.sharing.links())[0]?.id ?? "" });
    const userRow = await findUserById(open.db, borrower.user.id);
    const [linkRow] = await open.db.select().from(shareLinks).where(eq(shareLinks.caseId, caseId));

    const exported = await exportAccountData(open.db, borrower.user.id, borrower.meta, evidenceStore(), new Date());
    if (!exported) throw new Error("no export");
    const files = readZip(await readAll(exported.stream));
    expect([...files.keys()].sort()).toEqual(
      ["README.txt", "data.json", "evidence/001-催收短信截图.png", "evidence/manifest.json"].sort(),
    );

    const text = files.get("data.json")?.toString("utf8") ?? "";
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({ id: borrower.user.id, email: borrower.user.email });
    expect(data.account).not.toHaveProperty("passwordHash");
    expect(text).not.toContain(userRow?.passwordHash ?? "missing");
    expect(text).not.toContain(linkRow?.tokenHash ?? "missing");
    expect(text).not.toContain(file.storageKey);
    expect(data.case.id).toBe(caseId);
    expect(data.case.debts).toHaveLength(1);
    expect(data.case.debts[0]).toMatchObject({ platform: "某借呗", outstanding: "4200.50" });
    expect(data.case.counselorShares[0]).toMatchObject({ status: "active" });
    expect(data.case.progressLinks[0]).toMatchObject({ label: "妈妈" });
    expect(data.case.progressLinks[0]).not.toHaveProperty("tokenHash");
    expect(data.case.counselorNotes[0]).toMatchObject({ body: "先和平台协商停催" });
    for (const key of [
      "payments",
      "budgetItems",
      "planSteps",
      "contactLogs",
      "agreements",
      "complaints",
      "deadlines",
    ]) {
      expect(Array.isArray(data.case[key]), key).toBe(true);
    }
    for (const key of ["emergencyFund", "habits", "accessLog", "rebuildChecklist"]) {
      expect(Array.isArray(data.case[key]), key).toBe(true);
    }
    expect(data.auditEvents.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(["share_invited", "share_accepted", "link_created", "link_revoked"]),
    );
    // Nothing of the other borrower.
    expect(text).not.toContain(other.caseId);
    expect(text).not.toContain(other.borrower.user.email);

    const blob = files.get("evidence/001-催收短信截图.png");
    const manifest = JSON.parse(files.get("evidence/manifest.json")?.toString("utf8") ?? "{}");
    expect(manifest.files[0]).toMatchObject({
      path: "evidence/001-催收短信截图.png",
      sha256: file.sha256,
      included: true,
    });
    expect(
      crypto
        .createHash("sha256")
        .update(blob ?? "")
        .digest("hex"),
    ).toBe(file.sha256);
    expect((await borrower.api.account.securityEvents()).map((e) => e.type)).toContain("data_exported");
  });

  it("exports a counselor's account, shares and notes, and nothing of the borrower's case", async () => {
    const { counselor, borrower } = await populatedBorrower();
    const exported = await exportAccountData(open.db, counselor.user.id, counselor.meta, evidenceStore(), new Date());
    if (!exported) throw new Error("no export");
    const files = readZip(await readAll(exported.stream));
    const data = JSON.parse(files.get("data.json")?.toString("utf8") ?? "{}");
    expect(data.case).toBeNull();
    expect(data.counselor.shares).toHaveLength(1);
    expect(data.counselor.notesWritten[0]).toMatchObject({ body: "先和平台协商停催" });
    expect(JSON.stringify(data)).not.toContain("某借呗");
    expect(JSON.stringify(data)).not.toContain(borrower.user.email);
  });

  it("returns nothing for an account that no longer exists", async () => {
    const { user, meta } = await account("borrower");
    await open.db.delete(users).where(eq(users.id, user.id));
    expect(await exportAccountData(open.db, user.id, meta, evidenceStore(), new Date())).toBeNull();
  });
});

// ----- sharing events -----------------------------------------------------------------------------

describe("security events of sharing", () => {
  it("records invitation, acceptance, revocation and links for the borrower, acceptance for the counselor", async () => {
    const { borrower, counselor, link } = await populatedBorrower();
    const [share] = await borrower.api.sharing.shares();
    await borrower.api.sharing.revoke({ shareId: share?.id ?? "" });
    await borrower.api.sharing.revokeLink({ linkId: link.id });
    const events = await borrower.api.account.securityEvents();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["share_invited", "share_accepted", "share_revoked", "link_created", "link_revoked"]),
    );
    expect(events.find((e) => e.type === "share_revoked")?.detail).toBe(counselor.user.email);
    expect(events.find((e) => e.type === "link_created")?.detail).toBe("妈妈");
    const counselorEvents = await counselor.api.account.securityEvents();
    expect(counselorEvents.map((e) => e.type)).toContain("share_accepted");
    expect(counselorEvents.map((e) => e.type)).not.toContain("link_created");
  });
});

void TEST_META;
