import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * A parser for the subset of the Prisma schema language that prisma/schema.prisma uses.
 *
 * Prisma Migrate cannot run on our machines, so the drift test, the tenant-model test and the
 * generated schema docs read schema.prisma through this instead. It is deliberately strict:
 * an attribute or block it does not understand is an error (with the line number), because
 * silently ignoring e.g. `@map` would let the drift test pass against the wrong column name.
 */

export type TFieldKind = "scalar" | "enum" | "object";

/** A default value: a function call such as now() / cuid() / autoincrement(), or a literal. */
export type TDefault =
  | { kind: "function"; name: string; args: string[] }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "enumValue"; value: string };

export interface TRelation {
  /** the relation name, when disambiguating (e.g. a self-relation) */
  name?: string;
  /** the foreign-key fields on this model; empty on the back-relation side */
  fields: string[];
  references: string[];
  /** as written: Cascade, Restrict, SetNull, NoAction, SetDefault; undefined = Prisma's default */
  onDelete?: string;
  onUpdate?: string;
}

export interface TField {
  name: string;
  /** the type name without `?` or `[]`: String, Int, Role, Council… */
  type: string;
  kind: TFieldKind;
  isList: boolean;
  isOptional: boolean;
  isId: boolean;
  isUnique: boolean;
  default?: TDefault;
  isUpdatedAt: boolean;
  relation?: TRelation;
  doc?: string;
}

export interface TModel {
  name: string;
  doc?: string;
  fields: TField[];
  /** @@id([...]) fields, when the primary key is compound */
  compoundId?: string[];
  /** @@unique([...]) field lists, in source order */
  uniques: string[][];
  /** @@index([...]) field lists, in source order */
  indexes: string[][];
}

export interface TEnum {
  name: string;
  doc?: string;
  values: string[];
}

export interface TSchema {
  enums: TEnum[];
  models: TModel[];
}

export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");

export const SCALAR_TYPES = ["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Float", "Decimal", "Bytes"];

/** Read and parse prisma/schema.prisma (or another file). */
export function readSchema(file = SCHEMA_PATH): TSchema {
  return parseSchema(readFileSync(file, "utf8"));
}

class SchemaSyntaxError extends Error {
  constructor(line: number, message: string) {
    super(`schema.prisma line ${line}: ${message}`);
    this.name = "SchemaSyntaxError";
  }
}

/** Remove a `//` comment (but not `///`, handled by the caller) that is outside a string. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && inString) i++;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

/** Split on a separator at nesting depth 0, outside strings. */
function splitTopLevel(s: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === sep && depth === 0) {
      parts.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

interface TAttribute {
  name: string;
  positional: string[];
  named: Record<string, string>;
}

/** Split the text after a field's type (or a `@@` line) into attributes with their arguments. */
function parseAttributes(text: string, line: number): TAttribute[] {
  const attrs: TAttribute[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    if (text[i] !== "@") throw new SchemaSyntaxError(line, `unexpected "${text.slice(i)}"`);
    const m = /^@@?[A-Za-z_][\w.]*/.exec(text.slice(i));
    if (!m) throw new SchemaSyntaxError(line, `bad attribute "${text.slice(i)}"`);
    i += m[0].length;
    let argText = "";
    if (text[i] === "(") {
      let depth = 0;
      let inString = false;
      const start = i;
      for (; i < text.length; i++) {
        const ch = text[i];
        if (inString) {
          if (ch === "\\") i++;
          else if (ch === '"') inString = false;
        } else if (ch === '"') inString = true;
        else if (ch === "(") depth++;
        else if (ch === ")" && --depth === 0) break;
      }
      if (depth !== 0) throw new SchemaSyntaxError(line, `unbalanced parentheses in ${m[0]}`);
      argText = text.slice(start + 1, i);
      i++;
    }
    const attr: TAttribute = { name: m[0], positional: [], named: {} };
    for (const arg of splitTopLevel(argText, ",")) {
      const kv = /^([A-Za-z_]\w*)\s*:\s*([\s\S]+)$/.exec(arg);
      if (kv) attr.named[kv[1]] = kv[2].trim();
      else attr.positional.push(arg);
    }
    attrs.push(attr);
  }
  return attrs;
}

/** `[a, b]` → ["a", "b"] */
function parseList(value: string | undefined, line: number): string[] {
  if (value === undefined) return [];
  const v = value.trim();
  if (!v.startsWith("[") || !v.endsWith("]")) throw new SchemaSyntaxError(line, `expected a list, got ${v}`);
  return splitTopLevel(v.slice(1, -1), ",");
}

function parseDefault(value: string, line: number): TDefault {
  const fn = /^([A-Za-z_]\w*)\(([\s\S]*)\)$/.exec(value);
  if (fn) return { kind: "function", name: fn[1], args: splitTopLevel(fn[2], ",") };
  if (value === "true" || value === "false") return { kind: "literal", value: value === "true" };
  if (/^-?\d+(\.\d+)?$/.test(value)) return { kind: "literal", value: Number(value) };
  if (/^"([^"\\]|\\.)*"$/.test(value)) return { kind: "literal", value: JSON.parse(value) as string };
  if (/^[A-Za-z_]\w*$/.test(value)) return { kind: "enumValue", value };
  throw new SchemaSyntaxError(line, `unsupported default ${value}`);
}

