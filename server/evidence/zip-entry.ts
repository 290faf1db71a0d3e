import type { Readable } from "node:stream";
import type { ZipArchive } from "archiver";

/**
 * Appends a file's stream to the archive and resolves once the archive has taken it in, so files
 * are opened one at a time: with evidence in a bucket, each open read is an HTTP response held open.
 */
export function appendAndWait(zip: ZipArchive, stream: Readable, data: { name: string; date: Date }): Promise<void> {
  const taken = new Promise<void>((resolve) => {
    const onEntry = (entry: { name: string }) => {
      if (entry.name !== data.name) return;
      zip.off("entry", onEntry);
      resolve();
    };
    zip.on("entry", onEntry);
  });
  zip.append(stream, data);
  return taken;
}
