import { describe, expect, it } from "vitest";
import { getModel, parseSchema, readSchema } from "./schema-model";

const SAMPLE = `
// a plain comment is ignored
generator client {
  provider = "prisma-client"
}

/// Colours we know
enum Colour {
  red
  green // trailing comment
}

/// A thing.
/// Second line.
model Thing {
  id      BigInt   @id @default(autoincrement())
  /// the owner
  ownerId String?
  tags    String[]
  colour  Colour   @default(green)
  label   String   @unique @default("a // not a comment")
  n       Int      @default(-3)
  ok      Boolean  @default(false)
  at      DateTime @default(now())
  upd     DateTime @updatedAt
  owner   Owner?   @relation("Owns", fields: [ownerId], references: [id], onDelete: SetNull)

  @@unique([ownerId, label])
  @@index([colour, at])
}

model Owner {
  a      String
  b      String
  things Thing[] @relation("Owns")

  @@id([a, b])
}
`;

describe("parseSchema", () => {
  const s = parseSchema(SAMPLE);

  it("reads enums with values in order and their doc", () => {
    expect(s.enums).toEqual([{ name: "Colour", doc: "Colours we know", values: ["red", "green"] }]);
  });

  it("reads model docs and skips generator/datasource blocks", () => {
    expect(s.models.map((m) => m.name)).toEqual(["Thing", "Owner"]);
    expect(getModel(s, "Thing").doc).toBe("A thing.\nSecond line.");
  });

  it("reads field types, modifiers, kinds and attributes", () => {
    const t = getModel(s, "Thing");
    const f = Object.fromEntries(t.fields.map((x) => [x.name, x]));
    expect(f.id).toMatchObject({ type: "BigInt", kind: "scalar", isId: true, default: { kind: "function", name: "autoincrement", args: [] } });
    expect(f.ownerId).toMatchObject({ type: "String", isOptional: true, isList: false, doc: "the owner" });
    expect(f.tags).toMatchObject({ isList: true, isOptional: false });
    expect(f.colour).toMatchObject({ kind: "enum", default: { kind: "enumValue", value: "green" } });
    expect(f.label).toMatchObject({ isUnique: true, default: { kind: "literal", value: "a // not a comment" } });
    expect(f.n.default).toEqual({ kind: "literal", value: -3 });
    expect(f.ok.default).toEqual({ kind: "literal", value: false });
    expect(f.at.default).toEqual({ kind: "function", name: "now", args: [] });
    expect(f.upd.isUpdatedAt).toBe(true);
    expect(f.owner).toMatchObject({
      kind: "object",
      isOptional: true,
      relation: { name: "Owns", fields: ["ownerId"], references: ["id"], onDelete: "SetNull" },
    });
    expect(f.ownerId.doc).toBe("the owner");
    expect(f.tags.doc).toBeUndefined();
  });

  it("reads block attributes", () => {
    const t = getModel(s, "Thing");
    expect(t.uniques).toEqual([["ownerId", "label"]]);
    expect(t.indexes).toEqual([["colour", "at"]]);
    const o = getModel(s, "Owner");
    expect(o.compoundId).toEqual(["a", "b"]);
    expect(o.fields.find((x) => x.name === "things")?.relation).toEqual({ name: "Owns", fields: [], references: [] });
  });

  it("refuses what it does not understand, with a line number", () => {
    expect(() => parseSchema("model A {\n  id String @id @map(\"x\")\n}")).toThrow(/line 2: unsupported field attribute @map/);
    expect(() => parseSchema("model A {\n  id String @id\n  @@map(\"a\")\n}")).toThrow(/line 3: unsupported block attribute @@map/);
    expect(() => parseSchema("model A {\n  id Strin @id\n}")).toThrow(/unknown type Strin/);
    expect(() => parseSchema("model A {\n  id String @id\n")).toThrow(/unclosed block/);
    expect(() => parseSchema("view V {\n}")).toThrow(/line 1: expected a block/);
  });

  it("reads the real prisma/schema.prisma", () => {
    const real = readSchema();
    expect(real.enums.map((e) => e.name)).toEqual(expect.arrayContaining(["Role", "AreaKind"]));
    expect(getModel(real, "Council").fields.find((f) => f.name === "slug")).toMatchObject({ isUnique: true, doc: 'URL slug, e.g. "barking-and-dagenham"' });
    expect(getModel(real, "Area").fields.find((f) => f.name === "parent")?.relation).toEqual({
      name: "AreaParent",
      fields: ["parentId"],
      references: ["id"],
      onDelete: "Restrict",
    });
    expect(getModel(real, "Account").compoundId).toEqual(["provider", "providerAccountId"]);
  });
});
