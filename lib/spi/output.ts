import { FLAG_CARRIED, FLAG_CLAMPED_D, FLAG_CLAMPED_U, FLAG_IMPUTED } from "./carry-forward";
import type { TResolvedFramework } from "./framework";
import { componentReason, C_OK, C_TOO_MANY_MISSING } from "./impute";
import type { TRun } from "./pipeline";
import { rankByPeriod } from "./ranks";
import type { TScoreColumns } from "./result-types";
import type { TIndicatorFlag, TScoreMap, TScoreRow } from "./types";

/** NaN (internal "missing") → null (output); numbers pass through at full precision. */
export const num = (v: number): number | null => (v === v ? v : null);

/** Row indices of the run grouped by period index. */
export function rowsByPeriod(run: TRun): Int32Array[] {
  const nP = run.grid.periods.length;
  const counts = new Int32Array(nP);
  for (let r = 0; r < run.rows; r++) counts[run.rowPeriod[r]]++;
  const out = Array.from({ length: nP }, (_, p) => new Int32Array(counts[p]));
  const fill = new Int32Array(nP);
  for (let r = 0; r < run.rows; r++) out[run.rowPeriod[r]][fill[run.rowPeriod[r]]++] = r;
  return out;
}

/** Score matrices of some rows: columns of `rows` values (see TRun). */
export interface TScoredRows {
  rows: number;
  x: Float64Array;
  status: Uint8Array[];
  components: Float64Array;
  dimensions: Float64Array;
  index: Float64Array;
}

/**
 * Why each component/dimension/index of one row is null, as (key, text) calls in the
 * key order of TScoreRow.reasons (components, then dimensions, then the index).
 */
export function levelReasons(fw: TResolvedFramework, row: number, m: TScoredRows, add: (key: string, text: string) => void): void {
  const { rows, x, status, components, dimensions, index } = m;
  const isNaNAt = (arr: Float64Array, col: number) => arr[col * rows + row] !== arr[col * rows + row];
  for (const comp of fw.components) {
    const st = status[comp.index][row];
    if (st === C_OK) {
      if (isNaNAt(components, comp.index)) add(`components.${comp.code}`, "not computable");
      continue;
    }
    let missing = 0;
    for (const i of comp.indicators) if (isNaNAt(x, i)) missing++;
    add(`components.${comp.code}`, componentReason(st, comp, st === C_TOO_MANY_MISSING ? missing : undefined));
  }
  for (const dim of fw.dimensions) {
    if (!isNaNAt(dimensions, dim.index)) continue;
    const absent = dim.components.filter((c) => isNaNAt(components, c)).map((c) => fw.components[c].code);
    add(
      `dimensions.${dim.code}`,
      absent.length ? `component(s) not computable: ${absent.join(", ")}` : "power mean undefined for negative scores (clamping is off)",
    );
  }
  if (index[row] !== index[row]) {
    const absent = fw.dimensions.filter((d) => isNaNAt(dimensions, d.index)).map((d) => d.code);
    add("index", absent.length ? `dimension(s) not computable: ${absent.join(", ")}` : "power mean undefined for negative scores (clamping is off)");
  }
}

const FLAG_NAMES: Array<[number, TIndicatorFlag]> = [
  [FLAG_CARRIED, "carried"],
  [FLAG_IMPUTED, "imputed"],
  [FLAG_CLAMPED_U, "clampedUtopia"],
  [FLAG_CLAMPED_D, "clampedDystopia"],
];

/** Flag names per flag-bit combination. One shared (never mutated) array per combination, not one per cell. */
export const FLAG_SETS: TIndicatorFlag[][] = Array.from({ length: 16 }, (_, f) => FLAG_NAMES.filter(([bit]) => f & bit).map(([, name]) => name));

/** Columns of one kind keyed by code: zero-copy views of a column-major matrix. */
export function columnsByCode<T extends Float64Array | Uint8Array>(items: ReadonlyArray<{ code: string; index: number }>, matrix: T, rows: number): Record<string, T> {
  const out: Record<string, T> = {};
  for (const it of items) out[it.code] = matrix.subarray(it.index * rows, (it.index + 1) * rows) as T;
  return out;
}

/**
 * The `scores` of the result in columns (views of the run's matrices, no copy) with
 * competition ranks per period and the sparse list of reasons for null scores.
 */
