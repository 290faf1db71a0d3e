/**
 * Receiving evidence: the multipart body is streamed through busboy (never buffered whole), each
 * file is hashed (SHA-256) and written to a temporary blob while it arrives, its type decided
 * from its first bytes against the allow-list. The database row is inserted only after the blob
 * is complete (fsynced and renamed); if the insert fails the blob is removed. A refused or
 * interrupted file leaves neither row nor blob.
 *
 * Takes a web ReadableStream and headers, so it is tested without a server.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import type { Database } from "@/db/client";
import { findDebtInCase } from "@/db/queries/debts";
import { evidenceBytesOfCase, findContactLogInCase, insertEvidence, type EvidenceRow } from "@/db/queries/protection";
import { AppError } from "@/server/errors";
import type { BlobStore } from "@/server/storage/blob-store";
import { shanghaiDateTime } from "@/server/api/schemas/protection";
import { ALLOWED_TYPES_TEXT, allowedType, formatBytes, SNIFF_BYTES } from "./file-types";

export { formatBytes };
import { sanitizeFileName } from "./file-names";

export interface UploadLimits {
  maxFileBytes: number;
  maxFilesPerRequest: number;
  caseQuotaBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxFilesPerRequest: 10,
  caseQuotaBytes: 1024 * 1024 * 1024,
};

export interface RefusedFile {
  name: string;
  reason: string;
}

export interface UploadResult {
  saved: EvidenceRow[];
  refused: RefusedFile[];
}

const fieldsSchema = z.object({
  debtId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "所属债务不正确" }).optional()),
  contactLogId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "关联的沟通记录不正确" }).optional()),
  description: z
    .string()
    .trim()
    .max(500, { error: "说明最多 500 个字" })
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: "说明里不能有控制字符" })
    .default(""),
  capturedAt: z.preprocess((v) => (v === "" ? undefined : v), shanghaiDateTime("拍摄或录制时间").optional()),
});
type UploadFields = z.infer<typeof fieldsSchema>;

const FIELD_NAMES = new Set(["debtId", "contactLogId", "description", "capturedAt"]);

class Interrupted extends Error {}

export async function receiveEvidenceUpload(params: {
  db: Database;
  store: BlobStore;
  caseId: string;
  body: ReadableStream<Uint8Array> | null;
  headers: Headers;
  limits?: UploadLimits;
  now: () => Date;
}): Promise<UploadResult> {
  const { db, store, caseId, headers, now } = params;
  const limits = params.limits ?? DEFAULT_UPLOAD_LIMITS;
  const contentType = headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !params.body) {
    throw new AppError("BAD_INPUT", "请用上传表单选择文件后再提交");
  }

  const alreadyStored = await evidenceBytesOfCase(db, caseId);
  let bytesInThisRequest = 0;
  const rawFields: Record<string, string> = {};
  let fieldsChecked: Promise<UploadFields> | null = null;
  const checkFields = () =>
    (fieldsChecked ??= (async () => {
      const parsed = fieldsSchema.safeParse(rawFields);
      if (!parsed.success) throw new AppError("BAD_INPUT", parsed.error.issues[0]?.message ?? "表单内容有误");
      const fields = parsed.data;
      if (fields.debtId && !(await findDebtInCase(db, { caseId, debtId: fields.debtId }))) {
        throw new AppError("BAD_INPUT", "找不到所选的债务，请刷新页面后重新选择");
      }
      if (fields.contactLogId && !(await findContactLogInCase(db, { caseId, id: fields.contactLogId }))) {
        throw new AppError("BAD_INPUT", "找不到关联的沟通记录，请刷新页面后重新选择");
      }
      return fields;
    })());

  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFilesPerRequest,
        fields: 10,
        fieldSize: 4000,
        parts: limits.maxFilesPerRequest + 10,
      },
    });
  } catch {
    throw new AppError("BAD_INPUT", "上传的内容格式不正确，请重新选择文件上传");
  }

  const saved: { row: EvidenceRow; index: number }[] = [];
  const refused: (RefusedFile & { index: number })[] = [];
  const work: Promise<void>[] = [];
  const activeFiles = new Set<Readable>();
  let failure: Error | null = null;
  let tooManyFiles = false;

  const fail = (err: Error) => {
    failure ??= err;
    for (const file of activeFiles) file.destroy(new Interrupted("upload interrupted"));
  };

  bb.on("field", (name, value) => {
    if (FIELD_NAMES.has(name)) rawFields[name] = value;
  });
  bb.on("filesLimit", () => {
    tooManyFiles = true;
  });

  let fileIndex = 0;
  bb.on("file", (_field, file, info) => {
    activeFiles.add(file);
    file.on("error", () => {}); // reported through `failure`; never an unhandled error
    const index = fileIndex++;
    work.push(
      receiveOne(file, info.filename ?? "", index).finally(() => {
        activeFiles.delete(file);
      }),
    );
  });

  async function receiveOne(file: Readable, claimedName: string, index: number): Promise<void> {
    const shownName = sanitizeFileName(claimedName || "未命名", "").replace(/\.$/, "");
    let writer: Awaited<ReturnType<BlobStore["create"]>> | null = null;
    let refusal: string | null = null;
    const refuse = (reason: string) => {
      refusal ??= reason;
    };
    try {
      const fields = await checkFields().catch((err: unknown) => {
        refuse(err instanceof AppError ? err.message : "表单内容有误");
        return null;
      });
      if (fields) writer = await store.create(caseId);
      const hash = createHash("sha256");
      let size = 0;
      const head: Buffer[] = [];
      let headBytes = 0;
      let type: ReturnType<typeof allowedType> | null = null;
      let sniffed = false;

      const sniff = async () => {
        sniffed = true;
        const detected = await fileTypeFromBuffer(Buffer.concat(head));
        type = allowedType(detected?.ext) ?? null;
        if (!type) {
          refuse(
            detected
              ? `不支持这种文件（实际内容是 .${detected.ext}，与文件名无关）。可以上传：${ALLOWED_TYPES_TEXT}`
              : `无法识别这个文件的类型。可以上传：${ALLOWED_TYPES_TEXT}`,
          );
        }
      };

      for await (const chunk of file as AsyncIterable<Buffer>) {
        if (refusal) continue; // keep reading so the rest of the form arrives; write nothing
        size += chunk.byteLength;
        bytesInThisRequest += chunk.byteLength;
        if (alreadyStored + bytesInThisRequest > limits.caseQuotaBytes) {
          refuse(
            `超出案件的存储空间（每个案件最多 ${formatBytes(limits.caseQuotaBytes)}，已用 ${formatBytes(alreadyStored)}）。可以先删除不需要的证据。`,
          );
          continue;
        }
        hash.update(chunk);
        if (!sniffed) {
          head.push(chunk);
          headBytes += chunk.byteLength;
          if (headBytes >= SNIFF_BYTES) await sniff();
          if (refusal) continue;
        }
        await writer?.write(chunk);
      }
      if (failure) throw failure;
      if ((file as Readable & { truncated?: boolean }).truncated) {
        refuse(`文件超过 ${formatBytes(limits.maxFileBytes)}，请压缩或分段后再上传`);
      }
      if (!refusal && size === 0) refuse("这是一个空文件（0 字节），请重新选择");
      if (!refusal && !sniffed) await sniff();
      if (refusal || !writer || !fields) {
        refused.push({ name: shownName, reason: refusal ?? "文件没有保存", index });
        bytesInThisRequest -= size;
        await writer?.abort();
        return;
      }
      const finalType = type as unknown as NonNullable<ReturnType<typeof allowedType>>;
      const activeWriter: NonNullable<typeof writer> = writer;
      const key = await activeWriter.commit();
      try {
        const row = await insertEvidence(db, {
          caseId,
          debtId: fields.debtId ?? null,
          contactLogId: fields.contactLogId ?? null,
          storageKey: key,
          displayName: sanitizeFileName(claimedName, finalType.ext),
          description: fields.description,
          mimeType: finalType.mime,
          extension: finalType.ext,
          sizeBytes: size,
          sha256: hash.digest("hex"),
          capturedAt: fields.capturedAt ?? null,
          uploadedAt: now(),
        });
        saved.push({ row, index });
      } catch (err) {
        await activeWriter.abort(); // no blob without its row
        throw err;
      }
    } catch (err) {
      await (writer as Awaited<ReturnType<BlobStore["create"]>> | null)?.abort();
      file.resume();
      if (err instanceof Interrupted || failure) return;
      throw err;
    }
  }

  const source = Readable.fromWeb(params.body as unknown as NodeWebReadableStream<Uint8Array>);
  await new Promise<void>((resolve) => {
    source.on("error", (err) => {
      fail(err);
      bb.destroy(err);
      resolve();
    });
    bb.on("error", (err: Error) => {
      fail(err);
      source.destroy();
      resolve();
    });
    bb.on("close", () => resolve());
    source.pipe(bb);
  });
  const settled = await Promise.allSettled(work);
  if (failure) {
    throw new AppError("BAD_INPUT", "上传中断了，这次没有保存未传完的文件。请检查网络后重新上传。");
  }
  const crashed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (crashed) throw crashed.reason;
  if (tooManyFiles) {
    refused.push({
      name: "（其余文件）",
      reason: `一次最多上传 ${limits.maxFilesPerRequest} 个文件，其余的请再上传一次`,
      index: Number.MAX_SAFE_INTEGER,
    });
  }
  if (saved.length === 0 && refused.length === 0) {
    throw new AppError("BAD_INPUT", "没有收到文件，请先选择要上传的文件");
  }
  // In the order the files were sent.
  return {
    saved: saved.sort((a, b) => a.index - b.index).map((s) => s.row),
    refused: refused.sort((a, b) => a.index - b.index).map(({ name, reason }) => ({ name, reason })),
  };
}
