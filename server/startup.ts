// Runs once when the server starts.
import { getDatabase } from "@/db/client";
import { authSecret } from "./auth/secret";
import { sweepEvidenceStore } from "./evidence/sweep";
import { evidenceStore, s3SettingsFromEnvironment } from "@/server/storage";

// Refuse to start in production without the secrets it needs, or with a wrong evidence-storage
// setting, with a message that says what to set.
try {
  authSecret();
  s3SettingsFromEnvironment();
} catch (err) {
  console.error(`\n${(err as Error).message}\n`);
  process.exit(1);
}

// Open the database (and apply migrations) now rather than on the first request: the embedded
// database's first start takes several seconds. A failure here is retried by the first request.
// Once it is open, sweep the evidence store: unfinished uploads and blobs without a row, older than an hour.
getDatabase().then(
  (open) =>
    sweepEvidenceStore({ db: open.db, store: evidenceStore() }).then(
      (swept) => {
        if (swept.temporaryFilesRemoved + swept.orphanBlobsRemoved > 0) {
          console.warn(
            `[startup] evidence sweep removed ${swept.temporaryFilesRemoved} unfinished upload(s) and ${swept.orphanBlobsRemoved} file(s) without a record`,
          );
        }
      },
      (err: unknown) => {
        console.error("[startup] the evidence sweep failed:", err instanceof Error ? err.message : err);
      },
    ),
  (err: unknown) => {
    console.error("[startup] the database could not be opened yet:", err instanceof Error ? err.message : err);
  },
);
