import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { LocalFolderBlobStore } from "@/server/storage/local-folder";
import { STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { backup, restore, verifyBackup, type BackupTarget } from "./backup";
import { openPglite, openPostgres, type OpenDatabase } from "./client";
import { findCaseOfOwner } from "./queries/cases";
import { debts, evidence } from "./schema";
import { createAccount } from "./seed/factories";

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "shore-backup-"));
const serverUrl = inject("testDatabaseUrl");
const created: string[] = [];

async function freshPostgresUrl(): Promise<string> {
  const { default: postgres } = await import("postgres");
  const url = new URL(serverUrl ?? "");
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const name = `shore_backup_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  created.push(name);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  if (serverUrl && created.length > 0) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    for (const name of created) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  fs.rmSync(temp, { recursive: true, force: true });
});

async function target(name: string): Promise<BackupTarget> {
  return {
    databaseUrl: serverUrl ? await freshPostgresUrl() : undefined,
    pgliteDir: path.join(temp, name, "pglite"),
    evidenceDir: path.join(temp, name, "evidence"),
  };
}

const open = (t: BackupTarget): Promise<OpenDatabase> =>
  t.databaseUrl ? openPostgres(t.databaseUrl, { max: 1 }) : openPglite(t.pgliteDir);

describe(`backup and restore (${serverUrl ? "PostgreSQL: pg_dump / pg_restore" : "embedded database"})`, () => {
  it("round-trips a case with its debt and evidence, bytes and fingerprint included", async () => {
    const source = await target("source");
    const bytes = crypto.randomBytes(4096);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const db = await open(source);
    const user = await createAccount(db.db, {
      email: uniqueEmail("backup"),
      password: STRONG_PASSWORD,
      displayName: "备份",
      role: "borrower",
    });
    const caseRow = await findCaseOfOwner(db.db, user.id);
    const caseId = caseRow?.id ?? "";
    const [debt] = await db.db
      .insert(debts)
      .values({
        caseId,
        platform: "某借呗",
        debtKind: "onlineLoan",
        principal: "12345.67",
        received: "12000.00",
        outstanding: "8000.01",
        repaymentMethod: "none",
      })
      .returning();
    const writer = await new LocalFolderBlobStore(source.evidenceDir).create(caseId);
    await writer.write(bytes);
    const key = await writer.commit();
    await db.db.insert(evidence).values({
      caseId,
      storageKey: key,
      displayName: "录音.m4a",
      mimeType: "audio/mp4",
      extension: "m4a",
      sizeBytes: bytes.length,
      sha256,
    });
    await db.close();

    const folder = path.join(temp, "backup");
    const manifest = await backup(source, folder);
    expect(manifest.database).toBe(serverUrl ? "postgres" : "pglite");
    expect(manifest.files.find((f) => f.path === `evidence/${key}`)?.sha256).toBe(sha256);

    const restoredTarget = await target("restored");
    await restore(folder, restoredTarget);
    const restored = await open(restoredTarget);
    try {
      const [restoredDebt] = await restored.db.select().from(debts).where(eq(debts.caseId, caseId));
      expect(restoredDebt).toMatchObject({ id: debt?.id, principal: "12345.67", outstanding: "8000.01" });
      const [file] = await restored.db.select().from(evidence).where(eq(evidence.caseId, caseId));
      expect(file).toMatchObject({ storageKey: key, sha256 });
      const blob = fs.readFileSync(path.join(restoredTarget.evidenceDir, ...key.split("/")));
      expect(crypto.createHash("sha256").update(blob).digest("hex")).toBe(sha256);
    } finally {
      await restored.close();
    }

    // A damaged backup is refused before anything is restored.
    fs.appendFileSync(path.join(folder, "evidence", ...key.split("/")), "x");
    await expect(verifyBackup(folder)).rejects.toThrow(/damaged or missing/);
    const untouched = await target("untouched");
    await expect(restore(folder, untouched)).rejects.toThrow(/damaged or missing/);
    expect(fs.existsSync(untouched.evidenceDir)).toBe(false);
    // Creating on-disk embedded databases (initdb) takes a while on a busy machine.
  }, 180_000);
});
