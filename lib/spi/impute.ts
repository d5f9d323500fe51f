import { FLAG_IMPUTED } from "./carry-forward";
import type { TResolvedComponent, TResolvedFramework } from "./framework";
import { leastSquares } from "./linalg";
import { missingMasks, type TComponentStats } from "./weights";

/** Why a component could not be scored for a row (0 = it can be scored). */
export const C_OK = 0;
export const C_NO_VALUES = 1;
export const C_TOO_MANY_MISSING = 2;
export const C_FEW_CASES = 3;
export const C_SINGULAR = 4;

export interface TImputeResult {
  /** Per row: C_OK or the reason the component is not scored. */
  status: Uint8Array;
  /** Number of values imputed per indicator of the component (same order). */
  imputedCounts: Int32Array;
  /** Distinct missing-value patterns that needed a regression fit. */
  fits: number;
}

/**
 * SPI-METHOD §2 step 3 for one component, in place on x (nIndicators columns of
 * `rows`). A row missing m values with 1 <= m <= maxMissing gets each missing value
 * from an OLS regression (with intercept) on the row's present indicators of the
 * component, fitted on the component's complete cases (pooled reference set). One fit
 * per (missing pattern, target) pair is cached, so the cost is linear in rows.
 * A fit needs at least k + 2 complete cases (k = indicators in the component) and a
 * full-rank design; otherwise the row's component is not scored.
 * `ref` is the reference matrix `stats` (and so the fits) come from; `x` is the matrix
 * filled in (may be the same array: complete rows never change).
 */
export function imputeComponent(
  fw: TResolvedFramework,
  comp: TResolvedComponent,
  stats: TComponentStats,
  ref: Float64Array,
  x: Float64Array,
  flags: Uint8Array,
  rows: number,
): TImputeResult {
  const idx = comp.indicators;
  const k = idx.length;
  const status = new Uint8Array(rows);
  const imputedCounts = new Int32Array(k);
  // bit mask of missing indicators per row (k <= 30 is enforced by the framework schema);
  // the reference set's are in stats already
  const keys = x === ref ? stats.missing : missingMasks(idx, x, rows);
  const cache = new Map<number, Array<{ target: number; coef: Float64Array; predictors: number[] }> | number>();
  const complete = stats.completeRows;
  const nc = complete.length;
  for (let r = 0; r < rows; r++) {
    const key = keys[r];
    if (key === 0) continue;
    let missing = 0;
    for (let j = 0; j < k; j++) if (key & (1 << j)) missing++;
    if (missing === k) {
      status[r] = C_NO_VALUES;
      continue;
    }
    if (missing > comp.maxMissing) {
      status[r] = C_TOO_MANY_MISSING;
      continue;
    }
    let fit = cache.get(key);
    if (fit === undefined) {
      fit = fitPattern(key, k, stats.rFactor, nc);
      cache.set(key, fit);
    }
    if (typeof fit === "number") {
      status[r] = fit;
      continue;
    }
    for (const f of fit) {
      let y = f.coef[0];
      for (let p = 0; p < f.predictors.length; p++) y += f.coef[p + 1] * x[idx[f.predictors[p]] * rows + r];
      const cell = idx[f.target] * rows + r;
      x[cell] = y;
      flags[cell] |= FLAG_IMPUTED;
      imputedCounts[f.target]++;
    }
  }
  let fits = 0;
  for (const v of cache.values()) if (typeof v !== "number") fits++;
  return { status, imputedCounts, fits };
}

/**
 * Fits for one missing pattern: regress each missing indicator on the present ones
 * (with intercept). Solved on the columns of R (see householderR), which gives the
 * same least-squares solution as the full complete-case design.
 */
function fitPattern(key: number, k: number, rFactor: Float64Array, nc: number) {
  if (nc < k + 2) return C_FEW_CASES;
  const predictors: number[] = [];
  const targets: number[] = [];
  for (let j = 0; j < k; j++) (key & (1 << j) ? targets : predictors).push(j);
  const n = k + 1;
  const p = predictors.length + 1;
  const design = new Float64Array(n * p);
  for (let row = 0; row < n; row++) {
    design[row * p] = rFactor[row * n];
    for (let q = 0; q < predictors.length; q++) design[row * p + q + 1] = rFactor[row * n + predictors[q] + 1];
  }
  const out: Array<{ target: number; coef: Float64Array; predictors: number[] }> = [];
  const y = new Float64Array(n);
  for (const t of targets) {
    for (let row = 0; row < n; row++) y[row] = rFactor[row * n + t + 1];
    const ls = leastSquares(design, n, p, y);
    if (!ls.ok) return C_SINGULAR;
    out.push({ target: t, coef: ls.coef, predictors });
  }
  return out;
}

/** Reason text for a component status code. */
export function componentReason(code: number, comp: TResolvedComponent, missing?: number): string {
  const k = comp.indicators.length;
  switch (code) {
    case C_NO_VALUES:
      return "no indicator values";
    case C_TOO_MANY_MISSING:
      return `${missing ?? "too many"} of ${k} indicators missing (maxMissing ${comp.maxMissing})`;
    case C_FEW_CASES:
      return `imputation impossible: fewer than ${k + 2} complete cases in the reference set`;
    case C_SINGULAR:
      return "imputation impossible: singular regression (collinear indicators)";
    default:
      return "not computable";
  }
}
