import { columnRoles, readSimpleLine, type TSimpleLine } from "./csv-fast";
import type { TSpiResult } from "./result-types";
import type { TArea, TObservationColumns, TProblem } from "./types";

/*
 * CSV reading for the standard formats (RFC 4180: comma separator, double-quote
 * quoting with "" escapes, CRLF or LF). Pure: takes strings, so the CLI streams a
 * file into it chunk by chunk. The observation parser has a fast path for lines
 * without quotes (the common case) and interns codes, storing rows in typed arrays.
 */

const MAX_PROBLEMS = 100;

/**
 * Parse one quoted-or-plain record starting at `pos`. Returns the fields and the
 * index after the record's line end, or null if the record is not complete in
 * `text` (and `final` is false).
 */
export function readRecord(text: string, pos: number, final: boolean): { fields: string[]; next: number; newlines: number } | null {
  const fields: string[] = [];
  let field = "";
  let i = pos;
  let newlines = 0;
  const n = text.length;
  for (;;) {
    if (i < n && text.charCodeAt(i) === 34) {
      // quoted field
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          if (!final) return null;
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) newlines++;
        if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return null;
        i = q + 1;
        break;
      }
      // characters between the closing quote and the separator are kept (lenient)
      while (i < n && text.charCodeAt(i) !== 44 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) field += text[i++];
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    fields.push(field);
    field = "";
    if (i >= n) {
      if (!final) return null;
      return { fields, next: n, newlines };
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
    else if (i >= n && !final) return null;
    return { fields, next: i, newlines: newlines + 1 };
  }
}

/** All records of a small CSV text (used for the areas file). */
export function parseRecords(text: string): string[][] {
  const out: string[][] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length) {
    const rec = readRecord(text, pos, true)!;
    if (!(rec.fields.length === 1 && rec.fields[0].trim() === "")) out.push(rec.fields);
    pos = rec.next;
  }
  return out;
}

const NUMBER_RE = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Parse a decimal number; null for empty/whitespace; NaN when not a plain decimal. */
export function parseNumber(s: string): number | null {
  if (s.trim() === "") return null;
  return NUMBER_RE.test(s) ? Number(s) : NaN;
}

export interface TObservationsParse {
  columns: TObservationColumns;
  problems: TProblem[];
  /** Data rows read (header excluded, blank lines skipped). */
  rows: number;
}

/**
 * Streaming parser for `area_code,indicator_code,period,value` (header required,
 * extra columns ignored, empty value = missing). push() text or pushBytes() UTF-8
 * chunks of any size, then end(). Memory: ~20 bytes per row plus one string per
 * distinct code.
 *
 * Bytes are read line by line without decoding (csv-fast.ts); a line the fast path
 * does not take is decoded and goes the general way. From the first line with a
 * double quote on (quoted fields may span lines), the rest of the input is decoded and
 * read as text. Text pushed in byte mode is encoded to UTF-8 first.
 */
