import type { TRun } from "./pipeline";
import type { TTravel, TTravelColumn, TTravelColumns, TTravelEntry } from "./result-types";

const STATUS: Record<number, TTravelEntry["status"]> = { 1: "improving", 0: "stable", [-1]: "worsening" };

/**
 * Core of travelEntry on values[off … off + len), with the years of those points at
 * years[yoff … yoff + len): writes [from, to, change, slope, periods] into `out` and
 * returns true, or false with fewer than 2 scored points.
 */
function travelInto(years: ArrayLike<number>, yoff: number, values: ArrayLike<number>, off: number, len: number, out: Float64Array): boolean {
  let n = 0, sx = 0, sy = 0;
  let last = -1, prev = -1;
  for (let k = 0; k < len; k++) {
    const v = values[off + k];
    if (v !== v) continue;
    n++;
    sx += years[yoff + k];
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
    const x = years[yoff + k];
    sxy += (x - mx) * (v - my);
    sxx += (x - mx) ** 2;
  }
  out[0] = years[yoff + prev];
  out[1] = years[yoff + last];
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
  if (!travelInto(years, 0, values, 0, values.length, o)) return null;
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
 * What travelInto computes from the years alone when every point of a travel row is
 * scored, the same for all ~70 series of an area, so computed once: per travel row t
 * Σ(x − mean)², per data row x − mean. Same operations in the same order as travelInto.
 */
function fullRowYears(rowYear: Float64Array, starts: Int32Array, ends: Int32Array) {
  const dx = new Float64Array(rowYear.length), sxx = new Float64Array(starts.length);
  for (let t = 0; t < starts.length; t++) {
    const a = starts[t], b = ends[t];
    let sx = 0;
    for (let r = a; r < b; r++) sx += rowYear[r];
    const mx = sx / (b - a);
    let s = 0;
    for (let r = a; r < b; r++) {
      dx[r] = rowYear[r] - mx;
      s += (rowYear[r] - mx) ** 2;
    }
    sxx[t] = s;
  }
  return { dx, sxx };
}

/**
 * One series for every travel row t: its points are values[off + starts[t] … off + ends[t])
 * and their years rowYear[starts[t] … ends[t]). A row with every point scored takes the
 * short path (only Σy and Σ(x − mx)(y − my) left to sum, bit for bit what travelInto
 * would do); one with a gap falls back to travelInto. A separate small function so that
 * V8 optimises this loop once rather than on-stack-replacing it inside directionOfTravel.
 */
function travelSeries(rowYear: Float64Array, starts: Int32Array, ends: Int32Array, full: { dx: Float64Array; sxx: Float64Array }, values: Float64Array, off: number, c: TTravelColumn, threshold: number, o: Float64Array): void {
  const { dx, sxx } = full;
  for (let t = 0; t < starts.length; t++) {
    const a = starts[t], b = ends[t];
    let sy = 0, r = a;
    for (; r < b; r++) {
      const v = values[off + r];
      if (v !== v) break;
      sy += v;
    }
    if (r < b) {
      if (!travelInto(rowYear, a, values, off + a, b - a, o)) continue;
      c.from[t] = o[0];
      c.to[t] = o[1];
      c.change[t] = o[2];
      c.slope[t] = o[3];
      c.periods[t] = o[4];
      c.status[t] = statusCode(o[2], threshold);
      continue;
    }
    const my = sy / (b - a);
    let sxy = 0;
    for (r = a; r < b; r++) sxy += dx[r] * (values[off + r] - my);
    const change = values[off + b - 1] - values[off + b - 2];
    c.from[t] = rowYear[b - 2];
    c.to[t] = rowYear[b - 1];
    c.change[t] = change;
    c.slope[t] = sxy / sxx[t];
    c.periods[t] = b - a;
    c.status[t] = statusCode(change, threshold);
  }
}

/**
 * SPI-METHOD §4 for every area with at least two periods: index, dimensions,
 * components and indicator scores (all oriented so that higher is better), in columns.
 * Rows of one area are contiguous and in period order, and score matrices are
 * column-major, so each series of an area is a contiguous run. Series outer, area
 * inner: every read (a score column, the row years) and write (the series' travel
 * column) is one sequential stream. The time is arithmetic rather than memory, though
 * (as fast with all reads from one cached column); the saving is fullRowYears.
 */
export function directionOfTravel(run: TRun, threshold: number): TTravelColumns {
  const { fw, grid, rows } = run;
  const startList: number[] = [], endList: number[] = [];
  for (let start = 0; start < rows; ) {
    let end = start + 1;
    while (end < rows && run.rowArea[end] === run.rowArea[start]) end++;
    if (end - start >= 2) {
      startList.push(start);
      endList.push(end);
    }
    start = end;
  }
  const starts = Int32Array.from(startList), ends = Int32Array.from(endList);
  const nT = starts.length;
  const rowYear = new Float64Array(rows);
  for (let r = 0; r < rows; r++) rowYear[r] = grid.periods[run.rowPeriod[r]];
  const full = fullRowYears(rowYear, starts, ends);
  const o = new Float64Array(5);
  const travelColumn = travelColumns(1 + fw.dimensions.length + fw.components.length + fw.indicators.length, nT);
  const series = (arr: Float64Array, off: number) => {
    const col = travelColumn();
    travelSeries(rowYear, starts, ends, full, arr, off, col, threshold, o);
    return col;
  };
  const make = (items: ReadonlyArray<{ code: string; index: number }>, arr: Float64Array) => {
    const out: Record<string, TTravelColumn> = {};
    for (const it of items) out[it.code] = series(arr, it.index * rows);
    return out;
  };
  const index = series(run.levels.index, 0);
  return {
    length: nT,
    areaIndex: starts.map((s) => run.rowArea[s]),
    index,
    dimensions: make(fw.dimensions, run.levels.dimensions),
    components: make(fw.components, run.levels.components),
    indicators: make(fw.indicators, run.r),
  };
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
