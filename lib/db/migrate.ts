import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

/** The subset of a pg client the runner needs (pg.Client, pg.PoolClient). */
export interface TSqlClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface TMigration {
  name: string;
  sql: string;
  checksum: string;
}

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

/** Migrations in Prisma's folder format, sorted by folder name (timestamp first). */
export function readMigrations(dir = MIGRATIONS_DIR): TMigration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Apply every migration not yet recorded, each in its own transaction, in the client's
 * current schema (search_path), so tests can migrate a throwaway schema. An applied
 * migration whose file has since changed is an error: migrations are append-only.
 * Returns the names applied.
 */
export async function applyMigrations(client: TSqlClient, migrations = readMigrations()): Promise<string[]> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS "_app_migrations" (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const { rows } = await client.query(`SELECT name, checksum FROM "_app_migrations"`);
  const applied = new Map(rows.map((r) => [String(r.name), String(r.checksum)]));
  const done: string[] = [];
  for (const m of migrations) {
    const prior = applied.get(m.name);
    if (prior) {
      if (prior !== m.checksum) {
        throw new Error(
          `Migration ${m.name} was changed after it was applied. Migrations are append-only: add a new migration instead.`,
        );
      }
      continue;
    }
    await client.query("BEGIN");
    try {
      await client.query(m.sql);
      await client.query(`INSERT INTO "_app_migrations"(name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
      await client.query("COMMIT");
      done.push(m.name);
    } catch (e) {
      await client.query("ROLLBACK");
      throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
    }
  }
  return done;
}
