import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time;
  // argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // Several builds side by side (e.g. a second checkout's e2e run) can each use their own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  // `npm run dev` is often opened as http://127.0.0.1:3000 rather than localhost.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
