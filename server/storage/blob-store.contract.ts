/**
 * The behaviour every `BlobStore` must have, as one vitest suite: `blobStoreContract(name, fixture)`
 * registers it for a store (see blob-stores.integration.test.ts, which runs it for the local folder
 * and for S3 against a real local S3-compatible server).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { BlobStore, BlobWriter } from "./blob-store";

export interface BlobStoreFixture {
  /** A fresh, empty store (its own folder or key prefix) for one test. */
  open(): Promise<BlobStore>;
  /** Puts an object that is not a blob (`name` is relative to where the store keeps blobs). */
  addForeignFile(store: BlobStore, name: string, bytes: Buffer): Promise<void>;
  /**
   * How many bytes make an unfinished upload exist outside the process: the local folder's
   * temporary file exists from the first byte; S3 starts a multipart upload only once more than
   * one part has arrived (below that the bytes wait in memory for a single PutObject at commit).
   */
  unfinishedUploadBytes: number;
  /** Resolves once the unfinished upload under `key` exists outside the process. */
  untilUnfinishedUploadStored(store: BlobStore, key: string): Promise<void>;
  /**
   * Whether the backing storage lets the store find and abort unfinished uploads. Where it does
   * not, `reason` says why, and the tests check instead that the store claims to have removed
   * nothing, destroyed nothing, and that the upload never becomes visible.
   */
  unfinishedUploads(): { removable: true } | { removable: false; reason: string };
}

const MiB = 1024 * 1024;

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function writeInChunks(writer: BlobWriter, bytes: Buffer, chunkSize = 64 * 1024) {
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    await writer.write(bytes.subarray(offset, offset + chunkSize));
  }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

