import type { TSqlClient } from "@/lib/db/migrate";
import { DATABASE_GUARD_FUNCTIONS } from "@/lib/db/guards";
import type { TDefault, TField, TModel, TSchema } from "@/lib/db/schema-model";

/**
 * Our stand-in for `prisma migrate diff`: the database shape schema.prisma implies (following
 * Prisma's naming and type conventions), the shape a migrated Postgres schema really has, and a
 * comparison of the two as a readable list of mismatches.
 *
 * A shape is a map from an object's key (`column "User"."email"`) to a description of it
 * (`text NOT NULL default none`): comparing two maps gives missing, extra and different objects.
 */
export type TShape = Map<string, string>;

const SCALAR_SQL: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

const REFERENTIAL: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** Objects that exist on purpose but are not described by schema.prisma. */
export const IGNORED_EXTRAS = new Set(['table "_app_migrations"']);

function columnType(f: TField): string {
  const base = f.kind === "enum" ? f.type : SCALAR_SQL[f.type];
  if (!base) throw new Error(`No SQL type for ${f.type}`);
  return f.isList ? `${base}[]` : base;
}

/** The database default Prisma writes for a field; cuid()/uuid() and @updatedAt are filled in by the client. */
function columnDefault(f: TField, d: TDefault | undefined): string {
  if (!d) return "none";
  if (d.kind === "function") {
    if (d.name === "autoincrement") return "autoincrement";
    if (d.name === "now") return "CURRENT_TIMESTAMP";
    if (d.name === "cuid" || d.name === "uuid") return "none";
    throw new Error(`Unsupported default function ${d.name}() on ${f.name}`);
  }
  if (d.kind === "enumValue") return `'${d.value}'::${f.type}`;
  if (typeof d.value === "string") return `'${d.value.replace(/'/g, "''")}'::${columnType(f)}`;
  return String(d.value);
}

const cols = (fields: string[]) => `(${fields.join(", ")})`;

/** The shape schema.prisma implies for a migrated database. */
export function expectedShape(schema: TSchema): TShape {
  const shape: TShape = new Map();
  for (const e of schema.enums) addEnum(shape, e.name, e.values);
  for (const m of schema.models) addModel(shape, m, schema);
  // the guards Prisma cannot express must exist, and no other function may
  for (const f of DATABASE_GUARD_FUNCTIONS) shape.set(`function "${f}"`, "present");
  return shape;
}

/** An enum's ordered value list, plus one entry per value so a missing value is named on its own. */
function addEnum(shape: TShape, name: string, values: string[]): void {
  shape.set(`enum "${name}"`, values.join(", "));
  values.forEach((v, i) => shape.set(`enum value "${name}"."${v}"`, `position ${i + 1}`));
}

function addModel(shape: TShape, m: TModel, schema: TSchema): void {
  shape.set(`table "${m.name}"`, "present");
  for (const f of m.fields) {
    if (f.kind === "object") continue;
    const nullable = f.isOptional || f.isList; // Prisma creates list columns without NOT NULL
    shape.set(`column "${m.name}"."${f.name}"`, `${columnType(f)} ${nullable ? "NULL" : "NOT NULL"} default ${columnDefault(f, f.default)}`);
    if (f.isUnique) shape.set(`unique index "${m.name}_${f.name}_key"`, `on "${m.name}" ${cols([f.name])}`);
  }
  const pk = m.compoundId ?? m.fields.filter((f) => f.isId).map((f) => f.name);
  if (pk.length > 0) shape.set(`primary key "${m.name}_pkey"`, `on "${m.name}" ${cols(pk)}`);
  for (const u of m.uniques) shape.set(`unique index "${m.name}_${u.join("_")}_key"`, `on "${m.name}" ${cols(u)}`);
  for (const i of m.indexes) shape.set(`index "${m.name}_${i.join("_")}_idx"`, `on "${m.name}" ${cols(i)}`);
  for (const f of m.fields) {
    const r = f.relation;
    if (!r || r.fields.length === 0) continue;
    // Prisma's defaults: an optional relation sets null on delete, a required one restricts.
    const optional = r.fields.some((name) => m.fields.find((x) => x.name === name)?.isOptional);
    const onDelete = REFERENTIAL[r.onDelete ?? (optional ? "SetNull" : "Restrict")];
    const onUpdate = REFERENTIAL[r.onUpdate ?? "Cascade"];
    if (!schema.models.some((x) => x.name === f.type)) throw new Error(`Relation to unknown model ${f.type}`);
    shape.set(
      `foreign key "${m.name}_${r.fields.join("_")}_fkey"`,
      `"${m.name}" ${cols(r.fields)} -> "${f.type}" ${cols(r.references)} ON DELETE ${onDelete} ON UPDATE ${onUpdate}`,
    );
  }
}

