/**
 * Backup and restore of one Shore installation: the database and the evidence files together.
 *
 * A backup is a folder:
 * - `database.pgdump`: `pg_dump --format=custom` of the PostgreSQL database (DATABASE_URL set), or
 *   `pglite.tar.gz`: the embedded database's own dump (PGlite `dumpDataDir`);
 * - `evidence/`: the evidence blob store, file for file;
 * - `manifest.json`: when, which kind, and the SHA-256 of every file in the backup.
 *
 * The embedded database must not be open elsewhere while it is backed up or restored (the lock
 * file says so). PostgreSQL can be backed up while the app runs (pg_dump takes a consistent
 * snapshot); evidence uploaded during the backup may be missing from it, never half-copied, because
 * blobs appear under their key only once complete.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface BackupTarget {
  /** PostgreSQL URL; when absent, the embedded database in `pgliteDir`. */
  databaseUrl?: string;
  pgliteDir: string;
  /** The evidence blob store folder. */
  evidenceDir: string;
}

export interface BackupManifest {
  format: "shore-backup-1";
  createdAt: string;
  database: "postgres" | "pglite";
  files: { path: string; sha256: string; size: number }[];
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(root, full)));
    else if (e.isFile()) out.push(path.relative(root, full));
  }
  return out.sort();
}

/** Committed blobs only: temporary files of uploads in progress are left out. */
const isBlobPath = (relative: string) => /^[0-9a-f-]{36}\/[0-9a-f]{32}$/.test(relative.split(path.sep).join("/"));

export async function backup(target: BackupTarget, outDir: string): Promise<BackupManifest> {
  await fsp.mkdir(outDir, { recursive: true });
  if ((await fsp.readdir(outDir)).length > 0) throw new Error(`The backup folder ${outDir} is not empty.`);
  let kind: BackupManifest["database"];
  if (target.databaseUrl) {
    kind = "postgres";
    await run("pg_dump", [
      "--format=custom",
      "--no-owner",
      "--file",
      path.join(outDir, "database.pgdump"),
      target.databaseUrl,
    ]);
  } else {
    kind = "pglite";
    const { openPglite } = await import("./client");
    const open = await openPglite(target.pgliteDir);
    try {
      const client = (open.db as unknown as { $client: { dumpDataDir(c: "gzip"): Promise<Blob> } }).$client;
      const dump = await client.dumpDataDir("gzip");
      await fsp.writeFile(path.join(outDir, "pglite.tar.gz"), Buffer.from(await dump.arrayBuffer()));
    } finally {
      await open.close();
    }
  }
  for (const relative of (await listFiles(target.evidenceDir)).filter(isBlobPath)) {
    const to = path.join(outDir, "evidence", relative);
    await fsp.mkdir(path.dirname(to), { recursive: true });
    await fsp.copyFile(path.join(target.evidenceDir, relative), to);
  }
  const files = [];
  for (const relative of await listFiles(outDir)) {
    const full = path.join(outDir, relative);
    files.push({
      path: relative.split(path.sep).join("/"),
      sha256: await sha256Of(full),
      size: (await fsp.stat(full)).size,
    });
  }
  const manifest: BackupManifest = {
    format: "shore-backup-1",
    createdAt: new Date().toISOString(),
    database: kind,
    files,
  };
  await fsp.writeFile(path.join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest and checks every file against its SHA-256 before anything is restored. */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const manifest = JSON.parse(await fsp.readFile(path.join(dir, "manifest.json"), "utf8")) as BackupManifest;
  if (manifest.format !== "shore-backup-1") throw new Error("Not a Shore backup (manifest.json has another format).");
  for (const f of manifest.files) {
    const actual = await sha256Of(path.join(dir, f.path)).catch(() => "missing");
    if (actual !== f.sha256) throw new Error(`Backup file ${f.path} is damaged or missing (SHA-256 does not match).`);
  }
  return manifest;
}

/**
 * Restores a backup into the target: the PostgreSQL database is replaced object by object
 * (`pg_restore --clean`); an embedded database folder must not exist yet (restore next to it and
 * swap, never over live data). Evidence files are copied back; files already there are kept.
 */
export async function restore(dir: string, target: BackupTarget): Promise<BackupManifest> {
  const manifest = await verifyBackup(dir);
  if (manifest.database === "postgres") {
    if (!target.databaseUrl)
      throw new Error("This backup is of a PostgreSQL database: set DATABASE_URL to restore it.");
    await run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      "--dbname",
      target.databaseUrl,
      path.join(dir, "database.pgdump"),
    ]);
  } else {
    if (target.databaseUrl)
      throw new Error("This backup is of the embedded database: unset DATABASE_URL to restore it.");
    if (fs.existsSync(target.pgliteDir) && (await fsp.readdir(target.pgliteDir)).length > 0) {
      throw new Error(
        `${target.pgliteDir} already holds a database. Move it away first, or restore into another SHORE_DATA_DIR.`,
      );
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const dump = new Blob([await fsp.readFile(path.join(dir, "pglite.tar.gz"))]);
    await fsp.mkdir(path.dirname(target.pgliteDir), { recursive: true });
    const client = await PGlite.create({ dataDir: target.pgliteDir, loadDataDir: dump });
    await client.close();
  }
  for (const f of manifest.files.filter((x) => x.path.startsWith("evidence/"))) {
    const to = path.join(target.evidenceDir, f.path.slice("evidence/".length));
    await fsp.mkdir(path.dirname(to), { recursive: true });
    await fsp.copyFile(path.join(dir, f.path), to, fs.constants.COPYFILE_EXCL).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "EEXIST") throw err;
    });
  }
  return manifest;
}
