import { carryForward } from "./carry-forward";
import type { TResolvedFramework } from "./framework";
import { imputeComponent, type TImputeResult } from "./impute";
import type { TGrid } from "./observations";
import { rescaleAll, scoreLevels, type TLevels } from "./score";
import { applyTransform } from "./transform";
import { componentStats, componentWeights, type TComponentStats, type TComponentWeights } from "./weights";

/**
 * The numeric state of a run (SPI-METHOD §2 steps 1–7) in flat typed arrays.
 * Rows are the reference set: every (area, period) with at least one indicator value
 * after carry-forward and transform, ordered by area code then period.
 */
export interface TRun {
  fw: TResolvedFramework;
  grid: TGrid;
  rows: number;
  /** Index into grid.areaCodes. */
  rowArea: Int32Array;
  /** Index into grid.periods. */
  rowPeriod: Int32Array;
  /** Transformed values after imputation (rows × nIndicators, NaN = missing). */
  x: Float64Array;
  /** FLAG_* bits per cell. */
  flags: Uint8Array;
  /** Indicator scores 0–100 (rows × nIndicators, NaN = missing). */
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

/** Transform every present value in place (layout: cells × nI). Returns drops per indicator. */
export function transformMatrix(fw: TResolvedFramework, values: Float64Array, flags: Uint8Array | null): Int32Array {
  const nI = fw.indicators.length;
  const dropped = new Int32Array(nI);
  for (let i = 0; i < nI; i++) {
    const steps = fw.indicators[i].transform;
    if (steps.length === 0) continue;
    for (let cell = i; cell < values.length; cell += nI) {
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

/** Run steps 1–7 on a grid. Linear in grid cells; fits are per component, not per area. */
export function computeRun(fw: TResolvedFramework, grid: TGrid): TRun {
  const nI = fw.indicators.length;
  const nP = grid.periods.length;
  const nCells = grid.areaCodes.length * nP;
  const gflags = new Uint8Array(grid.raw.length);
  const filled = carryForward(grid, fw.carryForwardYears, gflags);
  const transformDropped = transformMatrix(fw, filled, gflags);
  let rows = 0;
  const keep = new Uint8Array(nCells);
  for (let c = 0; c < nCells; c++) {
    for (let i = 0; i < nI; i++) {
      const v = filled[c * nI + i];
      if (v === v) {
        keep[c] = 1;
        rows++;
        break;
      }
    }
  }
  const rowArea = new Int32Array(rows);
  const rowPeriod = new Int32Array(rows);
  const x = new Float64Array(rows * nI);
  const flags = new Uint8Array(rows * nI);
  let r = 0;
  for (let c = 0; c < nCells; c++) {
    if (!keep[c]) continue;
    rowArea[r] = Math.floor(c / nP);
    rowPeriod[r] = c % nP;
    x.set(filled.subarray(c * nI, (c + 1) * nI), r * nI);
    flags.set(gflags.subarray(c * nI, (c + 1) * nI), r * nI);
    r++;
  }
  const stats = fw.components.map((comp) => componentStats(fw, comp, x, rows));
  const weights = fw.components.map((comp, c) => componentWeights(fw, comp, stats[c]));
  const impute = fw.components.map((comp, c) => imputeComponent(fw, comp, stats[c], x, x, flags, rows));
  const status = impute.map((m) => m.status);
  const scores = rescaleAll(fw, x, flags, rows);
  const levels = scoreLevels(fw, scores, status, weights.map((w) => w.v), rows);
  return { fw, grid, rows, rowArea, rowPeriod, x, flags, r: scores, stats, weights, status, impute, levels, transformDropped };
}

/**
 * Score extra rows (e.g. population-weighted parent areas, SPI-METHOD §6 indicator
 * aggregation) with the run's own fits, weights, U and D: transform, impute from the
 * run's reference set, rescale, combine. `raw` is rows × nIndicators, untransformed.
 */
export function scoreExtraRows(run: TRun, raw: Float64Array, rows: number) {
  const fw = run.fw;
  const x = Float64Array.from(raw);
  const flags = new Uint8Array(x.length);
  transformMatrix(fw, x, flags);
  const status = fw.components.map((comp, c) => imputeComponent(fw, comp, run.stats[c], run.x, x, flags, rows).status);
  const r = rescaleAll(fw, x, flags, rows);
  const levels = scoreLevels(fw, r, status, run.weights.map((w) => w.v), rows);
  return { x, flags, r, status, levels };
}
