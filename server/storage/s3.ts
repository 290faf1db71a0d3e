/**
 * Blob store in an S3-compatible bucket (AWS S3, MinIO, Ceph, and the S3 endpoints of other
 * object stores): the object `<prefix><caseId>/<random id>`. Same semantics as the local folder:
 *
 * - Writing streams the blob up while it arrives (`Upload` of @aws-sdk/lib-storage): it is cut into
 *   parts of `partSize` bytes with at most `queueSize` of them in flight, so a file is never held
 *   whole in memory. Nothing is visible under the key until commit: a blob smaller than one part is
 *   sent as one PutObject when it is committed; a larger one is a multipart upload, and S3 shows
 *   its object only once CompleteMultipartUpload (sent on commit) succeeds.
 * - Abort before commit aborts the multipart upload, if one was started, which deletes its parts;
 *   abort after commit deletes the object. Aborting an unfinished upload is best effort: when the
 *   server refuses it, a warning is logged and its parts are left to `removeStaleTemporaryFiles`
 *   (or the bucket's lifecycle rule); the blob never becomes visible either way.
 * - `read` is a GetObject stream with its size, or null when the object does not exist.
 * - `keys` and `listBlobs` page through ListObjectsV2 under the prefix and return only keys of the
 *   `<case uuid>/<32 hex>` shape; `modifiedAt` is the object's LastModified (when its upload completed).
 * - `removeStaleTemporaryFiles` pages through ListMultipartUploads under the prefix and aborts the
 *   uploads started more than the threshold ago. A server that does not implement
 *   ListMultipartUploads gets a warning and nothing is removed: there, configure the bucket's
 *   lifecycle rule "AbortIncompleteMultipartUpload" (a day is plenty), which on AWS S3 is advisable
 *   in any case. Unlike the local folder, which counts from the last write, an upload counts from
 *   when it started; evidence files are small enough (≤ 50 MiB) for that to make no difference.
 *
 * Checksums: the client only sends and checks the newer CRC checksums where an operation requires
 * them, because several S3-compatible servers reject the headers; every request body is still
 * signed with its SHA-256, and evidence rows keep the SHA-256 of each file.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  paginateListObjectsV2,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { isValidCaseId, isValidKey, type BlobListing, type BlobStore, type BlobWriter } from "./blob-store";

/** The smallest part S3 accepts (except for the last one). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

export interface S3ClientSettings {
  region: string;
  /** An S3-compatible server, e.g. `https://minio.internal:9000`; unset for AWS S3. */
  endpoint?: string;
  /** `https://host/bucket/key` rather than `https://bucket.host/key` (MinIO and most self-hosted servers). */
  forcePathStyle?: boolean;
  /** Unset: the SDK's standard chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles). */
  credentials?: S3ClientConfig["credentials"];
}

