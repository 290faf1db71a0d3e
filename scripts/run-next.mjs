#!/usr/bin/env node
// Starts `next dev` or `next start` with our own shutdown handling: Next's signal handler exits
// before the embedded database closes, so we take over (NEXT_MANUAL_SIG_HANDLE) and close it in
// db/client.ts. Extra arguments are passed to next (e.g. `npm run dev -- -p 4000`).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [mode, ...args] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") {
  console.error("usage: run-next.mjs dev|start [next options]");
  process.exit(2);
}
const nextBin = require.resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, mode, ...args], {
  stdio: "inherit",
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "true" },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