export function createObservationsCsvParser() {
  let carry = "";
  let header: number[] | null = null;
  let roles: Int8Array | null = null;
  let failed = false;
  let line = 0;
  let cap = 1 << 16;
  let n = 0;
  let area = new Int32Array(cap), indicator = new Int32Array(cap), period = new Int32Array(cap);
  let value = new Float64Array(cap);
  const areaIds = new Map<string, number>(), indIds = new Map<string, number>();
  const areaCodes: string[] = [], indicatorCodes: string[] = [];
  const problems: TProblem[] = [];
  let problemCount = 0;
  const problem = (p: Omit<TProblem, "severity">) => {
    if (problemCount++ < MAX_PROBLEMS) problems.push({ severity: "error", ...p });
  };
  const grow = () => {
    cap *= 2;
    const a2 = new Int32Array(cap), i2 = new Int32Array(cap), p2 = new Int32Array(cap), v2 = new Float64Array(cap);
    a2.set(area);
    i2.set(indicator);
    p2.set(period);
    v2.set(value);
    area = a2; indicator = i2; period = p2; value = v2;
  };
  const intern = (map: Map<string, number>, list: string[], s: string) => {
    let id = map.get(s);
    if (id === undefined) {
      // copy, so the code does not keep the whole input chunk alive as a sliced string
      const own = JSON.parse(JSON.stringify(s)) as string;
      id = list.push(own) - 1;
      map.set(own, id);
    }
    return id;
  };
  const onHeader = (fields: string[]) => {
    const names = fields.map((f, k) => (k === 0 ? f.replace(/^\uFEFF/, "") : f).trim().toLowerCase());
    const need = ["area_code", "indicator_code", "period", "value"];
    const idx = need.map((c) => names.indexOf(c));
    need.forEach((c, k) => {
      if (idx[k] < 0) problem({ line: 1, column: c, message: `missing required column "${c}" (header: ${names.join(",")})` });
    });
    if (idx.some((k) => k < 0)) failed = true;
    else roles = columnRoles(idx);
    header = idx;
  };
  const onRow = (fields: string[]) => {
    const h = header!;
    if (fields.length === 1 && fields[0].trim() === "") return;
    const [ai, ii, pi, vi] = h;
    const max = Math.max(ai, ii, pi, vi);
    if (fields.length <= max) return problem({ line, message: `expected at least ${max + 1} columns, found ${fields.length}` });
    const a = fields[ai].trim(), ind = fields[ii].trim(), ps = fields[pi].trim(), vs = fields[vi];
    if (a === "") return problem({ line, column: "area_code", message: "empty area code" });
    if (ind === "") return problem({ line, column: "indicator_code", message: "empty indicator code" });
    const p = /^[-+]?\d{1,6}$/.test(ps) ? Number(ps) : NaN;
    if (p !== p) return problem({ line, column: "period", message: `period must be an integer year, got "${ps}"` });
    const v = parseNumber(vs);
    if (v !== null && !Number.isFinite(v)) return problem({ line, column: "value", message: `value must be a number or empty (missing), got "${vs}"` });
    if (n === cap) grow();
    area[n] = intern(areaIds, areaCodes, a);
    indicator[n] = intern(indIds, indicatorCodes, ind);
    period[n] = p;
    value[n] = v === null ? NaN : v;
    n++;
  };
  const onRecord = (fields: string[]) => {
    if (failed) return;
    if (!header) onHeader(fields);
    else onRow(fields);
  };
  /** Text mode: read complete records of `carry` (all of it when final). */
  const consume = (final: boolean) => {
    const buf = carry;
    let pos = 0;
    let nextQuote = buf.indexOf('"');
    const len = buf.length;
    while (pos < len) {
      let nl = buf.indexOf("\n", pos);
      if (nl < 0) {
        if (!final) break;
        nl = len;
      }
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      line++;
      if (nextQuote >= 0 && nextQuote < nl) {
        const rec = readRecord(buf, pos, final);
        if (!rec) {
          line--;
          break;
        }
        onRecord(rec.fields);
        line += Math.max(0, rec.newlines - 1);
        pos = rec.next;
        continue;
      }
      const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onRecord(buf.slice(pos, end).split(","));
      pos = nl + 1;
    }
    carry = pos >= len ? "" : buf.slice(pos);
  };

  // Byte mode. Codes are matched in place against the previous line's area and the
  // indicator that usually comes next before any decoding or lookup.
  let textMode = false;
  let carryBytes = new Uint8Array(0);
  let pendingHigh = "";
  const encoder = new TextEncoder();
  const streamDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const lineDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const simple: TSimpleLine = { areaStart: 0, areaEnd: 0, indStart: 0, indEnd: 0, period: 0, value: 0 };
  const areaBytes: Uint8Array[] = [], indBytes: Uint8Array[] = [];
  let lastArea = -1, lastInd = -1;
  const same = (b: Uint8Array, start: number, end: number, code: Uint8Array | undefined) => {
    if (code === undefined || code.length !== end - start) return false;
    for (let k = 0; k < code.length; k++) if (b[start + k] !== code[k]) return false;
    return true;
  };
  const codeId = (b: Uint8Array, start: number, end: number, map: Map<string, number>, list: string[], bytesOf: Uint8Array[]) => {
    const id = intern(map, list, lineDecoder.decode(b.subarray(start, end)));
    bytesOf[id] ??= b.slice(start, end);
    return id;
  };
  const onSimple = (b: Uint8Array, l: TSimpleLine) => {
    if (!same(b, l.areaStart, l.areaEnd, areaBytes[lastArea])) lastArea = codeId(b, l.areaStart, l.areaEnd, areaIds, areaCodes, areaBytes);
    const next = lastInd + 1 < indicatorCodes.length ? lastInd + 1 : 0;
    if (same(b, l.indStart, l.indEnd, indBytes[next])) lastInd = next;
    else if (!same(b, l.indStart, l.indEnd, indBytes[lastInd])) lastInd = codeId(b, l.indStart, l.indEnd, indIds, indicatorCodes, indBytes);
    if (n === cap) grow();
    area[n] = lastArea;
    indicator[n] = lastInd;
    period[n] = l.period;
    value[n] = l.value;
    n++;
  };
  const toText = (rest: Uint8Array, final: boolean) => {
    textMode = true;
    carry = streamDecoder.decode(rest, { stream: !final }) + (final ? streamDecoder.decode() : "");
    consume(final);
  };
  const consumeBytes = (b: Uint8Array, final: boolean) => {
    let pos = 0;
    let nextQuote = b.indexOf(34);
    const len = b.length;
    while (pos < len) {
      let nl = b.indexOf(10, pos);
      if (nl < 0) {
        if (!final) break;
        nl = len;
      }
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = b.indexOf(34, pos);
      if (nextQuote >= 0 && nextQuote < nl) return toText(b.subarray(pos), final);
      line++;
      const end = nl > pos && b[nl - 1] === 13 ? nl - 1 : nl;
      if (roles && !failed && readSimpleLine(b, pos, end, roles, simple)) onSimple(b, simple);
      else onRecord(lineDecoder.decode(b.subarray(pos, end)).split(","));
      pos = nl + 1;
    }
    carryBytes = pos >= len ? new Uint8Array(0) : b.slice(pos);
  };
  const pushBytes = (bytes: Uint8Array) => {
    // a plain Uint8Array view (not a Buffer subclass): one element kind in the hot loops
    const chunk = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (textMode) {
      carry += streamDecoder.decode(chunk, { stream: true });
      return consume(false);
    }
    let b = chunk;
    if (carryBytes.length) {
      b = new Uint8Array(carryBytes.length + chunk.length);
      b.set(carryBytes);
      b.set(chunk, carryBytes.length);
    }
    consumeBytes(b, false);
  };
  return {
    push(chunk: string) {
      if (textMode) {
        carry = carry + chunk;
        return consume(false);
      }
      // a surrogate pair split across chunks must be encoded whole
      let text = pendingHigh + chunk;
      const last = text.charCodeAt(text.length - 1);
      pendingHigh = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : "";
      if (pendingHigh) text = text.slice(0, -1);
      pushBytes(encoder.encode(text));
    },
    pushBytes,
    end(): TObservationsParse {
      if (pendingHigh) pushBytes(encoder.encode(pendingHigh));
      if (textMode) {
        carry += streamDecoder.decode();
        consume(true);
      } else consumeBytes(carryBytes, true);
      if (!header) problem({ line: 1, message: "empty file: no header row" });
      if (problemCount > MAX_PROBLEMS) problems.push({ severity: "error", message: `${problemCount - MAX_PROBLEMS} more problems not listed` });
      return {
        columns: { areaCodes, indicatorCodes, area: area.slice(0, n), indicator: indicator.slice(0, n), period: period.slice(0, n), value: value.slice(0, n), length: n },
        problems,
        rows: n,
      };
    },
  };
}

