// Refuse to start in production without the secrets it needs, with a message that says what to set.
import { authSecret } from "./auth/secret";

try {
  authSecret();
} catch (err) {
  console.error(`\n${(err as Error).message}\n`);
  process.exit(1);
}