export function buildScoreColumns(run: TRun): TScoreColumns {
  const { fw, rows } = run;
  const { components, dimensions, index } = run.levels;
  const byPeriod = rowsByPeriod(run);
  const rankColumns = (items: ReadonlyArray<{ code: string; index: number }>, matrix: Float64Array) => {
    const out: Record<string, Float64Array> = {};
    for (const it of items) out[it.code] = rankByPeriod(matrix.subarray(it.index * rows, (it.index + 1) * rows), 1, 0, byPeriod);
    return out;
  };
  const reasonRow: number[] = [], reasonKey: string[] = [], reasonText: string[] = [];
  const scored: TScoredRows = { rows, x: run.x, status: run.status, components, dimensions, index };
  let current = 0;
  const add = (key: string, text: string) => {
    reasonRow.push(current);
    reasonKey.push(key);
    reasonText.push(text);
  };
  const noValueKeys = fw.indicators.map((ind) => `indicators.${ind.code}`);
  for (let row = 0; row < rows; row++) {
    // any null score (indicator, component, dimension) leaves the index null too
    if (index[row] === index[row]) continue;
    current = row;
    for (let i = 0; i < noValueKeys.length; i++) if (run.r[i * rows + row] !== run.r[i * rows + row]) add(noValueKeys[i], "no value");
    levelReasons(fw, row, scored, add);
  }
  return {
    length: rows,
    areaIndex: run.rowArea,
    periodIndex: run.rowPeriod,
    index,
    dimensions: columnsByCode(fw.dimensions, dimensions, rows),
    components: columnsByCode(fw.components, components, rows),
    indicators: columnsByCode(fw.indicators, run.r, rows),
    flags: columnsByCode(fw.indicators, run.flags, rows),
    reasons: { row: Int32Array.from(reasonRow), key: reasonKey, text: reasonText },
    ranks: {
      index: rankByPeriod(index, 1, 0, byPeriod),
      dimensions: rankColumns(fw.dimensions, dimensions),
      components: rankColumns(fw.components, components),
    },
  };
}

/** The rows layout of `scores` (one object per row), equal to what the engine returns by default. */
export function scoreRowsFromColumns(s: TScoreColumns, areas: readonly string[], periods: readonly number[]): TScoreRow[] {
  const dimCodes = Object.keys(s.dimensions), compCodes = Object.keys(s.components), indCodes = Object.keys(s.indicators);
  const out: TScoreRow[] = new Array(s.length);
  let k = 0;
  for (let row = 0; row < s.length; row++) {
    const dims: TScoreMap = {};
    const comps: TScoreMap = {};
    const inds: TScoreMap = {};
    const dimR: TScoreMap = {};
    const compR: TScoreMap = {};
    const flags: Record<string, TIndicatorFlag[]> = {};
    const reasons: Record<string, string> = {};
    for (const c of dimCodes) {
      dims[c] = num(s.dimensions[c][row]);
      dimR[c] = num(s.ranks.dimensions[c][row]);
    }
    for (const c of compCodes) {
      comps[c] = num(s.components[c][row]);
      compR[c] = num(s.ranks.components[c][row]);
    }
    for (const c of indCodes) {
      inds[c] = num(s.indicators[c][row]);
      const f = s.flags[c][row];
      if (f) flags[c] = FLAG_SETS[f];
    }
    for (; k < s.reasons.row.length && s.reasons.row[k] === row; k++) reasons[s.reasons.key[k]] = s.reasons.text[k];
    out[row] = {
      area: areas[s.areaIndex[row]],
      period: periods[s.periodIndex[row]],
      index: num(s.index[row]),
      dimensions: dims,
      components: comps,
      indicators: inds,
      flags,
      reasons,
      ranks: { index: num(s.ranks.index[row]), dimensions: dimR, components: compR },
    };
  }
  return out;
}

/** Weights used per component, 0–100 basis: { componentCode: { indicatorCode: v } }. */
export function weightsMap(run: TRun): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of run.fw.components) out[c.code] = vectorMap(run.fw, c.indicators, run.weights[c.index].v);
  return out;
}

/** Map a per-indicator vector of a component to { indicatorCode: value }. */
export function vectorMap(fw: TResolvedFramework, idx: number[], v: ArrayLike<number>): Record<string, number> {
  const m: Record<string, number> = {};
  idx.forEach((i, j) => (m[fw.indicators[i].code] = v[j]));
  return m;
}
