import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".bench-bare/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, drizzle },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Links go through components/ui/link.tsx, which turns off Next's automatic prefetching.
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: 'Import { Link } from "@/components/ui/link": it does not prefetch personal pages.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain core is pure: no database, no API layer, no framework. It stays importable from
    // client components and testable without a server.
    files: ["server/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/*", "@/db", "**/db/*", "../../db/*"],
              message: "server/domain must not import the database.",
            },
            {
              group: ["@/server/api/*", "**/server/api/*", "../api/*"],
              message: "server/domain must not import the API layer.",
            },
            { group: ["next", "next/*"], message: "server/domain must not import Next.js." },
            {
              group: ["react", "react/*", "react-dom", "react-dom/*"],
              message: "server/domain must not import React.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**", "db/seed/**", "db/migrate-cli.ts", "db/backup-cli.ts", "e2e/**", "test/**", "bench/**"],
    rules: { "no-console": "off" },
  },
);
