/**
 * Query parsing for the public API: a closed list of parameters per endpoint (an unknown or
 * repeated one is a 400 naming it), size limits, and offset/cursor pagination. Pure.
 */

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
const MAX_QUERY_LENGTH = 2048;
const MAX_VALUE_LENGTH = 100;

export type TParamKind = "string" | "integer";
export type TQuerySpec = Record<string, TParamKind>;

export type TParsedQuery =
  | { ok: true; filters: Record<string, string | number>; limit: number; offset: number }
  | { ok: false; parameter: string; detail: string };

const fail = (parameter: string, detail: string): TParsedQuery => ({ ok: false, parameter, detail });

/** The opaque cursor for an offset (base64url of "o:<n>"). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

function decodeCursor(c: string): number | null {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(c, "base64url").toString());
  return m ? Number(m[1]) : null;
}

/**
 * Parse `url`'s query against `spec` (filters) plus `limit` (1–1000, default 100), and `offset`
 * or `cursor` (not both). With `paginated` false, only the filters are allowed.
 */
export function parseQuery(url: URL, spec: TQuerySpec, paginated = true): TParsedQuery {
  if (url.search.length > MAX_QUERY_LENGTH) return fail("query", `The query string is longer than ${MAX_QUERY_LENGTH} characters.`);
  const allowed = paginated ? { ...spec, limit: "integer", offset: "integer", cursor: "string" } : spec;
  const filters: Record<string, string | number> = {};
  const seen = new Set<string>();
  let limit = DEFAULT_LIMIT;
  let offset = 0;
  for (const [key, value] of url.searchParams) {
    if (!(key in allowed)) {
      const names = Object.keys(allowed);
      return fail(key, `Unknown query parameter "${key}".${names.length ? ` Allowed: ${names.join(", ")}.` : " This endpoint takes none."}`);
    }
    if (seen.has(key)) return fail(key, `The query parameter "${key}" was given more than once.`);
    seen.add(key);
    if (value.length === 0 || value.length > MAX_VALUE_LENGTH) return fail(key, `"${key}" must be 1 to ${MAX_VALUE_LENGTH} characters.`);
    if (key === "cursor") {
      const o = decodeCursor(value);
      if (o === null) return fail(key, `"cursor" is not a cursor this API gave out; use the "next" link of the previous page.`);
      offset = o;
      continue;
    }
    const kind = (allowed as Record<string, TParamKind>)[key];
    if (kind === "integer") {
      if (!/^\d{1,9}$/.test(value)) return fail(key, `"${key}" must be a whole number, got "${value}".`);
      const n = Number(value);
      if (key === "limit") {
        if (n < 1 || n > MAX_LIMIT) return fail(key, `"limit" must be between 1 and ${MAX_LIMIT}, got ${n}.`);
        limit = n;
      } else if (key === "offset") offset = n;
      else filters[key] = n;
    } else filters[key] = value;
  }
  if (seen.has("offset") && seen.has("cursor")) return fail("cursor", `Give "offset" or "cursor", not both.`);
  return { ok: true, filters, limit, offset };
}

/** One page of rows with the pagination facts (and the next page's URL, or null). */
export function paginate<T>(rows: T[], q: { limit: number; offset: number }, url: URL) {
  const page = rows.slice(q.offset, q.offset + q.limit);
  const nextOffset = q.offset + q.limit;
  let next: string | null = null;
  if (nextOffset < rows.length) {
    const u = new URL(url.toString());
    u.searchParams.delete("offset");
    u.searchParams.set("cursor", encodeCursor(nextOffset));
    next = `${u.pathname}${u.search}`;
  }
  return { data: page, pagination: { total: rows.length, limit: q.limit, offset: q.offset, returned: page.length, next } };
}
