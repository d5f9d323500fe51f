import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testDatabaseUrl, uniqueId } from "@/tests/support/db";
import { recordAudit } from "./record";

/**
 * Rule 6: the audit log is append-only, enforced by the database itself (a trigger), so neither
 * the application nor someone with psql can rewrite history.
 */
describe("AuditEvent is append-only in the database", () => {
  let prisma: PrismaClient;
  let sql: pg.Client;
  let id: bigint;
  const action = `test.append_only.${uniqueId()}`;

  beforeAll(async () => {
    const url = await testDatabaseUrl();
    prisma = createPrismaClient(url, { max: 2 });
    sql = new pg.Client({ connectionString: url });
    await sql.connect();
    await recordAudit(prisma, { councilId: null, actorId: null, action, entityType: "Test", data: { n: 1 } });
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { action } });
    id = row.id;
  });

  afterAll(async () => {
    await sql?.end();
    await prisma?.$disconnect();
  });

  /** Run a statement that must be refused; inside a rolled-back transaction, so a regression cannot destroy the shared log. */
  async function refusedInRollback(statement: string, params: unknown[] = []): Promise<string> {
    await sql.query("BEGIN");
    try {
      await sql.query(statement, params);
      return "accepted";
    } catch (e) {
      return (e as Error).message;
    } finally {
      await sql.query("ROLLBACK");
    }
  }

  it("accepts an INSERT (through recordAudit)", async () => {
    const row = await prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ action, entityType: "Test", data: { n: 1 } });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in raw SQL", async () => {
    expect(await refusedInRollback(`UPDATE "AuditEvent" SET action = 'tampered' WHERE id = $1`, [id])).toMatch(/append-only: UPDATE/);
    expect(await refusedInRollback(`DELETE FROM "AuditEvent" WHERE id = $1`, [id])).toMatch(/append-only: DELETE/);
    expect(await refusedInRollback(`TRUNCATE "AuditEvent"`)).toMatch(/append-only: TRUNCATE/);
  });

  it("refuses Prisma update, updateMany, delete and deleteMany", async () => {
    await expect(prisma.auditEvent.update({ where: { id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.updateMany({ where: { id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({ where: { id } })).rejects.toThrow(/append-only/);
  });

  it("leaves the row exactly as written after every refused attempt", async () => {
    const row = await prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row.action).toBe(action);
  });
});
