/**
 * The rights an account holder has over their account: change the password, delete the account
 * with everything in it, and export all of their data (个人信息保护法 第四十五条、第四十七条).
 */
import { PassThrough, type Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { appendAndWait } from "@/server/evidence/zip-entry";
import type { Database } from "@/db/client";
import { accountExportData, evidenceFilesOfCase, type AccountExport } from "@/db/queries/account-export";
import {
  anonymizeAuditEventsOf,
  deleteUser,
  evidenceKeysOfOwner,
  recordAuditEvent,
  setPasswordHash,
} from "@/db/queries/users";
import { verifyCurrentPassword, type RequestMeta } from "@/server/auth/accounts";
import { hashPassword, weakPasswordReason } from "@/server/auth/password";
import { issueSessionVersionProof } from "@/server/auth/session-version-proof";
import type { ChangePasswordInput } from "@/server/api/schemas/account";
import { AppError } from "@/server/errors";
import type { BlobStore } from "@/server/storage/blob-store";

/**
 * 修改密码: checks the current password and the new one against the policy, stores the new hash
 * and moves the session version on — every session of the account ends at its next request.
 * Returns a proof with which this browser's session adopts the new version and stays signed in.
 */
export async function changePassword(db: Database, userId: string, input: ChangePasswordInput, meta: RequestMeta) {
  const user = await verifyCurrentPassword(db, userId, input.currentPassword, meta);
  const weak = weakPasswordReason(input.newPassword, [user.email, user.displayName]);
  if (weak) throw new AppError("BAD_INPUT", weak);
  const passwordHash = await hashPassword(input.newPassword);
  const sessionVersion = await db.transaction(async (tx) => {
    const version = await setPasswordHash(tx, userId, passwordHash);
    await recordAuditEvent(tx, { type: "password_changed", userId, ...meta });
    return version;
  });
  return { sessionVersionProof: issueSessionVersionProof(userId, sessionVersion) };
}

/**
 * 注销账户: after the current password is confirmed, deletes the account in one transaction —
 * the schema cascades the borrower's case with everything in it, shares and links (counselors
 * lose access at once: access is read from those rows), and a counselor's shares and notes. The
 * deletion's audit event, and the account's earlier ones, keep only their type and time. Evidence blobs are removed after the commit; one
 * whose removal fails is left for the blob store's orphan sweep.
 */
export async function deleteAccount(
  db: Database,
  userId: string,
  password: string,
  meta: RequestMeta,
  store: BlobStore,
): Promise<{ blobsRemoved: number; blobsLeft: number }> {
  const user = await verifyCurrentPassword(db, userId, password, meta);
  const keys = await db.transaction(async (tx) => {
    const blobKeys = await evidenceKeysOfOwner(tx, userId);
    await anonymizeAuditEventsOf(tx, userId, user.email);
    if (!(await deleteUser(tx, userId))) throw new AppError("NOT_FOUND", "找不到这个账户，它可能已经注销");
    await recordAuditEvent(tx, { type: "account_deleted", userId: null });
    return blobKeys;
  });
  const results = await Promise.allSettled(keys.map((key) => store.remove(key)));
  const failed = results.filter((r) => r.status === "rejected");
  if (failed.length > 0) {
    console.warn(`[account] ${failed.length} evidence file(s) not removed; the orphan sweep will remove them`);
  }
  return { blobsRemoved: keys.length - failed.length, blobsLeft: failed.length };
}

// ----- export -------------------------------------------------------------------------------------

export interface ExportedEvidenceFile {
  /** The path inside the ZIP, under evidence/. */
  path: string;
  displayName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  capturedAt: Date | null;
  description: string;
  /** False when the file was missing from the blob store at export time. */
  included: boolean;
}

const README = `上岸 Shore —— 个人数据导出

根据《个人信息保护法》第四十五条，您有权查阅、复制您的个人信息，并可以请求转移。
这个压缩包包含上岸保存的、与您的账户有关的全部数据：

- data.json：账户信息（不含密码）、账户安全记录，以及您的案件：债务、还款记录、预算、
  还款计划与步骤、催收沟通记录、协议、投诉、期限、证据信息、顾问授权、分享链接（不含链接密钥）、
  顾问建议、访问记录、应急金、习惯打卡和信用修复清单。金额是字符串形式的十进制数，时间是 ISO 8601（UTC）。
- evidence/：您上传的证据文件；evidence/manifest.json 列出每个文件的 SHA-256、大小和上传时间，
  可以用来核对文件没有被改动（例如 sha256sum 文件名）。

请妥善保管这个文件：它包含您的全部敏感信息。
`;

/** A file name that is safe inside a ZIP on every system: no separators, control characters or dot-names. */
function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, "_")
    .replace(/^\.+/, "_")
    .trim()
    .slice(0, 120);
  return cleaned || "file";
}

/**
 * 导出我的数据: one ZIP, streamed — data.json, README.txt, and the evidence files under
 * evidence/ with their manifest. The data is read in one read-only snapshot; the audit event is
 * recorded before streaming starts. Returns null when the account no longer exists.
 */
export async function exportAccountData(
  db: Database,
  userId: string,
  meta: RequestMeta,
  store: BlobStore,
  now: Date,
): Promise<{ stream: Readable; data: AccountExport } | null> {
  const snapshot = await db.transaction(
    async (tx) => {
      const data = await accountExportData(tx, userId);
      const files = data?.case ? await evidenceFilesOfCase(tx, data.case.id) : [];
      return data ? { data, files } : null;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  if (!snapshot) return null;
  await recordAuditEvent(db, { type: "data_exported", userId, ...meta });

  const used = new Set<string>();
  const planned = snapshot.files.map((f, i) => {
    let path = `evidence/${String(i + 1).padStart(3, "0")}-${safeFileName(f.displayName)}`;
    while (used.has(path)) path = `${path}_`;
    used.add(path);
    return { file: f, path };
  });

  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  let finished = false;
  // The download was cancelled (or failed): stop reading blobs.
  const aborted = new Promise<never>((_, reject) => {
    out.once("close", () => {
      if (!finished) {
        zip.abort();
        reject(new Error("export stream closed"));
      }
    });
  });
  aborted.catch(() => {});
  zip.on("error", (err: Error) => out.destroy(err));
  zip.pipe(out);
  zip.append(README, { name: "README.txt", date: now });
  void (async () => {
    const manifest: ExportedEvidenceFile[] = [];
    for (const { file, path } of planned) {
      const blob = await Promise.race([store.read(file.storageKey), aborted]);
      if (blob) await Promise.race([appendAndWait(zip, blob.stream, { name: path, date: file.uploadedAt }), aborted]);
      manifest.push({
        path,
        displayName: file.displayName,
        mimeType: file.mimeType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        uploadedAt: file.uploadedAt,
        capturedAt: file.capturedAt,
        description: file.description,
        included: blob !== null,
      });
    }
    const exportedAt = now.toISOString();
    zip.append(JSON.stringify({ exportedAt, files: manifest }, null, 2), { name: "evidence/manifest.json", date: now });
    zip.append(JSON.stringify({ format: "shore-export-1", exportedAt, ...snapshot.data }, null, 2), {
      name: "data.json",
      date: now,
    });
    await zip.finalize();
    finished = true;
  })().catch((err: unknown) => {
    if (!out.destroyed) out.destroy(err as Error);
  });
  return { stream: out, data: snapshot.data };
}
