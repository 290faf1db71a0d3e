import { PassThrough, Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { getDb } from "@/db/client";
import { listEvidence } from "@/db/queries/protection";
import { caseForRead } from "@/server/access/case-access";
import { serverApi } from "@/server/api/server";
import { getSessionUser } from "@/server/auth/session";
import { complaintText } from "@/server/domain/documents";
import { formatDateLong, formatDateTime, shanghaiToday } from "@/server/domain/time";
import { AppError } from "@/server/errors";
import { contentDisposition } from "@/server/evidence/file-names";
import { errorResponse, notFound } from "@/server/evidence/http";
import { evidenceStore } from "@/server/storage/local-folder";

export const runtime = "nodejs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 证据包: every file, a manifest with each SHA-256, time and description, and the complaint text. Streamed. */
export async function GET(request: Request) {
  const caseParam = new URL(request.url).searchParams.get("case") ?? undefined;
  const user = await getSessionUser();
  if (!user || (caseParam !== undefined && !UUID.test(caseParam))) return notFound();
  try {
    const db = await getDb();
    const access = await caseForRead(db, user, caseParam);
    const rows = await listEvidence(db, access.caseId);
    const api = await serverApi();
    const log = await api.contactLog.list({ caseId: access.caseId });
    const now = new Date();

    const manifest = ["序号,文件,类型,大小(字节),SHA-256,上传时间,拍摄或录制时间,说明"];
    const names = new Set<string>();
    const entries = rows.map((r, i) => {
      let name = `${String(i + 1).padStart(3, "0")}-${r.displayName}`;
      while (names.has(name)) name = `_${name}`;
      names.add(name);
      manifest.push(
        [
          i + 1,
          name,
          r.mimeType,
          r.sizeBytes,
          r.sha256,
          formatDateTime(r.uploadedAt),
          r.capturedAt ? formatDateTime(r.capturedAt) : "",
          r.description,
        ]
          .map((v) => `"${String(v).replace(/"/g, '""')}"`)
          .join(","),
      );
      return { row: r, name };
    });
    const complaint = complaintText({
      borrowerName: user.name ?? "",
      today: formatDateLong(now),
      counts: log.counts.map((c) => ({
        label: c.label,
        entries: c.entries,
        citations: c.sources.map((s) => s.citation),
      })),
      timeline: log.entries
        .filter((e) => e.markers.length > 0)
        .map((e) => ({
          when: e.when,
          channel: e.channelLabel,
          counterpart: e.counterpart,
          summary: e.summary,
          markers: e.markers.map((m) => m.label),
        })),
      evidence: rows.map((r) => ({
        name: r.displayName,
        sha256: r.sha256,
        uploaded: formatDateTime(r.uploadedAt),
        description: r.description,
      })),
    });

    const zip = new ZipArchive({ zlib: { level: 6 } });
    const out = new PassThrough();
    zip.on("error", (err: Error) => out.destroy(err));
    zip.pipe(out);
    zip.append(`\ufeff${manifest.join("\r\n")}\r\n`, { name: "清单-manifest.csv" });
    zip.append(complaint, { name: "投诉材料.txt" });
    const store = evidenceStore();
    void (async () => {
      for (const { row, name } of entries) {
        const blob = await store.read(row.storageKey);
        if (blob) zip.append(blob.stream, { name: `证据/${name}`, date: row.uploadedAt });
      }
      await zip.finalize();
    })().catch((err: unknown) => out.destroy(err as Error));

    return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": contentDisposition("attachment", `证据包-${shanghaiToday(now)}.zip`),
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
        "cross-origin-resource-policy": "same-origin",
      },
    });
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) return notFound();
    return errorResponse(err, "evidence package");
  }
}
