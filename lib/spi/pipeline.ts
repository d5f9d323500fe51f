import { carryForward, markPresent } from "./carry-forward";
import type { TResolvedFramework } from "./framework";
import { imputeComponent, type TImputeResult } from "./impute";
import type { TGrid } from "./observations";
import { scoreAll, type TLevels } from "./score";
import { applyTransform } from "./transform";
import { componentStats, componentWeights, type TComponentStats, type TComponentWeights } from "./weights";

/**
 * The numeric state of a run (SPI-METHOD §2 steps 1–7) in flat typed arrays.
 * Rows are the reference set: every (area, period) with at least one indicator value
 * after carry-forward and transform, ordered by area code then period.
 *
 * Matrices are column-major (one contiguous column per indicator / component /
 * dimension: `x[i * rows + row]`), because almost every step walks one indicator or
 * one component over all rows; at national scale (tens of MB) a strided walk costs a
 * cache miss per value.
 */
export interface TRun {
  fw: TResolvedFramework;
  grid: TGrid;
  rows: number;
  /** Index into grid.areaCodes. */
  rowArea: Int32Array;
  /** Index into grid.periods. */
  rowPeriod: Int32Array;
  /** Transformed values after imputation (nIndicators columns of `rows`, NaN = missing). */
  x: Float64Array;
  /** FLAG_* bits per cell (same layout as x). */
  flags: Uint8Array;
  /** Indicator scores 0–100 (same layout as x, NaN = missing). */
  r: Float64Array;
  stats: TComponentStats[];
  weights: TComponentWeights[];
  /** Per component: per row C_OK or a reason code. */
  status: Uint8Array[];
  impute: TImputeResult[];
  levels: TLevels;
  /** Per indicator: values dropped because a transform step was outside its domain. */
  transformDropped: Int32Array;
}

/**
 * Transform every present value in place. `values` holds nIndicators columns of
 * `n` cells each (column-major). Returns drops per indicator; a dropped cell's flags
 * are cleared.
 */
export function transformMatrix(fw: TResolvedFramework, values: Float64Array, flags: Uint8Array | null, n: number): Int32Array {
  const nI = fw.indicators.length;
  const dropped = new Int32Array(nI);
  for (let i = 0; i < nI; i++) {
    const steps = fw.indicators[i].transform;
    if (steps.length === 0) continue;
    for (let cell = i * n; cell < (i + 1) * n; cell++) {
      const v = values[cell];
      if (v !== v) continue;
      const t = applyTransform(steps, v);
      if (t !== t) {
        dropped[i]++;
        if (flags) flags[cell] = 0;
      }
      values[cell] = t;
    }
  }
  return dropped;
}

/**
 * Run steps 1–7 on a grid. Linear in grid cells; fits are per component, not per area.
 * `consumeGrid`: carry forward in grid.raw itself instead of a copy (saves a copy of
 * the whole grid); grid.raw then no longer holds the raw values.
 */
export function computeRun(fw: TResolvedFramework, grid: TGrid, consumeGrid = false): TRun {
  const nI = fw.indicators.length;
  const nP = grid.periods.length;
  const nCells = grid.areaCodes.length * nP;
  // steps 1–2 on the whole grid (indicator columns of area × period cells)
  const filledFlags = new Uint8Array(grid.raw.length);
  // keep: the (area, period) cells with any value, marked while carrying forward
  const keep = new Uint8Array(nCells);
  const filled = carryForward(grid, fw.carryForwardYears, filledFlags, consumeGrid, keep);
  const transformDropped = transformMatrix(fw, filled, filledFlags, nCells);
  if (transformDropped.some((d) => d > 0)) {
    // values outside a transform's domain are gone: mark again from what is left
    keep.fill(0);
    for (let i = 0; i < nI; i++) markPresent(filled.subarray(i * nCells, (i + 1) * nCells), keep);
  }
  let rows = 0;
  for (let c = 0; c < nCells; c++) rows += keep[c];
  const rowArea = new Int32Array(rows);
  const rowPeriod = new Int32Array(rows);
  const cellOf = new Int32Array(rows);
  for (let c = 0, r = 0; c < nCells; c++) {
    if (!keep[c]) continue;
    rowArea[r] = Math.floor(c / nP);
    rowPeriod[r] = c % nP;
    cellOf[r++] = c;
  }
  let x = filled;
  let flags = filledFlags;
  if (rows < nCells) {
    // drop the cells without any value (usually none, so the common case copies nothing)
    x = new Float64Array(rows * nI);
    flags = new Uint8Array(rows * nI);
    for (let i = 0; i < nI; i++) {
      for (let r = 0; r < rows; r++) {
        x[i * rows + r] = filled[i * nCells + cellOf[r]];
        flags[i * rows + r] = filledFlags[i * nCells + cellOf[r]];
      }
    }
  }
  const stats = fw.components.map((comp) => componentStats(fw, comp, x, rows));
  const weights = fw.components.map((comp, c) => componentWeights(fw, comp, stats[c]));
  const impute = fw.components.map((comp, c) => imputeComponent(fw, comp, stats[c], x, x, flags, rows));
  const status = impute.map((m) => m.status);
  const { r, levels } = scoreAll(fw, x, flags, status, weights.map((w) => w.v), rows);
  return { fw, grid, rows, rowArea, rowPeriod, x, flags, r, stats, weights, status, impute, levels, transformDropped };
}

/**
 * Score extra rows (e.g. population-weighted parent areas, SPI-METHOD §6 indicator
 * aggregation) with the run's own fits, weights, U and D: transform, impute from the
 * run's reference set, rescale, combine. `raw` is nIndicators columns of `rows`
 * values, untransformed.
 */
export function scoreExtraRows(run: TRun, raw: Float64Array, rows: number) {
  const fw = run.fw;
  const x = Float64Array.from(raw);
  const flags = new Uint8Array(x.length);
  transformMatrix(fw, x, flags, rows);
  const status = fw.components.map((comp, c) => imputeComponent(fw, comp, run.stats[c], run.x, x, flags, rows).status);
  const { r, levels } = scoreAll(fw, x, flags, status, run.weights.map((w) => w.v), rows);
  return { x, flags, r, status, levels };
}
