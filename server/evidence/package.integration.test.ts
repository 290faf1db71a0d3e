import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { insertEvidence } from "@/db/queries/protection";
import { createAccount } from "@/db/seed/factories";
import { LocalFolderBlobStore } from "@/server/storage/local-folder";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { COMPLAINT_NAME, evidencePackage, MANIFEST_HEADER, MANIFEST_NAME } from "./package";
import { readZip } from "./test-zip";

let open: OpenDatabase;
let root: string;
let store: LocalFolderBlobStore;
beforeAll(async () => {
  open = await openTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "shore-package-"));
  store = new LocalFolderBlobStore(root);
});
afterAll(async () => {
  await open.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function borrowerWithFiles(files: { name: string; bytes: Buffer; description: string }[]) {
  const user = await createAccount(open.db, {
    email: uniqueEmail("pkg"),
    password: STRONG_PASSWORD,
    displayName: "小林",
    role: "borrower",
  });
  const found = await findCaseOfOwner(open.db, user.id);
  if (!found) throw new Error("no case");
  for (const f of files) {
    const blob = await store.create(found.id);
    await blob.write(f.bytes);
    await blob.commit();
    await insertEvidence(open.db, {
      caseId: found.id,
      storageKey: blob.key,
      displayName: f.name,
      description: f.description,
      mimeType: "image/png",
      extension: "png",
      sizeBytes: f.bytes.length,
      sha256: sha256(f.bytes),
    });
  }
  return { caseId: found.id, api: callerFor(open.db, sessionUserOf(user)) };
}

/** Parses the manifest CSV (every cell quoted) into rows of cells. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\ufeff/, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) =>
      [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2] ?? "").replace(/""/g, '"')),
    );
}

describe("evidence package (证据包)", () => {
  it("lists each file with its SHA-256 in the manifest, and the hash matches the bytes in the ZIP", async () => {
    const files = [
      { name: "截图.png", bytes: Buffer.from("first screenshot bytes"), description: "催收短信" },
      { name: "截图.png", bytes: Buffer.from("second, different bytes, same name"), description: '带"引号"的说明' },
      { name: "录音.png", bytes: Buffer.alloc(70_000, 7), description: "" },
    ];
    const { caseId, api } = await borrowerWithFiles(files);
    await api.contactLog.create({ channel: "phone", occurredAt: "2026-11-20T23:30", markers: ["threats"] });

    const zip = readZip(
      await buffer(await evidencePackage({ db: open.db, store, caseId, borrowerName: "小林", now: new Date() })),
    );
    const manifest = zip.get(MANIFEST_NAME);
    expect(manifest, "the manifest is in the ZIP").toBeDefined();
    const [header, ...rows] = parseCsv(manifest?.toString("utf8") ?? "");
    expect(header?.join(",")).toBe(MANIFEST_HEADER);
    expect(rows).toHaveLength(files.length);

    const listedHashes: string[] = [];
    for (const row of rows) {
      const [, fileName = "", , size = "", hash = ""] = row;
      const bytes = zip.get(fileName);
      expect(bytes, `${fileName} is in the ZIP`).toBeDefined();
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(sha256(bytes ?? Buffer.alloc(0))).toBe(hash);
      expect(Number(size)).toBe(bytes?.length);
      listedHashes.push(hash);
    }
    expect(listedHashes.sort()).toEqual(files.map((f) => sha256(f.bytes)).sort());
    // Two files with the same name both arrive under distinct names.
    expect(new Set(rows.map((r) => r[1])).size).toBe(files.length);
    expect(rows.map((r) => r[7])).toContain('带"引号"的说明');

    const complaint = zip.get(COMPLAINT_NAME)?.toString("utf8") ?? "";
    expect(complaint).toContain("投诉人：小林");
    expect(complaint).toContain("威胁或暴力");
    for (const f of files) expect(complaint).toContain(`SHA-256：${sha256(f.bytes)}`);
  });

  it("contains only the case's own files", async () => {
    const mine = await borrowerWithFiles([{ name: "我的.png", bytes: Buffer.from("mine"), description: "" }]);
    await borrowerWithFiles([{ name: "别人的.png", bytes: Buffer.from("someone else's"), description: "" }]);
    const zip = readZip(
      await buffer(
        await evidencePackage({ db: open.db, store, caseId: mine.caseId, borrowerName: "小林", now: new Date() }),
      ),
    );
    const names = [...zip.keys()].filter((n) => n.startsWith("证据/"));
    expect(names).toEqual(["证据/001-我的.png"]);
  });
});
