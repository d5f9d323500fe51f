import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase, type TEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * The database integration tests run against.
 *
 * CI (and `npm test`) set DATABASE_URL to an already-migrated database; we use it as is. With
 * no DATABASE_URL (a plain `npx vitest run`), the first call in a test process starts ONE
 * embedded in-memory Postgres (PGlite over TCP), migrates it, and caches the promise on
 * globalThis so every test file in the process shares it; it is stopped when the process exits.
 * Integration tests are never skipped for want of a database.
 */
const g = globalThis as unknown as { __localSpiTestDb?: Promise<string>; __localSpiTestDbHandle?: TEmbeddedDatabase };

export async function testDatabaseUrl(): Promise<string> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return fromEnv;
  g.__localSpiTestDb ??= startMigratedEmbedded();
  return g.__localSpiTestDb;
}

async function startMigratedEmbedded(): Promise<string> {
  const db = await startEmbeddedDatabase(":memory:");
  g.__localSpiTestDbHandle = db;
  // PGlite is in-process WebAssembly; stopping it is best effort when the worker goes away.
  const stop = () => void db.stop();
  process.once("beforeExit", stop);
  process.once("exit", stop);
  await migrate(db.url);
  return db.url;
}

/**
 * A database of a test file's own, for tests of platform-wide work (the email sender, the embargo
 * announcer) that acts on every row it finds and so must not touch other files' rows or the
 * seeded demo. With DATABASE_URL: a new database on the same server (dropped by `drop`); without
 * (or without the right to create one): a fresh in-memory embedded Postgres. Migrated either way.
 */
export async function isolatedDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `test_${label.replace(/\W/g, "_")}_${uniqueId()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      const u = new URL(base);
      u.pathname = `/${name}`;
      await migrate(u.toString());
      return {
        url: u.toString(),
        drop: async () => {
          const c = new pg.Client({ connectionString: base });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
        },
      };
    } catch (e) {
      if (!/permission denied|must be owner|CREATEDB/i.test(String((e as Error).message))) throw e;
    } finally {
      await admin.end();
    }
  }
  const db = await startEmbeddedDatabase(":memory:");
  await migrate(db.url);
  return { url: db.url, drop: () => db.stop() };
}

/** Apply every migration to the database at `url`. */
async function migrate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await applyMigrations(client);
  } finally {
    await client.end();
  }
}

/** A short random suffix for slugs, emails and codes, so tests never collide on shared tables. */
export function uniqueId(): string {
  return randomBytes(5).toString("hex");
}
