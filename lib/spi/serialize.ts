import { FLAG_SETS } from "./output";
import { scorecardRowsFromColumns } from "./peers";
import type { TScoreColumns, TScorecard, TScorecardColumns, TSpiColumnarResult, TTravelColumn, TTravelColumns } from "./result-types";

/*
 * Streaming serialisation of a columnar result, so a national run is written without
 * building one object per row or one giant string. Pure: yields strings of about
 * CHUNK characters; the caller writes them out.
 *
 * - layout "rows": exactly the bytes of JSON.stringify(columnarToRows(result), null,
 *   indent), i.e. the default result format (scores and travel are written straight
 *   from the columns; every other field goes through JSON.stringify);
 * - layout "columnar": JSON.stringify of the columnar result with each typed array
 *   written as a JSON array (NaN → null), see docs/formats/result-columnar.schema.json.
 */

const CHUNK = 1 << 16;

export interface TJsonOptions {
  layout: "rows" | "columnar";
  /** Spaces per level as JSON.stringify's third argument; 0 or absent = compact. */
  indent?: number;
}

/** Layout helpers reproducing JSON.stringify(value, null, indent) at any depth. */
class Fmt {
  readonly colon: string;
  private pads: string[] = [];
  constructor(readonly indent: number) {
    this.colon = indent > 0 ? ": " : ":";
  }
  /** Line break and indentation before a member at depth d ("" when compact). */
  nl(d: number): string {
    if (this.indent <= 0) return "";
    return (this.pads[d] ??= "\n" + " ".repeat(d * this.indent));
  }
  /** JSON.stringify(v, null, indent) as it appears nested at depth d. */
  json(v: unknown, d: number): string {
    const s = JSON.stringify(v, null, this.indent > 0 ? this.indent : undefined) ?? "null";
    return this.indent > 0 && d > 0 ? s.replace(/\n/g, this.nl(d)) : s;
  }
  /** "{…}" of members already formatted as `"key": value` at depth d + 1. */
  object(members: string[], d: number): string {
    return members.length ? "{" + this.nl(d + 1) + members.join("," + this.nl(d + 1)) + this.nl(d) + "}" : "{}";
  }
}

/** A number as JSON.stringify writes it (non-finite → null). */
const numJson = (v: number): string => (Number.isFinite(v) ? String(v) : "null");

/** Concatenate small pieces into strings of about CHUNK characters. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buf = "";
  for (const p of pieces) {
    buf += p;
    if (buf.length >= CHUNK) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}

/** The result as JSON text, in chunks (no trailing newline). */
export function resultJsonChunks(r: TSpiColumnarResult, opts: TJsonOptions): Generator<string> {
  return batched(resultPieces(r, opts, new Fmt(opts.indent ?? 0)));
}

function* resultPieces(r: TSpiColumnarResult, opts: TJsonOptions, f: Fmt): Generator<string> {
  const rows = opts.layout === "rows";
  const fields: Array<[string, unknown]> = [
    ...(rows ? [] : ([["layout", r.layout]] as Array<[string, unknown]>)),
    ["engineVersion", r.engineVersion],
    ["frameworkId", r.frameworkId],
    ["frameworkEdition", r.frameworkEdition],
    ["inputHash", r.inputHash],
    ["options", r.options],
    ["periods", r.periods],
    ["areas", r.areas],
    ["weights", r.weights],
    ["scores", r.scores],
    ["diagnostics", r.diagnostics],
    ["travel", r.travel],
    ["strengthsWeaknesses", r.strengthsWeaknesses],
    ["aggregates", r.aggregates],
    ["uncertainty", r.uncertainty],
    ["problems", r.problems],
  ];
  yield "{";
  let first = true;
  for (const [key, value] of fields) {
    yield (first ? "" : ",") + f.nl(1) + JSON.stringify(key) + f.colon;
    first = false;
    if (key === "scores") yield* rows ? scoreRowsJson(r, f) : columnsJson(value, f, 1);
    else if (key === "travel") yield* rows ? travelRowsJson(r, f) : columnsJson(value, f, 1);
    else if (key === "strengthsWeaknesses") yield* rows ? scorecardRowsJson(r, f) : columnsJson(value, f, 1);
    else yield f.json(value, 1);
  }
  yield f.nl(0) + "}";
}

/** `[item(0), …]`: an array at depth 1 of n items (objects at depth 2), one piece per item. */
function* arrayJson(n: number, f: Fmt, item: (i: number) => string): Generator<string> {
  if (n === 0) {
    yield "[]";
    return;
  }
  yield "[";
  for (let i = 0; i < n; i++) yield (i ? "," : "") + f.nl(2) + item(i);
  yield f.nl(1) + "]";
}

