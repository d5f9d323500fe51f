/**
 * A small offline validator of the Frictionless rules our data packages rely on (Data Package
 * v1 and Table Schema v1): descriptor shape, resource names and paths, licences, table schemas
 * (field names and types, primary keys), and a CSV's header and cells against its schema.
 * Returns a list of problems; empty means valid. Pure.
 */

const NAME = /^[a-z0-9._-]+$/;
const FIELD_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "date", "datetime", "year", "any"]);

interface TField {
  name?: unknown;
  type?: unknown;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}

/** Problems with a data package descriptor (empty: valid). */
export function validateDescriptor(d: unknown): string[] {
  const out: string[] = [];
  if (!d || typeof d !== "object") return ["descriptor must be a JSON object"];
  const p = d as Record<string, unknown>;
  if (typeof p.name !== "string" || !NAME.test(p.name)) out.push("name must be lower-case letters, digits, '.', '_' or '-'");
  if (!Array.isArray(p.licenses) || p.licenses.length === 0) out.push("licenses must be a non-empty array");
  else p.licenses.forEach((l, i) => {
    const lic = l as Record<string, unknown>;
    if (typeof lic.name !== "string" && typeof lic.path !== "string") out.push(`licenses[${i}] needs a name or a path`);
  });
  if (!Array.isArray(p.resources) || p.resources.length === 0) return [...out, "resources must be a non-empty array"];
  const names = new Set<string>();
  p.resources.forEach((r, i) => {
    const res = r as Record<string, unknown>;
    const at = `resources[${i}]`;
    if (typeof res.name !== "string" || !NAME.test(res.name)) out.push(`${at}.name is missing or not a valid name`);
    else if (names.has(res.name)) out.push(`${at}.name "${res.name}" is not unique`);
    else names.add(res.name);
    if (typeof res.path !== "string" && res.data === undefined) out.push(`${at} needs a path or data`);
    if (typeof res.path === "string" && (res.path.startsWith("/") || res.path.includes(".."))) out.push(`${at}.path must be relative and stay inside the package`);
    if (res.profile === "tabular-data-resource") out.push(...validateSchema(res.schema).map((m) => `${at}.schema: ${m}`));
  });
  return out;
}

/** Problems with a table schema. */
export function validateSchema(s: unknown): string[] {
  if (!s || typeof s !== "object") return ["a tabular resource needs a schema object"];
  const fields = (s as { fields?: unknown }).fields;
  if (!Array.isArray(fields) || fields.length === 0) return ["fields must be a non-empty array"];
  const out: string[] = [];
  const seen = new Set<string>();
  (fields as TField[]).forEach((f, i) => {
    if (typeof f.name !== "string" || f.name === "") out.push(`fields[${i}].name is required`);
    else if (seen.has(f.name)) out.push(`fields[${i}].name "${f.name}" is not unique`);
    else seen.add(f.name);
    if (f.type !== undefined && (typeof f.type !== "string" || !FIELD_TYPES.has(f.type))) out.push(`fields[${i}].type "${String(f.type)}" is not a Table Schema type`);
  });
  const pk = (s as { primaryKey?: unknown }).primaryKey;
  if (pk !== undefined) {
    const keys = typeof pk === "string" ? [pk] : Array.isArray(pk) ? pk : null;
    if (!keys) out.push("primaryKey must be a string or an array of strings");
    else for (const k of keys) if (!seen.has(k)) out.push(`primaryKey names "${k}", which is not a field`);
  }
  return out;
}

function cellOk(type: string, v: string): boolean {
  if (type === "integer") return /^-?\d+$/.test(v);
  if (type === "number") return /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v);
  if (type === "boolean") return v === "true" || v === "false";
  return true;
}

/**
 * Problems with parsed CSV rows (the first row is the header) against a table schema: the header
 * must list the fields in order; every cell must be missing (a missingValues entry) or of its
 * field's type, required fields present, enums respected, primary keys unique. At most 20 reported.
 */
export function validateTable(rows: string[][], schema: { fields: TField[]; primaryKey?: string[]; missingValues?: string[] }): string[] {
  const out: string[] = [];
  const names = schema.fields.map((f) => String(f.name));
  const header = rows[0] ?? [];
  if (header.join(",") !== names.join(",")) return [`header "${header.join(",")}" does not match the schema's fields "${names.join(",")}"`];
  const missing = new Set(schema.missingValues ?? [""]);
  const pk = (schema.primaryKey ?? []).map((k) => names.indexOf(k));
  const keys = new Set<string>();
  for (let r = 1; r < rows.length && out.length < 20; r++) {
    const row = rows[r];
    if (row.length !== names.length) {
      out.push(`row ${r + 1} has ${row.length} cells, not ${names.length}`);
      continue;
    }
    schema.fields.forEach((f, c) => {
      const v = row[c];
      if (missing.has(v)) {
        if (f.constraints?.required) out.push(`row ${r + 1}: ${names[c]} is required`);
        return;
      }
      if (!cellOk(String(f.type ?? "string"), v)) out.push(`row ${r + 1}: ${names[c]} "${v}" is not a ${String(f.type)}`);
      if (f.constraints?.enum && !f.constraints.enum.includes(v)) out.push(`row ${r + 1}: ${names[c]} "${v}" is not one of ${f.constraints.enum.join(", ")}`);
      if (f.constraints?.minimum !== undefined && Number(v) < f.constraints.minimum) out.push(`row ${r + 1}: ${names[c]} ${v} is below ${f.constraints.minimum}`);
    });
    if (pk.length) {
      const key = pk.map((i) => row[i]).join("\u0000");
      if (keys.has(key)) out.push(`row ${r + 1}: primary key (${schema.primaryKey!.join(", ")}) repeats`);
      keys.add(key);
    }
  }
  return out;
}