const RULE: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** Strip quotes and our throwaway schema's name, so `drift_x."Role"[]` reads `Role[]`. */
function normalise(sqlText: string, schemaName: string): string {
  return sqlText.split(`${schemaName}.`).join("").replace(/"/g, "");
}

/** The shape of one Postgres schema, read from pg_catalog (restricted to that schema). */
export async function introspectShape(client: TSqlClient, schemaName: string): Promise<TShape> {
  const shape: TShape = new Map();
  const q = async (sql: string) => (await client.query(sql, [schemaName])).rows;
  for (const r of await q(`SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS vals
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`)) {
    addEnum(shape, String(r.name), String(r.vals).split(", "));
  }
  for (const r of await q(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm')`)) {
    shape.set(`table "${r.name}"`, "present");
  }
  for (const r of await q(`SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type,
        a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`)) {
    const def = r.def == null ? "none" : /^nextval\(/.test(String(r.def)) ? "autoincrement" : normalise(String(r.def), schemaName);
    const type = normalise(String(r.type), schemaName);
    shape.set(`column "${r.tbl}"."${r.col}"`, `${type} ${r.notnull ? "NOT NULL" : "NULL"} default ${def}`);
  }
  for (const r of await q(`SELECT i.relname AS name, t.relname AS tbl, ix.indisunique AS uniq, ix.indisprimary AS prim,
        (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS cols
      FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = $1`)) {
    const kind = r.prim ? "primary key" : r.uniq ? "unique index" : "index";
    shape.set(`${kind} "${r.name}"`, `on "${r.tbl}" (${r.cols})`);
  }
  for (const r of await q(`SELECT c.conname AS name, t.relname AS tbl, ft.relname AS ftbl, c.confdeltype AS del, c.confupdtype AS upd,
        (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS cols,
        (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS fcols
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class ft ON ft.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND c.contype = 'f'`)) {
    shape.set(
      `foreign key "${r.name}"`,
      `"${r.tbl}" (${r.cols}) -> "${r.ftbl}" (${r.fcols}) ON DELETE ${RULE[String(r.del)]} ON UPDATE ${RULE[String(r.upd)]}`,
    );
  }
  for (const r of await q(`SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1`)) {
    shape.set(`function "${r.name}"`, "present");
  }
  return shape;
}

/**
 * Every difference between the expected and actual shapes, one readable line each:
 * `missing …` (in schema.prisma, not in the database), `extra …` (in the database only),
 * `changed …` (both, but different). Empty when they agree.
 */
export function compareShapes(expected: TShape, actual: TShape, ignoredExtras = IGNORED_EXTRAS): string[] {
  const out: string[] = [];
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (got === undefined) out.push(`missing ${key}: expected ${want}`);
    else if (got !== want) out.push(`changed ${key}: expected ${want}, found ${got}`);
  }
  for (const [key, got] of actual) {
    if (ignoredExtras.has(key) || expected.has(key)) continue;
    if (/^column "_app_migrations"\./.test(key) || /^primary key "_app_migrations_pkey"/.test(key)) continue;
    out.push(`extra ${key}: ${got}`);
  }
  return out.sort();
}
