import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes SQL migrations into db/migrations (no database needed).
// Migrations are applied automatically when the app opens its database, and by `npm run db:migrate`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
