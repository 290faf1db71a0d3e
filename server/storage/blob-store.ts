/**
 * The evidence blob store: where uploaded files live, apart from the database. Keys are generated
 * here (`<caseId>/<random id>`), never taken from the user. Two implementations with the same
 * semantics: a local folder (`local-folder.ts`, the default) and an S3-compatible bucket (`s3.ts`);
 * `index.ts` picks one from the environment. `blob-store.contract.ts` is the test suite both pass.
 */
import type { Readable } from "node:stream";

export interface BlobWriter {
  /** Append bytes (respecting backpressure). */
  write(chunk: Uint8Array): Promise<void>;
  /** Make the blob durable and visible under its key. Returns the key. */
  commit(): Promise<string>;
  /** Throw away what was written (or the committed blob); safe to call more than once and after commit fails. */
  abort(): Promise<void>;
}

/** A committed blob and when it was written. */
export interface BlobListing {
  key: string;
  modifiedAt: Date;
}

export interface BlobStore {
  /** Starts a new blob for the case; nothing is visible under the key until commit. */
  create(caseId: string): Promise<BlobWriter & { key: string }>;
  /** A stream of the blob, or null when it does not exist (or the key is not a valid key). */
  read(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes the blob; a missing blob (or an invalid key) is not an error. */
  remove(key: string): Promise<void>;
  /** All committed keys (for sweeping blobs whose database row never appeared). */
  keys(): Promise<string[]>;
  /** Every committed blob with its last modification time (when its upload was written). */
  listBlobs(): Promise<BlobListing[]>;
  /**
   * Removes what uploads that never finished left behind (e.g. the server died mid-upload), when
   * it was started more than `olderThanMs` before `now`; returns how many were removed. Local
   * folder: the temporary files. S3: the incomplete multipart uploads, which are aborted (their
   * parts are invisible in listings but still stored, and billed, until then).
   */
  removeStaleTemporaryFiles(olderThanMs: number, now?: number): Promise<number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BLOB_ID = /^[0-9a-f]{32}$/;

/** Keys are `<case uuid>/<32 hex>`; anything else is refused before it gets near a path. */
export function isValidKey(key: string): boolean {
  const [caseId, id, ...rest] = key.split("/");
  return rest.length === 0 && !!caseId && !!id && UUID.test(caseId) && BLOB_ID.test(id);
}

export function isValidCaseId(caseId: string): boolean {
  return UUID.test(caseId);
}
