import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { insertContactLog, listEvidence } from "@/db/queries/protection";
import { createAccount } from "@/db/seed/factories";
import { AppError } from "@/server/errors";
import { LocalFolderBlobStore } from "@/server/storage/local-folder";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { DEFAULT_UPLOAD_LIMITS, receiveEvidenceUpload, type UploadLimits } from "./upload";

let open: OpenDatabase;
let root: string;
let store: LocalFolderBlobStore;
beforeAll(async () => {
  open = await openTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "shore-evidence-"));
  store = new LocalFolderBlobStore(root);
});
afterAll(async () => {
  await open.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function newCase() {
  const user = await createAccount(open.db, {
    email: uniqueEmail("ev"),
    password: STRONG_PASSWORD,
    displayName: "小林",
    role: "borrower",
  });
  const found = await findCaseOfOwner(open.db, user.id);
  if (!found) throw new Error("no case");
  return found.id;
}

// --- tiny fixtures: just enough bytes for the magic-number check ------------------------------
function ftyp(brand: string) {
  const b = Buffer.alloc(32);
  b.writeUInt32BE(24, 0);
  b.write("ftyp", 4);
  b.write(brand, 8);
  b.write("mif1", 16);
  b.write(brand, 20);
  return b;
}
function riff(kind: string, chunk: string) {
  const b = Buffer.alloc(44);
  b.write("RIFF", 0);
  b.writeUInt32LE(36, 4);
  b.write(kind, 8);
  b.write(chunk, 12);
  return b;
}
const mp3 = Buffer.alloc(64);
mp3.set([0xff, 0xfb, 0x90, 0x44]);
const ogg = Buffer.alloc(64);
ogg.write("OggS", 0);
ogg.write("\x01vorbis", 28);
const FIXTURES: Record<string, { name: string; bytes: Buffer; mime: string }> = {
  jpeg: {
    name: "截图.jpg",
    bytes: Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
    ]),
    mime: "image/jpeg",
  },
  png: {
    name: "chat.png",
    bytes: Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from("IHDR"),
      Buffer.alloc(17),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from("IEND"),
      Buffer.alloc(4),
    ]),
    mime: "image/png",
  },
  webp: { name: "a.webp", bytes: riff("WEBP", "VP8 "), mime: "image/webp" },
  heic: { name: "IMG_0001.HEIC", bytes: ftyp("heic"), mime: "image/heic" },
  mp3: { name: "录音.mp3", bytes: mp3, mime: "audio/mpeg" },
  m4a: { name: "通话录音.m4a", bytes: ftyp("M4A "), mime: "audio/mp4" },
  amr: { name: "call.amr", bytes: Buffer.from("#!AMR\n\0\0\0\0"), mime: "audio/amr" },
  wav: { name: "call.wav", bytes: riff("WAVE", "fmt "), mime: "audio/wav" },
  ogg: { name: "voice.ogg", bytes: ogg, mime: "audio/ogg" },
  pdf: {
    name: "合同.pdf",
    bytes: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    mime: "application/pdf",
  },
};

// --- multipart bodies ---------------------------------------------------------------------------
const BOUNDARY = "----shoretest7MA4YWxkTrZu0gW";
type Part = { field: string; value: string } | { file: string; bytes: Buffer; type?: string };
function multipart(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n`));
    if ("field" in p) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.field}"\r\n\r\n${p.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="files"; filename="${p.file}"\r\nContent-Type: ${p.type ?? "application/octet-stream"}\r\n\r\n`,
        ),
        p.bytes,
        Buffer.from("\r\n"),
      );
    }
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}
function streamOf(body: Buffer, { failAfter }: { failAfter?: number } = {}): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (failAfter === undefined) {
        controller.enqueue(new Uint8Array(body));
        controller.close();
        return;
      }
      controller.enqueue(new Uint8Array(body.subarray(0, failAfter)));
      setTimeout(() => controller.error(new Error("connection reset")), 10);
    },
  });
}
const headers = new Headers({ "content-type": `multipart/form-data; boundary=${BOUNDARY}` });

function upload(caseId: string, body: ReadableStream<Uint8Array>, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {
  return receiveEvidenceUpload({
    db: open.db,
    store,
    caseId,
    body,
    headers,
    limits,
    now: () => new Date("2026-11-27T04:00:00Z"),
  });
}

function filesOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out;
}

