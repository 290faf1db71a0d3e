/**
 * The startup sweep of the evidence store: removes temporary files of uploads that never finished,
 * and committed blobs that no evidence row points at (a crash between writing the blob and
 * inserting its row, or between deleting a row and its blob). Only what is older than an hour is
 * touched, so an upload in progress — blob committed, row about to be inserted — is never removed.
 */
import type { Database } from "@/db/client";
import { evidenceStorageKeys } from "@/db/queries/protection";
import type { BlobStore } from "@/server/storage/blob-store";

export const SWEEP_MIN_AGE_MS = 60 * 60 * 1000;

/** What the sweep uses of a store: every `BlobStore` can be swept. */
export type SweepableStore = Pick<BlobStore, "removeStaleTemporaryFiles" | "listBlobs" | "remove">;

export interface SweepResult {
  temporaryFilesRemoved: number;
  orphanBlobsRemoved: number;
}

export async function sweepEvidenceStore(params: {
  db: Database;
  store: SweepableStore;
  now?: Date;
  olderThanMs?: number;
}): Promise<SweepResult> {
  const now = (params.now ?? new Date()).getTime();
  const olderThanMs = params.olderThanMs ?? SWEEP_MIN_AGE_MS;
  const temporaryFilesRemoved = await params.store.removeStaleTemporaryFiles(olderThanMs, now);
  // Blobs first, then the keys in the database: a row inserted in between only makes a blob look owned.
  const blobs = await params.store.listBlobs();
  const known = await evidenceStorageKeys(params.db);
  let orphanBlobsRemoved = 0;
  for (const blob of blobs) {
    if (known.has(blob.key) || now - blob.modifiedAt.getTime() <= olderThanMs) continue;
    await params.store.remove(blob.key);
    orphanBlobsRemoved += 1;
  }
  return { temporaryFilesRemoved, orphanBlobsRemoved };
}