export function blobStoreContract(name: string, fixture: BlobStoreFixture) {
  describe(`blob store contract: ${name}`, () => {
    it("writes a blob in several chunks and reads back the same bytes and size after commit", async () => {
      const store = await fixture.open();
      const caseId = randomUUID();
      const writer = await store.create(caseId);
      expect(writer.key).toMatch(new RegExp(`^${caseId}/[0-9a-f]{32}$`));
      const chunks = [Buffer.from("催收短信截图 "), randomBytes(1000), Buffer.from([0, 255, 13, 10])];
      for (const chunk of chunks) await writer.write(chunk);
      await expect(writer.commit()).resolves.toBe(writer.key);
      await expect(writer.write(Buffer.from("late"))).rejects.toThrow();
      await expect(writer.commit()).rejects.toThrow();

      const blob = await store.read(writer.key);
      expect(blob).not.toBeNull();
      const expected = Buffer.concat(chunks);
      expect(blob?.size).toBe(expected.length);
      expect((await bytesOf(blob!.stream)).equals(expected)).toBe(true);

      const empty = await store.create(caseId);
      await empty.commit();
      const emptyBlob = await store.read(empty.key);
      expect(emptyBlob?.size).toBe(0);
      expect(await bytesOf(emptyBlob!.stream)).toHaveLength(0);
    });

    it("shows nothing before commit, and an abort before commit leaves nothing", async () => {
      const store = await fixture.open();
      const writer = await store.create(randomUUID());
      await writer.write(Buffer.from("first part "));
      await writer.write(Buffer.from("second part"));
      expect(await store.read(writer.key)).toBeNull();
      expect(await store.keys()).toEqual([]);
      expect(await store.listBlobs()).toEqual([]);

      await writer.abort();
      await writer.abort(); // twice is fine
      await expect(writer.commit()).rejects.toThrow();
      expect(await store.read(writer.key)).toBeNull();
      expect(await store.keys()).toEqual([]);
      // Nothing unfinished is left behind either.
      await expect(store.removeStaleTemporaryFiles(0, Date.now() + 60 * 60 * 1000)).resolves.toBe(0);
    });

    it("an abort after commit removes the blob; removing a missing blob is fine", async () => {
      const store = await fixture.open();
      const caseId = randomUUID();
      const writer = await store.create(caseId);
      await writer.write(Buffer.from("证据"));
      const key = await writer.commit();
      expect(await store.keys()).toEqual([key]);

      await writer.abort();
      await writer.abort();
      expect(await store.read(key)).toBeNull();
      expect(await store.keys()).toEqual([]);

      await expect(store.remove(key)).resolves.toBeUndefined();
      await expect(store.remove(`${caseId}/${"0".repeat(32)}`)).resolves.toBeUndefined();

      const other = await store.create(caseId);
      await other.write(Buffer.from("kept until removed"));
      const otherKey = await other.commit();
      await store.remove(otherKey);
      expect(await store.read(otherKey)).toBeNull();
      await expect(store.remove(otherKey)).resolves.toBeUndefined();
    });

    it("refuses invalid keys and case ids, and lists only well-formed keys", async () => {
      const store = await fixture.open();
      const caseId = randomUUID();
      const writer = await store.create(caseId);
      await writer.write(Buffer.from("real"));
      const key = await writer.commit();

      const invalid = [
        "",
        "../../etc/passwd",
        `${caseId}/../${key}`,
        `${caseId}/${"A".repeat(32)}`,
        `${caseId}/${"0".repeat(31)}`,
        `${key}/extra`,
        `not-a-case/${"0".repeat(32)}`,
        key.replace("/", "\\"),
      ];
      for (const bad of invalid) {
        expect(await store.read(bad), bad).toBeNull();
        await expect(store.remove(bad), bad).resolves.toBeUndefined();
      }
      await expect(store.create("not-a-uuid")).rejects.toThrow();
      await expect(store.create("../x")).rejects.toThrow();

      await fixture.addForeignFile(store, `${caseId}/notes.txt`, Buffer.from("not a blob"));
      await fixture.addForeignFile(store, "README", Buffer.from("not a blob"));
      expect(await store.keys()).toEqual([key]);
      expect((await store.listBlobs()).map((b) => b.key)).toEqual([key]);
      expect(await store.read(key)).not.toBeNull();
    });

    it("keys and listBlobs list exactly the committed blobs, with when they were written", async () => {
      const store = await fixture.open();
      expect(await store.keys()).toEqual([]);
      const before = Date.now();
      const caseA = randomUUID();
      const caseB = randomUUID();
      const committed: string[] = [];
      for (const caseId of [caseA, caseA, caseB]) {
        const writer = await store.create(caseId);
        await writer.write(Buffer.from(`blob of ${caseId}`));
        committed.push(await writer.commit());
      }
      const aborted = await store.create(caseB);
      await aborted.write(Buffer.from("thrown away"));
      await aborted.abort();
      const unfinished = await store.create(caseB);
      await unfinished.write(Buffer.from("still arriving"));
      const after = Date.now();

      expect((await store.keys()).sort()).toEqual([...committed].sort());
      const listed = await store.listBlobs();
      expect(listed.map((b) => b.key).sort()).toEqual([...committed].sort());
      for (const blob of listed) {
        expect(blob.modifiedAt).toBeInstanceOf(Date);
        // Some servers keep whole seconds only.
        expect(blob.modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(blob.modifiedAt.getTime()).toBeLessThanOrEqual(after + 1000);
      }
      await unfinished.abort();
    });

    it("round-trips a large blob (several S3 parts) with the same SHA-256", async () => {
      const store = await fixture.open();
      const bytes = randomBytes(12 * MiB + 12345);
      const writer = await store.create(randomUUID());
      await writeInChunks(writer, bytes);
      expect(await store.read(writer.key)).toBeNull();
      const key = await writer.commit();

      const blob = await store.read(key);
      expect(blob?.size).toBe(bytes.length);
      const hash = createHash("sha256");
      for await (const chunk of blob!.stream) hash.update(chunk as Uint8Array);
      expect(hash.digest("hex")).toBe(sha256(bytes));
    });

    it("an abort of an unfinished upload that already reached storage leaves no blob", async () => {
      const store = await fixture.open();
      const writer = await store.create(randomUUID());
      await writeInChunks(writer, randomBytes(fixture.unfinishedUploadBytes));
      await fixture.untilUnfinishedUploadStored(store, writer.key);
      expect(await store.read(writer.key)).toBeNull();

      await writer.abort();
      expect(await store.read(writer.key)).toBeNull();
      expect(await store.keys()).toEqual([]);
      const unfinished = fixture.unfinishedUploads();
      if (unfinished.removable) {
        // The abort removed the stored part(s) too: nothing is left for a sweep.
        await expect(store.removeStaleTemporaryFiles(0, Date.now() + 60 * 60 * 1000)).resolves.toBe(0);
      }
    });

    it("removeStaleTemporaryFiles removes unfinished uploads older than the threshold, not younger ones", async () => {
      const store = await fixture.open();
      const caseId = randomUUID();
      const oldBytes = randomBytes(fixture.unfinishedUploadBytes);
      const youngBytes = randomBytes(fixture.unfinishedUploadBytes);

      const old = await store.create(caseId);
      await writeInChunks(old, oldBytes);
      await fixture.untilUnfinishedUploadStored(store, old.key);
      const oldStoredBy = Date.now();
      // Clearly apart, even for a server that keeps whole seconds.
      await sleep(1500);
      const youngStartedAfter = Date.now();
      const young = await store.create(caseId);
      await writeInChunks(young, youngBytes);
      await fixture.untilUnfinishedUploadStored(store, young.key);
      expect(youngStartedAfter - 1000).toBeGreaterThan(oldStoredBy + 250);

      const olderThanMs = 60 * 60 * 1000;
      // The old upload was stored before oldStoredBy; the young one started after it.
      const now = oldStoredBy + 250 + olderThanMs;
      const removed = await store.removeStaleTemporaryFiles(olderThanMs, now);
      const unfinished = fixture.unfinishedUploads();

      if (unfinished.removable) {
        expect(removed).toBe(1);
        // The old upload is gone: it cannot be completed any more, and never became visible.
        await expect(old.commit()).rejects.toThrow();
        await old.abort(); // still fine after a failed commit
        expect(await store.read(old.key)).toBeNull();
        // The young one was left alone and completes.
        await young.write(Buffer.from(" …done"));
        await expect(young.commit()).resolves.toBe(young.key);
        const blob = await store.read(young.key);
        expect(sha256(await bytesOf(blob!.stream))).toBe(sha256(Buffer.concat([youngBytes, Buffer.from(" …done")])));
        expect(await store.keys()).toEqual([young.key]);
        await expect(store.removeStaleTemporaryFiles(olderThanMs, now)).resolves.toBe(0);
      } else {
        // The storage cannot list unfinished uploads (see `reason`): the store must not claim to
        // have removed any, and must not have destroyed either upload.
        expect(removed, unfinished.reason).toBe(0);
        expect(await store.read(old.key)).toBeNull();
        expect(await store.read(young.key)).toBeNull();
        await expect(old.commit()).resolves.toBe(old.key);
        await expect(young.commit()).resolves.toBe(young.key);
        expect((await store.keys()).sort()).toEqual([old.key, young.key].sort());
      }
    });
  });
}
