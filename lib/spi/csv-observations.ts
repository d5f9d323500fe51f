import { columnRoles, readSimpleLine, type TSimpleLine } from "./csv-fast";
import { parseNumber, readRecord } from "./csv-records";
import type { TObservationColumns, TProblem } from "./types";

const MAX_PROBLEMS = 100;

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
