import type { TRun } from "./pipeline";
import type { TTravel, TTravelColumn, TTravelColumns, TTravelEntry } from "./result-types";

const STATUS: Record<number, TTravelEntry["status"]> = { 1: "improving", 0: "stable", [-1]: "worsening" };

/**
 * Core of travelEntry on values[off … off + len): writes [from, to, change, slope,
 * periods] into `out` and returns true, or false with fewer than 2 scored points.
 */
function travelInto(years: ArrayLike<number>, values: ArrayLike<number>, off: number, len: number, out: Float64Array): boolean {
  let n = 0, sx = 0, sy = 0;
  let last = -1, prev = -1;
  for (let k = 0; k < len; k++) {
    const v = values[off + k];
    if (v !== v) continue;
    n++;
    sx += years[k];
    sy += v;
    prev = last;
    last = k;
  }
  if (n < 2) return false;
  const mx = sx / n, my = sy / n;
  let sxy = 0, sxx = 0;
  for (let k = 0; k < len; k++) {
    const v = values[off + k];
    if (v !== v) continue;
    sxy += (years[k] - mx) * (v - my);
    sxx += (years[k] - mx) ** 2;
  }
  out[0] = years[prev];
  out[1] = years[last];
  out[2] = values[off + last] - values[off + prev];
  out[3] = sxy / sxx;
  out[4] = n;
  return true;
}

const statusCode = (change: number, threshold: number) => (Math.abs(change) < threshold ? 0 : change > 0 ? 1 : -1);

/**
 * Classify one series (years ascending, NaN = no score). Uses the last two periods
 * with a score for `change` and every scored period for the least-squares `slope`
 * (points per year). |change| < threshold → "stable". Null with fewer than 2 points.
 */
export function travelEntry(years: ArrayLike<number>, values: ArrayLike<number>, threshold: number): TTravelEntry | null {
  const o = new Float64Array(5);
  if (!travelInto(years, values, 0, values.length, o)) return null;
  return { from: o[0], to: o[1], change: o[2], slope: o[3], periods: o[4], status: STATUS[statusCode(o[2], threshold)] };
}

/** Storage for `count` travel columns of n rows each: one buffer per field, a view per column. */
function travelColumns(count: number, n: number): () => TTravelColumn {
  const periods = new Int32Array(count * n), from = new Int32Array(count * n), to = new Int32Array(count * n);
  const change = new Float64Array(count * n).fill(NaN), slope = new Float64Array(count * n).fill(NaN);
  const status = new Int8Array(count * n);
  let k = 0;
  return () => {
    const [a, b] = [k * n, ++k * n];
    return { periods: periods.subarray(a, b), from: from.subarray(a, b), to: to.subarray(a, b), change: change.subarray(a, b), slope: slope.subarray(a, b), status: status.subarray(a, b) };
  };
}

/**
 * SPI-METHOD §4 for every area with at least two periods: index, dimensions,
 * components and indicator scores (all oriented so that higher is better), in columns.
 * Rows of one area are contiguous and in period order, and score matrices are
 * column-major, so each series of an area is a contiguous run: one linear pass.
 */
export function directionOfTravel(run: TRun, threshold: number): TTravelColumns {
  const { fw, grid, rows } = run;
  const starts: number[] = [], ends: number[] = [];
  for (let start = 0; start < rows; ) {
    let end = start + 1;
    while (end < rows && run.rowArea[end] === run.rowArea[start]) end++;
    if (end - start >= 2) {
      starts.push(start);
      ends.push(end);
    }
    start = end;
  }
  const nT = starts.length;
  const series: Array<{ col: TTravelColumn; arr: Float64Array; off: number }> = [];
  const travelColumn = travelColumns(1 + fw.dimensions.length + fw.components.length + fw.indicators.length, nT);
  const make = (items: ReadonlyArray<{ code: string; index: number }>, arr: Float64Array) => {
    const out: Record<string, TTravelColumn> = {};
    for (const it of items) series.push({ col: (out[it.code] = travelColumn()), arr, off: it.index * rows });
    return out;
  };
  const index = travelColumn();
  series.push({ col: index, arr: run.levels.index, off: 0 });
  const result: TTravelColumns = {
    length: nT,
    areaIndex: Int32Array.from(starts, (s) => run.rowArea[s]),
    index,
    dimensions: make(fw.dimensions, run.levels.dimensions),
    components: make(fw.components, run.levels.components),
    indicators: make(fw.indicators, run.r),
  };
  const years = new Float64Array(grid.periods.length);
  const o = new Float64Array(5);
  for (let t = 0; t < nT; t++) {
    const start = starts[t], len = ends[t] - start;
    for (let k = 0; k < len; k++) years[k] = grid.periods[run.rowPeriod[start + k]];
    for (const s of series) {
      if (!travelInto(years, s.arr, s.off + start, len, o)) continue;
      const c = s.col;
      c.from[t] = o[0];
      c.to[t] = o[1];
      c.change[t] = o[2];
      c.slope[t] = o[3];
      c.periods[t] = o[4];
      c.status[t] = statusCode(o[2], threshold);
    }
  }
  return result;
}

/** Entry t of a travel column as in the rows layout (null when there is none). */
export function travelEntryAt(c: TTravelColumn, t: number): TTravelEntry | null {
  if (c.periods[t] === 0) return null;
  return { from: c.from[t], to: c.to[t], change: c.change[t], slope: c.slope[t], periods: c.periods[t], status: STATUS[c.status[t]] };
}

/** The rows layout of `travel` (one object per area), equal to what the engine returns by default. */
export function travelRowsFromColumns(tc: TTravelColumns, areas: readonly string[]): TTravel[] {
  const out: TTravel[] = new Array(tc.length);
  const each = (cols: Record<string, TTravelColumn>, t: number) => {
    const m: Record<string, TTravelEntry | null> = {};
    for (const code of Object.keys(cols)) m[code] = travelEntryAt(cols[code], t);
    return m;
  };
  for (let t = 0; t < tc.length; t++) {
    out[t] = {
      area: areas[tc.areaIndex[t]],
      index: travelEntryAt(tc.index, t),
      dimensions: each(tc.dimensions, t),
      components: each(tc.components, t),
      indicators: each(tc.indicators, t),
    };
  }
  return out;
}
