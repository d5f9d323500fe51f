/**
 * `npm test`: the whole suite, on a fresh machine with nothing but `npm install` done.
 *
 * typecheck → lint → migrate + seed → vitest (unit and integration) → next build → Playwright
 * (real Chromium against `next start`). With DATABASE_URL set (CI: a throwaway PostgreSQL) it
 * uses that database; otherwise it starts an in-memory embedded one for the run. Prints one
 * closing line: "N passed, N failed, N skipped".
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { seedDemo } from "@/lib/db/seed";

const t0 = Date.now();
const step = (msg: string) => console.log(`\n=== [${Math.round((Date.now() - t0) / 1000)}s] ${msg}`);
const only = process.argv.slice(2).find((a) => a.startsWith("--only="))?.slice(7);

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedDatabase(":memory:");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? embedded!.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString("base64url"),
  DEMO: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  ...(embedded ? { EMBEDDED_DB: "1" } : {}),
};
if (!env.CHROMIUM_PATH && !existsSync("/usr/bin/chromium")) {
  console.error("Chromium is needed for the end-to-end tests: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.");
  process.exit(1);
}

const failures: string[] = [];
/**
 * Run one step as a child process. Asynchronously: with no DATABASE_URL the embedded database is
 * served from THIS process, so blocking it (spawnSync) would hang every child that queries it.
 */
async function run(name: string, cmd: string[], extraEnv: Record<string, string> = {}): Promise<boolean> {
  if (only && !name.includes(only)) return true;
  step(name);
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, cmd, { stdio: "inherit", env: { ...env, ...extraEnv } });
    child.on("exit", (c) => resolve(c));
    child.on("error", () => resolve(1));
  });
  if (code !== 0) failures.push(name);
  return code === 0;
}

rmSync(".ci-results", { recursive: true, force: true });
mkdirSync(".ci-results", { recursive: true });

await run("typecheck", ["node_modules/typescript/bin/tsc", "--noEmit"]);
await run("lint", ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings=0"]);

step(`migrate and seed (${embedded ? "embedded PGlite" : "DATABASE_URL"})`);
const client = new pg.Client({ connectionString: env.DATABASE_URL });
await client.connect();
await applyMigrations(client);
await client.end();
const db = createPrismaClient(env.DATABASE_URL!, { max: 2 });
await seedDemo(db, { withDemoUsers: true });
await db.$disconnect();

await run("unit and integration tests (vitest)", [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=.ci-results/vitest.json",
]);
const built = await run("build (next build)", ["node_modules/next/dist/bin/next", "build"], { NODE_ENV: "production" });
if (built) await run("end-to-end tests (Playwright + Chromium)", ["node_modules/@playwright/test/cli.js", "test"], { E2E_PORT: String(3100 + Math.floor(Math.random() * 800)) });
else failures.push("end-to-end tests (not run: the build failed)");

await embedded?.stop();

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const v = JSON.parse(readFileSync(".ci-results/vitest.json", "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
} catch {
  if (!only) failed += 1;
}
try {
  const s = JSON.parse(readFileSync(".ci-results/playwright.json", "utf8")).stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
} catch {
  if (!only) failed += 1;
}
step("summary");
if (failures.length) console.log(`Failed steps: ${failures.join(", ")}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length || failed ? 1 : 0);
