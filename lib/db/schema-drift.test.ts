import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/tests/support/db";
import { compareShapes, expectedShape, introspectShape, type TShape } from "@/tests/support/schema-drift";
import { applyMigrations } from "./migrate";
import { parseSchema, readSchema } from "./schema-model";

/**
 * Our replacement for `prisma migrate diff` (which cannot run here): apply every migration to
 * an empty Postgres schema and prove the result is exactly what prisma/schema.prisma implies.
 */
describe("migrations match schema.prisma", () => {
  const schemaName = `drift_${randomBytes(6).toString("hex")}`;
  let client: pg.Client;
  let actual: TShape;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: await testDatabaseUrl() });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schemaName}"`);
    // The runner migrates whatever schema is first on the search_path.
    await client.query(`SET search_path TO "${schemaName}"`);
    const applied = await applyMigrations(client);
    expect(applied.length).toBeGreaterThan(0);
    actual = await introspectShape(client, schemaName);
  });

  afterAll(async () => {
    if (!client) return;
    // CASCADE drops the audit table without firing its DELETE/TRUNCATE triggers.
    await client.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
    // The embedded server shares one session between connections: leave the path as we found it.
    await client.query("RESET search_path");
    await client.end();
  });

  it("has every table, column, index, foreign key and enum value, and nothing else", () => {
    const problems = compareShapes(expectedShape(readSchema()), actual);
    expect(problems, `Migrated database differs from prisma/schema.prisma:\n  ${problems.join("\n  ")}\n`).toEqual([]);
  });

  it("introspected a real schema, not an empty one", () => {
    expect(actual.get('table "Council"')).toBe("present");
    expect(actual.get('column "AuditEvent"."id"')).toBe("bigint NOT NULL default autoincrement");
    expect(actual.get('column "Membership"."roles"')).toBe("Role[] NULL default none");
    expect(actual.get('foreign key "Area_parentId_fkey"')).toBe('"Area" (parentId) -> "Area" (id) ON DELETE RESTRICT ON UPDATE CASCADE');
  });

  it("reports a column made optional in the schema (the comparator can fail)", () => {
    const altered = readSchema();
    const email = altered.models.find((m) => m.name === "User")!.fields.find((f) => f.name === "email")!;
    email.isOptional = true;
    expect(compareShapes(expectedShape(altered), actual)).toEqual([
      'changed column "User"."email": expected text NULL default none, found text NOT NULL default none',
    ]);
  });

  it("reports missing and extra tables, columns, indexes, foreign keys and enum values", () => {
    const altered = parseSchema(`
      enum Role {
        officer
        reviewer
        procurement
        admin
        auditor
      }
      model Extra {
        id     Int    @id @default(autoincrement())
        code   String @unique
        userId String
        user   User   @relation(fields: [userId], references: [id])
        @@index([code, userId])
      }
      model User {
        id String @id
        extras Extra[]
      }`);
    const problems = compareShapes(expectedShape(altered), actual);
    expect(problems).toEqual(
      expect.arrayContaining([
        'missing table "Extra": expected present',
        'missing column "Extra"."code": expected text NOT NULL default none',
        'missing unique index "Extra_code_key": expected on "Extra" (code)',
        'missing index "Extra_code_userId_idx": expected on "Extra" (code, userId)',
        'missing foreign key "Extra_userId_fkey": expected "Extra" (userId) -> "User" (id) ON DELETE RESTRICT ON UPDATE CASCADE',
        'missing enum value "Role"."auditor": expected position 5',
        'extra table "Council": present',
        'extra column "User"."email": text NOT NULL default none',
        'extra unique index "User_email_key": on "User" (email)',
        'extra foreign key "Membership_userId_fkey": "Membership" (userId) -> "User" (id) ON DELETE CASCADE ON UPDATE CASCADE',
        'extra enum value "AreaKind"."ward": position 1',
      ]),
    );
    // Ignored on purpose: the runner's bookkeeping table and the audit trigger function.
    expect(problems.some((p) => p.includes("_app_migrations") || p.includes("audit_event_append_only"))).toBe(false);
  });

  it("applies Prisma's default ON DELETE rules: SET NULL when optional, RESTRICT when required", () => {
    const s = parseSchema(`
      model A {
        id String @id
        bs B[] @relation("opt")
        cs B[] @relation("req")
      }
      model B {
        id    String  @id
        optId String?
        reqId String
        opt   A?      @relation("opt", fields: [optId], references: [id])
        req   A       @relation("req", fields: [reqId], references: [id])
      }`);
    const shape = expectedShape(s);
    expect(shape.get('foreign key "B_optId_fkey"')).toContain("ON DELETE SET NULL ON UPDATE CASCADE");
    expect(shape.get('foreign key "B_reqId_fkey"')).toContain("ON DELETE RESTRICT ON UPDATE CASCADE");
  });
});
