/**
 * `npm start`: the portal with demo data on http://localhost:3000, with no configuration.
 *
 * Without DATABASE_URL it runs the embedded database (PGlite in ./.data, served on loopback so
 * the app uses the same `pg` driver as real Postgres), applies migrations, seeds the demo
 * councils idempotently, builds the app if the sources changed, and serves it.
 * `npm run dev` does the same with `next dev`.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { demoAccountsTable, seedDemo } from "@/lib/db/seed";
import { purgeExpiredUploads } from "@/lib/uploads/purge";
import { getEnv, ConfigError } from "@/lib/env";
import { sourceHash } from "./build-hash";

const dev = process.argv.includes("--dev");
const t0 = Date.now();
const say = (msg: string) => console.log(`[local-spi ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

let env;
try {
  env = getEnv();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

const embedded = env.DATABASE_URL ? null : await startEmbeddedDatabase(env.PGLITE_DIR);
const databaseUrl = env.DATABASE_URL ?? embedded!.url;
say(embedded ? `Embedded database (PGlite) in ${env.PGLITE_DIR}` : "Using DATABASE_URL (PostgreSQL)");

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const applied = await applyMigrations(client);
await client.end();
say(applied.length ? `Applied ${applied.length} migration(s)` : "Database schema is up to date");

const db = createPrismaClient(databaseUrl, { max: 2 });
const seeded = await seedDemo(db, { withDemoUsers: env.demoAccounts });
seeded.push(`Deleted the files of ${await purgeExpiredUploads(db, new Date())} abandoned upload(s)`);
await db.$disconnect();
for (const line of seeded) say(line);

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: env.AUTH_SECRET,
  NEXT_TELEMETRY_DISABLED: "1",
  ...(embedded ? { EMBEDDED_DB: "1" } : {}),
  ...(env.demoAccounts ? { DEMO: "1" } : {}),
};

if (!dev) {
  const hashFile = ".next/.local-spi-source-hash";
  const hash = sourceHash();
  const fresh = existsSync(".next/BUILD_ID") && existsSync(hashFile) && readFileSync(hashFile, "utf8") === hash;
  if (!fresh) {
    say("Building the portal (first start, or the sources changed) – this takes a minute or two");
    // asynchronously: the embedded database is served from this process and must keep answering
    const status = await new Promise<number | null>((resolve) => {
      const b = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
      b.on("exit", resolve);
    });
    if (status !== 0) {
      await embedded?.stop();
      process.exit(status ?? 1);
    }
    writeFileSync(hashFile, hash);
  }
}

const port = process.env.PORT ?? "3000";
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", dev ? "dev" : "start", "-p", port], {
  stdio: ["inherit", "pipe", "inherit"],
  env: childEnv,
});
let announced = false;
child.stdout!.on("data", (buf: Buffer) => {
  process.stdout.write(buf);
  if (!announced && /Ready|started server|Local:/i.test(buf.toString())) {
    announced = true;
    say(`Local SPI is ready on http://localhost:${port}`);
    if (env.demoAccounts) console.log(`\nDemo accounts (development only):\n${demoAccountsTable()}\n`);
  }
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill("SIGTERM");
  await embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));
