// Runs once when the server starts.
import { getDatabase } from "@/db/client";
import { authSecret } from "./auth/secret";

// Refuse to start in production without the secrets it needs, with a message that says what to set.
try {
  authSecret();
} catch (err) {
  console.error(`\n${(err as Error).message}\n`);
  process.exit(1);
}

// Open the database (and apply migrations) now rather than on the first request: the embedded
// database's first start takes several seconds. A failure here is retried by the first request.
getDatabase().catch((err: unknown) => {
  console.error("[startup] the database could not be opened yet:", err instanceof Error ? err.message : err);
});
