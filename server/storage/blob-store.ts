/**
 * The evidence blob store: where uploaded files live, apart from the database. Keys are generated
 * here (`<caseId>/<random id>`), never taken from the user. A local folder by default; the
 * interface is small enough for an S3-compatible implementation.
 */
import type { Readable } from "node:stream";

export interface BlobWriter {
  /** Append bytes (respecting backpressure). */
  write(chunk: Uint8Array): Promise<void>;
  /** Flush to disk and make the blob visible under its key. Returns the key. */
  commit(): Promise<string>;
  /** Throw away what was written; safe to call more than once and after commit fails. */
  abort(): Promise<void>;
}

export interface BlobStore {
  /** Starts a new blob for the case; nothing is visible under the key until commit. */
  create(caseId: string): Promise<BlobWriter & { key: string }>;
  /** A stream of the blob, or null when it does not exist. */
  read(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes the blob; a missing blob is not an error. */
  remove(key: string): Promise<void>;
  /** All committed keys (for sweeping blobs whose database row never appeared). */
  keys(): Promise<string[]>;
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