/** `[row, …]` of the rows layout's scores. */
function scoreRowsJson(r: TSpiColumnarResult, f: Fmt): Generator<string> {
  const s: TScoreColumns = r.scores;
  const C = f.colon;
  const n3 = f.nl(3), n4 = f.nl(4);
  const areaJson = r.areas.map((a) => JSON.stringify(a));
  // a map of scores at depth d: fixed text between the values
  const mapOf = (cols: Record<string, Float64Array>, d: number) => {
    const keys = Object.keys(cols);
    return { cols: keys.map((k) => cols[k]), pre: keys.map((k, j) => (j ? "," : "{") + f.nl(d + 1) + JSON.stringify(k) + C), close: f.nl(d) + "}" };
  };
  const mapJson = (m: ReturnType<typeof mapOf>, row: number) => {
    let out = "";
    for (let j = 0; j < m.cols.length; j++) out += m.pre[j] + numJson(m.cols[j][row]);
    return out + m.close;
  };
  const dims = mapOf(s.dimensions, 3), comps = mapOf(s.components, 3), inds = mapOf(s.indicators, 3);
  const dimRanks = mapOf(s.ranks.dimensions, 4), compRanks = mapOf(s.ranks.components, 4);
  const flagKeys = Object.keys(s.flags);
  const flagCols = flagKeys.map((k) => s.flags[k]);
  const flagKeyJson = flagKeys.map((k) => JSON.stringify(k) + C);
  const flagJson = FLAG_SETS.map((names) => f.json(names, 4));
  const { row: reasonRow, key: reasonKey, text: reasonText } = s.reasons;
  let k = 0;
  return arrayJson(s.length, f, (row) => {
    const flags: string[] = [];
    for (let j = 0; j < flagCols.length; j++) {
      const bits = flagCols[j][row];
      if (bits) flags.push(flagKeyJson[j] + flagJson[bits]);
    }
    const reasons: string[] = [];
    for (; k < reasonRow.length && reasonRow[k] === row; k++) reasons.push(JSON.stringify(reasonKey[k]) + C + JSON.stringify(reasonText[k]));
    return "{" +
      n3 + '"area"' + C + areaJson[s.areaIndex[row]] + "," +
      n3 + '"period"' + C + r.periods[s.periodIndex[row]] + "," +
      n3 + '"index"' + C + numJson(s.index[row]) + "," +
      n3 + '"dimensions"' + C + mapJson(dims, row) + "," +
      n3 + '"components"' + C + mapJson(comps, row) + "," +
      n3 + '"indicators"' + C + mapJson(inds, row) + "," +
      n3 + '"flags"' + C + f.object(flags, 3) + "," +
      n3 + '"reasons"' + C + f.object(reasons, 3) + "," +
      n3 + '"ranks"' + C + "{" +
      n4 + '"index"' + C + numJson(s.ranks.index[row]) + "," +
      n4 + '"dimensions"' + C + mapJson(dimRanks, row) + "," +
      n4 + '"components"' + C + mapJson(compRanks, row) +
      n3 + "}" +
      f.nl(2) + "}";
  });
}

/** `[card, …]` of the rows layout's strengths and weaknesses, a few cards' objects at a time. */
function scorecardRowsJson(r: TSpiColumnarResult, f: Fmt): Generator<string> {
  const sc = r.strengthsWeaknesses;
  // first item of each card (items are ordered by card)
  const itemStart = new Int32Array(sc.length + 1);
  for (let t = 0; t < sc.items.card.length; t++) itemStart[sc.items.card[t] + 1]++;
  for (let c = 0; c < sc.length; c++) itemStart[c + 1] += itemStart[c];
  let cards: TScorecard[] = [];
  let first = 0;
  return arrayJson(sc.length, f, (c) => {
    if (c >= first + cards.length) {
      first = c;
      cards = scorecardRowsFromColumns(sliceCards(sc, c, Math.min(sc.length, c + 256), itemStart), r.areas);
    }
    return f.json(cards[c - first], 2);
  });
}

/** Cards [from, to) of scorecard columns, as scorecard columns (items re-numbered). */
function sliceCards(sc: TScorecardColumns, from: number, to: number, itemStart: Int32Array): TScorecardColumns {
  const { items } = sc;
  const [a, b] = [itemStart[from], itemStart[to]];
  return {
    ...sc,
    length: to - from,
    areaIndex: sc.areaIndex.subarray(from, to),
    noPeerValue: sc.noPeerValue.subarray(from, to),
    peerStart: sc.peerStart.subarray(from, to + 1).map((x) => x - sc.peerStart[from]),
    peerAreaIndex: sc.peerAreaIndex.subarray(sc.peerStart[from], sc.peerStart[to]),
    items: {
      card: items.card.subarray(a, b).map((c) => c - from),
      series: items.series.subarray(a, b),
      strength: items.strength.subarray(a, b),
      value: items.value.subarray(a, b),
      peerMedian: items.peerMedian.subarray(a, b),
      peerAad: items.peerAad.subarray(a, b),
    },
  };
}