function parseField(text: string, doc: string | undefined, line: number): TField {
  const m = /^([A-Za-z_]\w*)\s+([A-Za-z_]\w*)(\[\])?(\?)?\s*(.*)$/.exec(text);
  if (!m) throw new SchemaSyntaxError(line, `cannot read field "${text}"`);
  const field: TField = {
    name: m[1],
    type: m[2],
    kind: "scalar", // resolved once every enum and model name is known
    isList: Boolean(m[3]),
    isOptional: Boolean(m[4]),
    isId: false,
    isUnique: false,
    isUpdatedAt: false,
    ...(doc ? { doc } : {}),
  };
  for (const a of parseAttributes(m[5], line)) {
    if (a.name === "@id") field.isId = true;
    else if (a.name === "@unique") field.isUnique = true;
    else if (a.name === "@updatedAt") field.isUpdatedAt = true;
    else if (a.name === "@default") field.default = parseDefault(a.positional[0] ?? "", line);
    else if (a.name === "@relation") {
      const name = a.positional[0] ?? a.named.name;
      field.relation = {
        ...(name ? { name: JSON.parse(name) as string } : {}),
        fields: parseList(a.named.fields, line),
        references: parseList(a.named.references, line),
        ...(a.named.onDelete ? { onDelete: a.named.onDelete } : {}),
        ...(a.named.onUpdate ? { onUpdate: a.named.onUpdate } : {}),
      };
    } else throw new SchemaSyntaxError(line, `unsupported field attribute ${a.name} on ${field.name}`);
  }
  return field;
}

function applyBlockAttribute(model: TModel, text: string, line: number): void {
  for (const a of parseAttributes(text, line)) {
    if (!["@@id", "@@unique", "@@index"].includes(a.name)) {
      throw new SchemaSyntaxError(line, `unsupported block attribute ${a.name} on ${model.name}`);
    }
    const fields = parseList(a.positional[0] ?? a.named.fields, line);
    if (a.name === "@@id") model.compoundId = fields;
    else if (a.name === "@@unique") model.uniques.push(fields);
    else model.indexes.push(fields);
  }
}

/** Parse schema source text. Throws with a line number on anything outside the supported subset. */
export function parseSchema(source: string): TSchema {
  const schema: TSchema = { enums: [], models: [] };
  const lines = source.split(/\r?\n/);
  let docLines: string[] = [];
  let current: { kind: "model"; model: TModel } | { kind: "enum"; en: TEnum } | { kind: "skip" } | null = null;
  const takeDoc = () => {
    const doc = docLines.join("\n").trim();
    docLines = [];
    return doc || undefined;
  };
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    const trimmed = raw.trim();
    const docMatch = /^\/\/\/\s?(.*)$/.exec(trimmed);
    if (docMatch) {
      docLines.push(docMatch[1]);
      return;
    }
    const text = stripComment(trimmed).trim();
    if (!text) {
      // a blank line detaches a doc comment from what follows, as in Prisma
      if (!trimmed) docLines = [];
      return;
    }
    if (!current) {
      const open = /^(model|enum|generator|datasource)\s+([A-Za-z_]\w*)\s*\{$/.exec(text);
      if (!open) throw new SchemaSyntaxError(line, `expected a block, got "${text}"`);
      const doc = takeDoc();
      if (open[1] === "model") {
        const model: TModel = { name: open[2], ...(doc ? { doc } : {}), fields: [], uniques: [], indexes: [] };
        schema.models.push(model);
        current = { kind: "model", model };
      } else if (open[1] === "enum") {
        const en: TEnum = { name: open[2], ...(doc ? { doc } : {}), values: [] };
        schema.enums.push(en);
        current = { kind: "enum", en };
      } else current = { kind: "skip" };
      return;
    }
    if (text === "}") {
      current = null;
      docLines = [];
      return;
    }
    if (current.kind === "skip") return;
    if (current.kind === "enum") {
      if (!/^[A-Za-z_]\w*$/.test(text)) throw new SchemaSyntaxError(line, `unsupported enum entry "${text}"`);
      current.en.values.push(text);
      docLines = [];
      return;
    }
    if (text.startsWith("@@")) applyBlockAttribute(current.model, text, line);
    else current.model.fields.push(parseField(text, takeDoc(), line));
  });
  if (current) throw new SchemaSyntaxError(lines.length, "unclosed block");
  resolveKinds(schema);
  return schema;
}

function resolveKinds(schema: TSchema): void {
  const enums = new Set(schema.enums.map((e) => e.name));
  const models = new Set(schema.models.map((m) => m.name));
  for (const model of schema.models) {
    for (const f of model.fields) {
      if (enums.has(f.type)) f.kind = "enum";
      else if (models.has(f.type)) f.kind = "object";
      else if (SCALAR_TYPES.includes(f.type)) f.kind = "scalar";
      else throw new Error(`schema.prisma: unknown type ${f.type} of ${model.name}.${f.name}`);
      if (f.relation && f.kind !== "object") throw new Error(`schema.prisma: @relation on non-relation field ${model.name}.${f.name}`);
    }
  }
}

/** Look a model up by name, or throw (for callers that know it must exist). */
export function getModel(schema: TSchema, name: string): TModel {
  const m = schema.models.find((x) => x.name === name);
  if (!m) throw new Error(`No model ${name} in schema.prisma`);
  return m;
}
