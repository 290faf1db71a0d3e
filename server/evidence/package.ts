/**
 * 证据包: one ZIP for a complaint or a lawyer — every file as uploaded, a manifest (CSV) with each
 * file's SHA-256, size, times and description, and the complaint text. Streamed: files are read
 * from the blob store one after another while the archive is being sent.
 */
import { PassThrough, type Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { appendAndWait } from "./zip-entry";
import type { Database } from "@/db/client";
import { listEvidence } from "@/db/queries/protection";
import { complaintText } from "@/server/domain/documents";
import { formatDateTime } from "@/server/domain/time";
import { contactLogOverview } from "@/server/services/protection";
import { complaintInputOf } from "@/server/services/protection-records";
import type { BlobStore } from "@/server/storage/blob-store";

export const MANIFEST_NAME = "清单-manifest.csv";
export const COMPLAINT_NAME = "投诉材料.txt";
export const FILES_FOLDER = "证据";
export const MANIFEST_HEADER = "序号,文件,类型,大小(字节),SHA-256,上传时间,拍摄或录制时间,说明";

const csvCell = (v: unknown) => `"${String(v).replace(/"/g, '""')}"`;

export async function evidencePackage(params: {
  db: Database;
  store: BlobStore;
  caseId: string;
  borrowerName: string;
  now: Date;
}): Promise<Readable> {
  const { db, store, caseId, now } = params;
  const [rows, log] = await Promise.all([listEvidence(db, caseId), contactLogOverview(db, caseId)]);

  const manifest = [MANIFEST_HEADER];
  const names = new Set<string>();
  const entries = rows.map((r, i) => {
    let name = `${String(i + 1).padStart(3, "0")}-${r.displayName}`;
    while (names.has(name)) name = `_${name}`;
    names.add(name);
    manifest.push(
      [
        i + 1,
        `${FILES_FOLDER}/${name}`,
        r.mimeType,
        r.sizeBytes,
        r.sha256,
        formatDateTime(r.uploadedAt),
        r.capturedAt ? formatDateTime(r.capturedAt) : "",
        r.description,
      ]
        .map(csvCell)
        .join(","),
    );
    return { row: r, name };
  });
  const complaint = complaintText(complaintInputOf(log, rows, params.borrowerName, now));

  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.on("error", (err: Error) => out.destroy(err));
  zip.pipe(out);
  zip.append(`\ufeff${manifest.join("\r\n")}\r\n`, { name: MANIFEST_NAME });
  zip.append(complaint, { name: COMPLAINT_NAME });
  void (async () => {
    for (const { row, name } of entries) {
      const blob = await store.read(row.storageKey);
      if (blob) await appendAndWait(zip, blob.stream, { name: `${FILES_FOLDER}/${name}`, date: row.uploadedAt });
    }
    await zip.finalize();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