describe("evidence upload", () => {
  it("accepts one file of each allowed type in one request, typed from content, hashed, stored privately", async () => {
    const caseId = await newCase();
    const parts: Part[] = [
      { field: "description", value: "催收电话录音和截图" },
      { field: "capturedAt", value: "2026-11-26T23:40" },
      ...Object.values(FIXTURES).map((f) => ({ file: f.name, bytes: f.bytes, type: "text/plain" })),
    ];
    const result = await upload(caseId, streamOf(multipart(parts)), {
      ...DEFAULT_UPLOAD_LIMITS,
      maxFilesPerRequest: 20,
    });
    expect(result.refused).toEqual([]);
    expect(result.saved).toHaveLength(Object.keys(FIXTURES).length);
    for (const fixture of Object.values(FIXTURES)) {
      const row = result.saved.find((r) => r.sha256 === createHash("sha256").update(fixture.bytes).digest("hex"));
      expect(row, fixture.name).toBeDefined();
      expect(row?.mimeType).toBe(fixture.mime); // not the browser's "text/plain"
      expect(row?.sizeBytes).toBe(fixture.bytes.length);
      expect(row?.description).toBe("催收电话录音和截图");
      expect(row?.capturedAt?.toISOString()).toBe("2026-11-26T15:40:00.000Z");
      const blob = fs.readFileSync(path.join(root, ...row!.storageKey.split("/")));
      expect(blob.equals(fixture.bytes)).toBe(true); // the original, byte for byte
    }
    expect(await listEvidence(open.db, caseId)).toHaveLength(Object.keys(FIXTURES).length);
  });

  it("refuses a renamed executable, a zero-byte file and an oversize file, and keeps nothing of them", async () => {
    const caseId = await newCase();
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300, 0x90)]);
    const big = Buffer.concat([FIXTURES.jpeg!.bytes, Buffer.alloc(2000)]);
    const result = await upload(
      caseId,
      streamOf(
        multipart([
          { file: "screenshot.jpg", bytes: exe, type: "image/jpeg" },
          { file: "empty.png", bytes: Buffer.alloc(0), type: "image/png" },
          { file: "big.jpg", bytes: big, type: "image/jpeg" },
        ]),
      ),
      { ...DEFAULT_UPLOAD_LIMITS, maxFileBytes: 1024 },
    );
    expect(result.saved).toEqual([]);
    expect(result.refused.map((r) => r.reason)).toEqual([
      expect.stringContaining("不支持这种文件（实际内容是 .exe"),
      expect.stringContaining("空文件"),
      expect.stringContaining("文件超过 1.0 KB"),
    ]);
    expect(await listEvidence(open.db, caseId)).toEqual([]);
    expect(filesOnDisk().filter((f) => f.startsWith(caseId) || f.startsWith(".tmp/"))).toEqual([]);
  });

  it("refuses files beyond the case quota", async () => {
    const caseId = await newCase();
    const limits = { ...DEFAULT_UPLOAD_LIMITS, caseQuotaBytes: 60 };
    const first = await upload(caseId, streamOf(multipart([{ file: "a.pdf", bytes: FIXTURES.pdf!.bytes }])), limits);
    expect(first.saved).toHaveLength(1);
    const second = await upload(caseId, streamOf(multipart([{ file: "b.pdf", bytes: FIXTURES.pdf!.bytes }])), limits);
    expect(second.saved).toEqual([]);
    expect(second.refused[0]?.reason).toContain("超出案件的存储空间");
  });

  it("never lets a path-traversal name become a path", async () => {
    const caseId = await newCase();
    const result = await upload(
      caseId,
      streamOf(multipart([{ file: "../../../etc/passwd.png", bytes: FIXTURES.png!.bytes }])),
    );
    const row = result.saved[0]!;
    expect(row.displayName).toBe("passwd.png");
    expect(row.storageKey).toMatch(new RegExp(`^${caseId}/[0-9a-f]{32}$`));
    expect(fs.existsSync(path.join(root, "..", "..", "etc", "passwd.png"))).toBe(false);
    const windows = await upload(
      caseId,
      streamOf(multipart([{ file: "..\\..\\x\\账单.jpg", bytes: FIXTURES.jpeg!.bytes }])),
    );
    expect(windows.saved[0]?.displayName).toBe("账单.jpg");
  });

  it("leaves no row and no blob when the connection drops mid-file", async () => {
    const caseId = await newCase();
    const body = multipart([{ file: "long.mp3", bytes: Buffer.concat([mp3, Buffer.alloc(20_000, 1)]) }]);
    const err = await upload(caseId, streamOf(body, { failAfter: 8_000 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain("上传中断");
    expect(await listEvidence(open.db, caseId)).toEqual([]);
    expect(filesOnDisk().filter((f) => f.startsWith(caseId) || f.startsWith(".tmp/"))).toEqual([]);
  });

  it("refuses a body that is not a form, and a debt from another case", async () => {
    const caseId = await newCase();
    await expect(
      receiveEvidenceUpload({
        db: open.db,
        store,
        caseId,
        body: streamOf(Buffer.from("{}")),
        headers: new Headers({ "content-type": "application/json" }),
        now: () => new Date(),
      }),
    ).rejects.toThrow("请用上传表单");
    const result = await upload(
      caseId,
      streamOf(
        multipart([
          { field: "debtId", value: "00000000-0000-4000-8000-000000000000" },
          { file: "a.pdf", bytes: FIXTURES.pdf!.bytes },
        ]),
      ),
    );
    expect(result.saved).toEqual([]);
    expect(result.refused[0]?.reason).toContain("找不到所选的债务");
  });

  it("links the file to a contact-log entry of the case on upload, and refuses another case's entry", async () => {
    const caseId = await newCase();
    const otherCaseId = await newCase();
    const entry = await insertContactLog(open.db, { caseId, occurredAt: new Date(), channel: "phone" });
    const theirs = await insertContactLog(open.db, { caseId: otherCaseId, occurredAt: new Date(), channel: "sms" });

    const linked = await upload(
      caseId,
      streamOf(
        multipart([
          { field: "contactLogId", value: entry.id },
          { file: "call.png", bytes: FIXTURES.png!.bytes },
        ]),
      ),
    );
    expect(linked.saved).toHaveLength(1);
    expect(linked.saved[0]?.contactLogId).toBe(entry.id);

    const refused = await upload(
      caseId,
      streamOf(
        multipart([
          { field: "contactLogId", value: theirs.id },
          { file: "x.png", bytes: FIXTURES.png!.bytes },
        ]),
      ),
    );
    expect(refused.saved).toEqual([]);
    expect(refused.refused[0]?.reason).toContain("找不到关联的沟通记录");
    expect((await listEvidence(open.db, caseId)).map((r) => r.contactLogId)).toEqual([entry.id]);
  });
});