export function createS3Client(settings: S3ClientSettings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle ?? false,
    credentials: settings.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export interface S3BlobStoreOptions {
  client: S3Client;
  bucket: string;
  /** Folder-like prefix inside the bucket, e.g. `shore/evidence`; slashes at either end are ignored. */
  prefix?: string;
  /** Bytes per part of a multipart upload (at least 5 MiB). */
  partSize?: number;
  /** Parts of one upload in flight at once. */
  queueSize?: number;
}

/** Thrown into an unfinished upload to stop it; seeing it again means the stop went cleanly. */
class BlobAborted extends Error {}

export class S3BlobStore implements BlobStore {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;
  private readonly partSize: number;
  private readonly queueSize: number;
  private warnedNoUploadListing = false;

  constructor(options: S3BlobStoreOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    const prefix = (options.prefix ?? "").replace(/^\/+|\/+$/g, "");
    this.prefix = prefix ? `${prefix}/` : "";
    this.partSize = options.partSize ?? MIN_PART_SIZE;
    this.queueSize = options.queueSize ?? 2;
    if (this.partSize < MIN_PART_SIZE) throw new Error("partSize must be at least 5 MiB");
  }

  private objectKey(key: string): string {
    if (!isValidKey(key)) throw new Error("invalid blob key");
    return this.prefix + key;
  }

  /** The blob key of an object key, or null when the object is not one of ours. */
  private blobKey(objectKey: string | undefined): string | null {
    if (!objectKey?.startsWith(this.prefix)) return null;
    const key = objectKey.slice(this.prefix.length);
    return isValidKey(key) ? key : null;
  }

  async create(caseId: string): Promise<BlobWriter & { key: string }> {
    if (!isValidCaseId(caseId)) throw new Error("invalid case id");
    const key = `${caseId}/${randomBytes(16).toString("hex")}`;
    const objectKey = this.objectKey(key);
    const body = new PassThrough();
    body.on("error", () => {}); // a failed upload is reported through `outcome`
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: objectKey, Body: body },
      partSize: this.partSize,
      queueSize: this.queueSize,
    });
    // Settles once and never rejects: null when the object is complete, else why it is not.
    const outcome: Promise<Error | null> = upload.done().then(
      () => null,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
    const failed = () => outcome.then((err) => Promise.reject(err ?? new Error("the upload ended early")));
    let state: "open" | "committing" | "committed" | "failed" | "aborted" = "open";
    const deleteObject = () => this.deleteObject(objectKey);

    return {
      key,
      async write(chunk) {
        if (state !== "open") throw new Error("blob is closed");
        if (body.destroyed) return failed();
        if (body.write(chunk)) return;
        const stopWaiting = new AbortController();
        try {
          await Promise.race([once(body, "drain", { signal: stopWaiting.signal }), failed()]);
        } finally {
          stopWaiting.abort();
        }
      },
      async commit() {
        if (state !== "open") throw new Error("blob is closed");
        state = "committing";
        body.end();
        const err = await outcome;
        if (state === "committing") state = err ? "failed" : "committed";
        if (err) throw err;
        return key;
      },
      async abort() {
        if (state === "aborted") return;
        const before = state;
        state = "aborted";
        if (before === "open") {
          body.destroy(new BlobAborted("blob aborted"));
          const err = await outcome;
          if (err && !(err instanceof BlobAborted)) {
            console.warn(
              `[storage] an unfinished upload could not be aborted (${err.message}); it is left for the sweep or the bucket lifecycle rule`,
            );
          }
          if (err) return;
        }
        // Committed, or a commit whose outcome is uncertain: make sure no object is left.
        if (before === "committed") return deleteObject();
        await outcome;
        await deleteObject().catch((err: unknown) => {
          console.warn(`[storage] a failed upload could not be cleaned up (${(err as Error).message})`);
        });
      },
    };
  }

  private async deleteObject(objectKey: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
  }

  async read(key: string) {
    if (!isValidKey(key)) return null;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      if (!(out.Body instanceof Readable)) throw new Error("the S3 response has no readable body");
      return { stream: out.Body, size: out.ContentLength ?? 0 };
    } catch (err) {
      if (errorName(err) === "NoSuchKey" || errorName(err) === "NotFound") return null;
      throw err;
    }
  }

  async remove(key: string) {
    if (!isValidKey(key)) return;
    await this.deleteObject(this.objectKey(key)); // deleting a missing object succeeds in S3
  }

  async keys(): Promise<string[]> {
    return (await this.listBlobs()).map((blob) => blob.key);
  }

  async listBlobs(): Promise<BlobListing[]> {
    const result: BlobListing[] = [];
    const pages = paginateListObjectsV2(
      { client: this.client },
      { Bucket: this.bucket, Prefix: this.prefix || undefined },
    );
    for await (const page of pages) {
      for (const object of page.Contents ?? []) {
        const key = this.blobKey(object.Key);
        // Without a date a blob is taken as new, so the sweep never removes it.
        if (key) result.push({ key, modifiedAt: object.LastModified ?? new Date() });
      }
    }
    return result;
  }

  async removeStaleTemporaryFiles(olderThanMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (;;) {
      let page;
      try {
        page = await this.client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.bucket,
            Prefix: this.prefix || undefined,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        );
      } catch (err) {
        if (errorName(err) !== "NotImplemented") throw err;
        if (!this.warnedNoUploadListing) {
          this.warnedNoUploadListing = true;
          console.warn(
            "[storage] this S3 server cannot list unfinished multipart uploads (ListMultipartUploads); " +
              "give the bucket a lifecycle rule that aborts incomplete multipart uploads instead",
          );
        }
        return removed;
      }
      for (const upload of page.Uploads ?? []) {
        if (!this.blobKey(upload.Key) || !upload.UploadId || !upload.Initiated) continue;
        if (now - upload.Initiated.getTime() <= olderThanMs) continue;
        try {
          await this.client.send(
            new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: upload.Key, UploadId: upload.UploadId }),
          );
          removed += 1;
        } catch (err) {
          if (errorName(err) !== "NoSuchUpload") throw err; // it completed or was aborted meanwhile
        }
      }
      if (!page.IsTruncated) return removed;
      keyMarker = page.NextKeyMarker;
      uploadIdMarker = page.NextUploadIdMarker;
    }
  }
}

function errorName(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}
