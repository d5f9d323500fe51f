import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const ENGINE_FORBIDDEN = [
  { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/spi is pure: no web framework." },
  { group: ["@prisma/*", "prisma", "@/lib/generated/*", "pg", "@electric-sql/*"], message: "lib/spi is pure: no database." },
  { group: ["node:fs", "node:fs/*", "fs", "fs/*", "node:net", "node:http", "node:https", "node:child_process"], message: "lib/spi is pure: no I/O (only the CLI and its io module read files)." },
  { group: ["@/lib/*", "!@/lib/spi", "!@/lib/spi/*"], message: "lib/spi stands alone: import nothing from the rest of the app." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", "lib/generated/**", "public/embed/**", ".data/**", "test-results/**", "playwright-report/**", ".ci-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      // lib/env.ts is the only reader of process.env (scripts pass env to child processes)
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through getEnv() in lib/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/env.ts", "scripts/**", "bench/**", "e2e/**", "tests/**", "**/*.test.ts", "**/*.test.tsx", "*.config.*", "bin/**", "lib/spi/cli.ts", "lib/db/embedded.ts", "lib/db/migrate.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["lib/spi/**/*.ts"],
    ignores: ["lib/spi/cli.ts", "lib/spi/cli/**", "lib/spi/io/**", "lib/spi/**/*.test.ts", "lib/spi/__fixtures__/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ENGINE_FORBIDDEN }] },
  },
];

export default config;
