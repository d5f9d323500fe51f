import { describe, expect, it } from "vitest";
import { parseSchema, readSchema, type TSchema } from "./schema-model";
import { SHARED_MODEL_OPERATIONS, TENANT_MODELS } from "./tenant-models";

/**
 * Rule 1 of ARCHITECTURE.md: the council-scoped client must know every model that carries a
 * councilId, or a new tenant model would be readable across councils.
 */
function tenantModelProblems(schema: TSchema, listed: readonly string[]): string[] {
  const problems: string[] = [];
  const withCouncil = new Set(schema.models.filter((m) => m.fields.some((f) => f.name === "councilId")).map((m) => m.name));
  for (const name of withCouncil) {
    if (!listed.includes(name)) problems.push(`${name} has a councilId but is missing from TENANT_MODELS (lib/db/tenant-models.ts)`);
  }
  for (const name of listed) {
    if (!schema.models.some((m) => m.name === name)) problems.push(`${name} is in TENANT_MODELS but is not a model in schema.prisma`);
    else if (!withCouncil.has(name)) problems.push(`${name} is in TENANT_MODELS but has no councilId field`);
  }
  return problems;
}

describe("TENANT_MODELS", () => {
  const schema = readSchema();

  it("lists exactly the models that carry a councilId", () => {
    expect(tenantModelProblems(schema, TENANT_MODELS)).toEqual([]);
  });

  it("does not also expose a tenant model as a shared model", () => {
    for (const name of Object.keys(SHARED_MODEL_OPERATIONS)) {
      expect(schema.models.find((m) => m.name === name)?.fields.some((f) => f.name === "councilId")).toBe(false);
    }
  });

  it("catches a tenant model that is not listed, and a listed model without councilId", () => {
    const s = parseSchema(`
      model Council {
        id String @id
      }
      model Report {
        id        String @id
        councilId String
      }
      model Note {
        id String @id
      }`);
    expect(tenantModelProblems(s, ["Note", "Ghost"])).toEqual([
      "Report has a councilId but is missing from TENANT_MODELS (lib/db/tenant-models.ts)",
      "Note is in TENANT_MODELS but has no councilId field",
      "Ghost is in TENANT_MODELS but is not a model in schema.prisma",
    ]);
  });
});