const STATUS_JSON: Record<number, string> = { 1: '"improving"', 0: '"stable"', [-1]: '"worsening"' };

/** `[area, …]` of the rows layout's direction of travel. */
function travelRowsJson(r: TSpiColumnarResult, f: Fmt): Generator<string> {
  const t: TTravelColumns = r.travel;
  const C = f.colon;
  const entryJson = (c: TTravelColumn, i: number, d: number) => {
    if (c.periods[i] === 0) return "null";
    const n = f.nl(d + 1);
    return "{" + n + '"from"' + C + c.from[i] + "," + n + '"to"' + C + c.to[i] + "," + n + '"change"' + C + numJson(c.change[i]) + "," +
      n + '"slope"' + C + numJson(c.slope[i]) + "," + n + '"periods"' + C + c.periods[i] + "," + n + '"status"' + C + STATUS_JSON[c.status[i]] + f.nl(d) + "}";
  };
  const groups = [t.dimensions, t.components, t.indicators].map((g) => Object.keys(g).map((k) => ({ keyJson: JSON.stringify(k) + C, col: g[k] })));
  const n3 = f.nl(3);
  return arrayJson(t.length, f, (i) => {
    const [dims, comps, inds] = groups.map((g) => f.object(g.map((e) => e.keyJson + entryJson(e.col, i, 4)), 3));
    return "{" +
      n3 + '"area"' + C + JSON.stringify(r.areas[t.areaIndex[i]]) + "," +
      n3 + '"index"' + C + entryJson(t.index, i, 3) + "," +
      n3 + '"dimensions"' + C + dims + "," +
      n3 + '"components"' + C + comps + "," +
      n3 + '"indicators"' + C + inds +
      f.nl(2) + "}";
  });
}

type TTyped = Float64Array | Int32Array | Int8Array | Uint8Array;

/** The columnar parts: typed arrays as JSON arrays, nested plain objects member by member. */
function* columnsJson(v: unknown, f: Fmt, d: number): Generator<string> {
  if (ArrayBuffer.isView(v)) {
    yield* typedJson(v as TTyped, f, d);
    return;
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    yield f.json(v, d);
    return;
  }
  const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (let j = 0; j < keys.length; j++) {
    yield (j ? "," : "") + f.nl(d + 1) + JSON.stringify(keys[j]) + f.colon;
    yield* columnsJson((v as Record<string, unknown>)[keys[j]], f, d + 1);
  }
  yield f.nl(d) + "}";
}

function* typedJson(a: TTyped, f: Fmt, d: number): Generator<string> {
  if (a.length === 0) {
    yield "[]";
    return;
  }
  const sep = "," + f.nl(d + 1);
  const float = a instanceof Float64Array;
  yield "[" + f.nl(d + 1);
  for (let start = 0; start < a.length; start += 4096) {
    let out = start ? sep : "";
    const end = Math.min(a.length, start + 4096);
    for (let i = start; i < end; i++) out += (i > start ? sep : "") + (float ? numJson(a[i]) : String(a[i]));
    yield out;
  }
  yield f.nl(d) + "]";
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The scores table as CSV (area_code, period, index, dimensions, components,
 * indicators; full precision, empty = null), in chunks: the same text as
 * scoresToCsv(columnarToRows(result)).
 */
export function scoresCsvChunks(r: TSpiColumnarResult): Generator<string> {
  return batched(scoresCsvPieces(r));
}

function* scoresCsvPieces(r: TSpiColumnarResult): Generator<string> {
  const s = r.scores;
  const groups = s.length ? [s.dimensions, s.components, s.indicators] : [];
  const codes = groups.flatMap((g) => Object.keys(g));
  const cols = [s.index, ...groups.flatMap((g) => Object.keys(g).map((k) => g[k]))];
  yield ["area_code", "period", "index", ...codes].map(csvCell).join(",");
  const areaCell = r.areas.map(csvCell);
  for (let row = 0; row < s.length; row++) {
    let line = "\n" + areaCell[s.areaIndex[row]] + "," + r.periods[s.periodIndex[row]];
    for (const c of cols) line += "," + (c[row] === c[row] ? String(c[row]) : "");
    yield line;
  }
  yield "\n";
}
