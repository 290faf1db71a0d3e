import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { insertEvidence } from "@/db/queries/protection";
import { createAccount } from "@/db/seed/factories";
import { LocalFolderBlobStore } from "@/server/storage/local-folder";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { sweepEvidenceStore } from "./sweep";

let open: OpenDatabase;
let root: string;
let store: LocalFolderBlobStore;
beforeAll(async () => {
  open = await openTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "shore-sweep-"));
  store = new LocalFolderBlobStore(root);
});
afterAll(async () => {
  await open.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const HOUR = 60 * 60 * 1000;
const now = new Date("2026-11-27T04:00:00Z");

function age(file: string, ms: number) {
  const t = new Date(now.getTime() - ms);
  fs.utimesSync(file, t, t);
}

async function blob(caseId: string, bytes: string, ageMs: number) {
  const w = await store.create(caseId);
  await w.write(Buffer.from(bytes));
  await w.commit();
  age(path.join(root, ...w.key.split("/")), ageMs);
  return w.key;
}

describe("startup sweep of the evidence store", () => {
  it("removes unfinished uploads and row-less blobs older than an hour, and nothing else", async () => {
    const user = await createAccount(open.db, {
      email: uniqueEmail("sweep"),
      password: STRONG_PASSWORD,
      displayName: "小林",
      role: "borrower",
    });
    const caseId = (await findCaseOfOwner(open.db, user.id))?.id ?? "";

    const keptWithRow = await blob(caseId, "has a row", 5 * HOUR);
    await insertEvidence(open.db, {
      caseId,
      storageKey: keptWithRow,
      displayName: "a.png",
      mimeType: "image/png",
      extension: "png",
      sizeBytes: 9,
      sha256: "a".repeat(64),
    });
    const oldOrphan = await blob(caseId, "row never inserted", 2 * HOUR);
    // Committed a moment ago, its row about to be inserted: an upload in progress.
    const freshOrphan = await blob(caseId, "upload in progress", 10 * 60 * 1000);

    const oldPart = await store.create(caseId);
    await oldPart.write(Buffer.from("server died here"));
    const freshPart = await store.create(caseId);
    await freshPart.write(Buffer.from("still arriving"));
    const parts = fs.readdirSync(path.join(root, ".tmp")).map((n) => path.join(root, ".tmp", n));
    expect(parts).toHaveLength(2);
    const oldPartFile = parts.find((p) => p.includes(oldPart.key.split("/")[1] ?? "-")) ?? "";
    const freshPartFile = parts.find((p) => p.includes(freshPart.key.split("/")[1] ?? "-")) ?? "";
    age(oldPartFile, 3 * HOUR);
    age(freshPartFile, 60 * 1000);

    const result = await sweepEvidenceStore({ db: open.db, store, now });

    expect(result).toEqual({ temporaryFilesRemoved: 1, orphanBlobsRemoved: 1 });
    expect(await store.read(oldOrphan)).toBeNull();
    expect(await store.read(keptWithRow)).not.toBeNull();
    expect(await store.read(freshOrphan)).not.toBeNull();
    expect(fs.existsSync(oldPartFile)).toBe(false);
    expect(fs.existsSync(freshPartFile)).toBe(true);

    // The unfinished upload that is still arriving can complete after the sweep.
    await freshPart.write(Buffer.from("…done"));
    await expect(freshPart.commit()).resolves.toBe(freshPart.key);
    await oldPart.abort();

    // A second sweep finds nothing more to do.
    await expect(sweepEvidenceStore({ db: open.db, store, now })).resolves.toEqual({
      temporaryFilesRemoved: 0,
      orphanBlobsRemoved: 0,
    });
  });

  it("does nothing on an empty or missing folder", async () => {
    const empty = new LocalFolderBlobStore(path.join(root, "does-not-exist"));
    await expect(sweepEvidenceStore({ db: open.db, store: empty, now })).resolves.toEqual({
      temporaryFilesRemoved: 0,
      orphanBlobsRemoved: 0,
    });
  });
});
