// `npm run db:backup -- <folder>` and `npm run db:restore -- <folder>`: the configured database
// (DATABASE_URL, or the embedded one in the data folder) and the evidence files. See db/backup.ts.
import path from "node:path";
import { backup, restore } from "./backup";
import { dataFolder, pgliteDirectory } from "./client";

async function main() {
  const [command, folder] = process.argv.slice(2);
  if ((command !== "backup" && command !== "restore") || !folder) {
    console.error("Usage: npm run db:backup -- <folder>   |   npm run db:restore -- <folder>");
    process.exit(2);
  }
  const target = {
    databaseUrl: process.env.DATABASE_URL || undefined,
    pgliteDir: pgliteDirectory(),
    evidenceDir: path.join(dataFolder(), "evidence"),
  };
  const manifest = command === "backup" ? await backup(target, folder) : await restore(folder, target);
  console.log(
    `${command === "backup" ? "Backed up" : "Restored"} the ${manifest.database} database and ` +
      `${manifest.files.filter((f) => f.path.startsWith("evidence/")).length} evidence files ` +
      `${command === "backup" ? "to" : "from"} ${path.resolve(folder)}.`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