/** Parse a whole observations CSV held in memory. */
export function parseObservationsCsv(text: string): TObservationsParse {
  const p = createObservationsCsvParser();
  p.push(text);
  return p.end();
}

/** Parse `area_code,area_name,parent_code,population,peer_value` (only area_code required). */
export function parseAreasCsv(text: string): { areas: TArea[]; problems: TProblem[] } {
  const recs = parseRecords(text);
  const problems: TProblem[] = [];
  if (recs.length === 0) return { areas: [], problems: [{ severity: "error", line: 1, message: "empty file: no header row" }] };
  const names = recs[0].map((f) => f.trim().toLowerCase());
  const col = (c: string) => names.indexOf(c);
  const [ci, ni, pi, popi, pvi] = ["area_code", "area_name", "parent_code", "population", "peer_value"].map(col);
  if (ci < 0) return { areas: [], problems: [{ severity: "error", line: 1, column: "area_code", message: 'missing required column "area_code"' }] };
  const areas: TArea[] = [];
  recs.slice(1).forEach((f, k) => {
    const line = k + 2;
    const get = (i: number) => (i >= 0 && i < f.length ? f[i].trim() : "");
    const num = (i: number, column: string) => {
      const v = parseNumber(get(i));
      if (v !== null && !Number.isFinite(v)) {
        problems.push({ severity: "error", line, column, message: `not a number: "${get(i)}"` });
        return null;
      }
      return v;
    };
    const code = get(ci);
    if (!code) return problems.push({ severity: "error", line, column: "area_code", message: "empty area code" });
    areas.push({ code, name: get(ni) || null, parent: get(pi) || null, population: num(popi, "population"), peerValue: num(pvi, "peer_value") });
  });
  return { areas, problems };
}

function csvCell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The result's scores as one CSV table: area, period, index, dimensions, components, indicators (full precision). */
export function scoresToCsv(result: TSpiResult): string {
  const first = result.scores[0];
  const dimCodes = first ? Object.keys(first.dimensions) : [];
  const compCodes = first ? Object.keys(first.components) : [];
  const indCodes = first ? Object.keys(first.indicators) : [];
  const lines = [["area_code", "period", "index", ...dimCodes, ...compCodes, ...indCodes].map(csvCell).join(",")];
  for (const s of result.scores) {
    lines.push(
      [s.area, s.period, s.index, ...dimCodes.map((c) => s.dimensions[c]), ...compCodes.map((c) => s.components[c]), ...indCodes.map((c) => s.indicators[c])]
        .map(csvCell)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}
