/**
 * Blob store in a local folder: `<root>/<caseId>/<random id>`. Uploads go to `<root>/.tmp/` first,
 * are fsynced and then renamed into place, so a blob is either complete or absent. Several app
 * instances can share it only through a shared (network) folder; `s3.ts` is the alternative.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { dataFolder } from "@/db/client";
import { isValidCaseId, isValidKey, type BlobListing, type BlobStore, type BlobWriter } from "./blob-store";

const TMP = ".tmp";

export class LocalFolderBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!isValidKey(key)) throw new Error("invalid blob key");
    return path.join(this.root, ...key.split("/"));
  }

  async create(caseId: string): Promise<BlobWriter & { key: string }> {
    if (!isValidCaseId(caseId)) throw new Error("invalid case id");
    const id = randomBytes(16).toString("hex");
    const key = `${caseId}/${id}`;
    const finalPath = this.pathOf(key);
    const tmpDir = path.join(this.root, TMP);
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmpPath = path.join(tmpDir, `${id}.part`);
    const handle = await fsp.open(tmpPath, "wx", 0o600);
    let state: "open" | "committed" | "aborted" = "open";
    return {
      key,
      async write(chunk) {
        if (state !== "open") throw new Error("blob is closed");
        let offset = 0;
        while (offset < chunk.byteLength) {
          const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
          offset += bytesWritten;
        }
      },
      async commit() {
        if (state !== "open") throw new Error("blob is closed");
        await handle.sync();
        await handle.close();
        await fsp.mkdir(path.dirname(finalPath), { recursive: true });
        await fsp.rename(tmpPath, finalPath);
        await syncDirectory(path.dirname(finalPath));
        state = "committed";
        return key;
      },
      async abort() {
        if (state === "aborted") return;
        const wasCommitted = state === "committed";
        state = "aborted";
        if (!wasCommitted) await handle.close().catch(() => {});
        await fsp.rm(wasCommitted ? finalPath : tmpPath, { force: true });
      },
    };
  }

  async read(key: string) {
    if (!isValidKey(key)) return null;
    const file = this.pathOf(key);
    try {
      const stat = await fsp.stat(file);
      return { stream: fs.createReadStream(file), size: stat.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async remove(key: string) {
    if (!isValidKey(key)) return;
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async keys(): Promise<string[]> {
    const result: string[] = [];
    let cases: string[];
    try {
      cases = await fsp.readdir(this.root);
    } catch {
      return [];
    }
    for (const caseId of cases) {
      if (!isValidCaseId(caseId)) continue;
      for (const id of await fsp.readdir(path.join(this.root, caseId))) {
        const key = `${caseId}/${id}`;
        if (isValidKey(key)) result.push(key);
      }
    }
    return result;
  }

  /** Every committed blob with its last modification time (when its upload was written). */
  async listBlobs(): Promise<BlobListing[]> {
    const result: BlobListing[] = [];
    for (const key of await this.keys()) {
      const stat = await fsp.stat(this.pathOf(key)).catch(() => null);
      if (stat) result.push({ key, modifiedAt: stat.mtime });
    }
    return result;
  }

  /** Removes temporary files left by uploads that never finished (e.g. the server died). */
  async removeStaleTemporaryFiles(olderThanMs: number, now = Date.now()): Promise<number> {
    const tmpDir = path.join(this.root, TMP);
    let removed = 0;
    let names: string[];
    try {
      names = await fsp.readdir(tmpDir);
    } catch {
      return 0;
    }
    for (const name of names) {
      const file = path.join(tmpDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > olderThanMs) {
        await fsp.rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

async function syncDirectory(dir: string) {
  try {
    const handle = await fsp.open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* some file systems cannot fsync a directory; the rename is still atomic */
  }
}

let defaultStore: LocalFolderBlobStore | undefined;

/** The evidence folder in the data folder: `<data folder>/evidence`. */
export function localEvidenceStore(): LocalFolderBlobStore {
  const root = path.join(/*turbopackIgnore: true*/ dataFolder(), "evidence");
  if (!defaultStore || defaultStore.root !== root) defaultStore = new LocalFolderBlobStore(root);
  return defaultStore;
}
