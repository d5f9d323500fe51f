import type { TResolvedComponent, TResolvedFramework } from "./framework";
import { householderRInPlace, jacobiEigen } from "./linalg";
import { scratchColumns } from "./scratch";

/**
 * Statistics of one component's indicators on its complete cases (rows of the
 * reference set where every indicator of the component is present before
 * imputation), pooled across periods. Correlations are of direction-oriented values
 * (s·x), so "all positive" means "all agree on what is better".
 */
export interface TComponentStats {
  k: number;
  /** Row numbers (into the reference matrix) of the complete cases, ascending. */
  completeRows: Int32Array;
  /** Per reference row: bit j set when indicator j of the component is missing (before imputation). */
  missing: Int32Array;
  mean: Float64Array;
  /** Sample standard deviation (n − 1), transformed units. */
  sd: Float64Array;
  /** Oriented correlation matrix, k×k row-major; null when n < 3 or an indicator is constant. */
  corr: Float64Array | null;
  corrReason?: string;
  /**
   * R of the QR of the imputation design [1, x_1 … x_k] over the complete cases,
   * (k+1)×(k+1) row-major upper triangle (zeros without complete cases). X = Q·R with Q
   * orthonormal, so a least-squares fit on any subset of X's columns can be solved on
   * the matching columns of R (see fitPattern in impute.ts).
   */
  rFactor: Float64Array;
}

/**
 * Compute TComponentStats from the reference matrix x (nIndicators columns of `rows`,
 * NaN = missing). Sums run over the complete rows in ascending order for each entry.
 */
export function componentStats(fw: TResolvedFramework, comp: TResolvedComponent, x: Float64Array, rows: number): TComponentStats {
  const idx = comp.indicators;
  const k = idx.length;
  // (each loop over rows is a small function of its own: see scanColumn in diagnostics.ts)
  const missing = missingMasks(idx, x, rows);
  const complete = zeroIndices(missing);
  const n = complete.length;
  const mean = new Float64Array(k);
  const sd = new Float64Array(k);
  const cols = idx.map((i) => x.subarray(i * rows, (i + 1) * rows));
  const sums = new Float64Array(k);
  for (let j = 0; j < k; j++) sums[j] = sumAt(cols[j], complete, n);
  for (let j = 0; j < k; j++) mean[j] = n > 0 ? sums[j] / n : NaN;
  // The centred columns are walked in blocks small enough to stay in the CPU's cache: a
  // component's columns are megabytes at national scale, and each cross-product sum
  // used to be a pass of its own over them, at memory speed. Every sum is still one
  // accumulator running over the rows in ascending order, so the results are bit for
  // bit those of a pass per sum.
  //
  // The same pass factors the centred columns, block by block, as QR (a sequential
  // "tall-skinny" QR: the R so far stacked on the block's rows, reduced by Householder
  // reflections to the R of all rows so far): as stable as one QR of the whole matrix,
  // and in cache. The imputation fits' design [1, x_1 … x_k] then has the R below,
  // since the centred columns are orthogonal to the column of ones.
  const pairs: Array<[number, number]> = [];
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) pairs.push([a, b]);
  const cross = new Float64Array(pairs.length + 2);
  const stack = scratchColumns("centred block", k, k + STATS_BLOCK);
  const block = stack.map((c) => c.subarray(k));
  let rCentred: Float64Array = new Float64Array(k * k);
  for (let c0 = 0; c0 < n; c0 += STATS_BLOCK) {
    const len = Math.min(STATS_BLOCK, n - c0);
    for (let j = 0; j < k; j++) centredAt(cols[j], complete, c0, len, mean[j], block[j]);
    for (let q = 0; q < pairs.length; q += 3) {
      const [a0, b0] = pairs[q], [a1, b1] = pairs[q + 1] ?? pairs[q], [a2, b2] = pairs[q + 2] ?? pairs[q];
      dot3(block[a0], block[b0], block[a1], block[b1], block[a2], block[b2], len, cross, q);
    }
    for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) stack[j][i] = i <= j ? rCentred[i * k + j] : 0;
    rCentred = householderRInPlace(stack, k + len);
  }
  const rFactor = designR(rCentred, mean, n);
  const cov = new Float64Array(k * k);
  pairs.forEach(([a, b], q) => (cov[a * k + b] = cross[q]));
  for (let j = 0; j < k; j++) sd[j] = n > 1 ? Math.sqrt(cov[j * k + j] / (n - 1)) : NaN;
  const stats: TComponentStats = { k, completeRows: complete, missing, mean, sd, corr: null, rFactor };
  if (n < 3) {
    stats.corrReason = `only ${n} complete case(s); correlations need at least 3`;
    return stats;
  }
  for (let j = 0; j < k; j++) {
    // relative test: a spread below 1e-12 of the level is rounding noise, i.e. constant
    if (!(sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
      stats.corrReason = `indicator ${fw.indicators[idx[j]].code} is constant on the complete cases`;
      return stats;
    }
  }
  const corr = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    corr[a * k + a] = 1;
    for (let b = a + 1; b < k; b++) {
      const s = fw.indicators[idx[a]].direction * fw.indicators[idx[b]].direction;
      const c = (s * cov[a * k + b]) / Math.sqrt(cov[a * k + a] * cov[b * k + b]);
      corr[a * k + b] = corr[b * k + a] = Math.max(-1, Math.min(1, c));
    }
  }
  stats.corr = corr;
  return stats;
}

/** Rows of the complete cases the statistics pass takes at a time: k columns of them fit in the CPU's level-2 cache. */
const STATS_BLOCK = 4096;

/**
 * out[q … q+2] += [Σ x0·y0, Σ x1·y1, Σ x2·y2] over [0, n), each sum continuing its
 * accumulator in row order; three independent sums per pass, so the CPU overlaps their
 * additions instead of waiting on one chain at a time (a small function of its own: see
 * scanColumn in diagnostics.ts).
 */
function dot3(x0: Float64Array, y0: Float64Array, x1: Float64Array, y1: Float64Array, x2: Float64Array, y2: Float64Array, n: number, out: Float64Array, q: number): void {
  let s0 = out[q], s1 = out[q + 1], s2 = out[q + 2];
  for (let c = 0; c < n; c++) {
    s0 += x0[c] * y0[c];
    s1 += x1[c] * y1[c];
    s2 += x2[c] * y2[c];
  }
  out[q] = s0;
  out[q + 1] = s1;
  out[q + 2] = s2;
}

/** Σ col[at[c]] for c < n, added in that order. */
function sumAt(col: Float64Array, at: Int32Array, n: number): number {
  let s = 0;
  for (let c = 0; c < n; c++) s += col[at[c]];
  return s;
}

/** out[c] = col[at[from + c]] − centre for c < len. */
function centredAt(col: Float64Array, at: Int32Array, from: number, len: number, centre: number, out: Float64Array): void {
  for (let c = 0; c < len; c++) out[c] = col[at[from + c]] - centre;
}

/**
 * R of [1, x_1 … x_k] (n rows) from Rc, the R of the centred columns: the ones column
 * has norm √n and is orthogonal to the centred columns, and x_j = (x_j − mean_j) +
 * mean_j·1, so R = [[√n, √n·mean], [0, Rc]] ((k+1)×(k+1) row-major).
 */
function designR(rCentred: Float64Array, mean: Float64Array, n: number): Float64Array {
  const k = mean.length, m = k + 1;
  const r = new Float64Array(m * m);
  if (n === 0) return r;
  const root = Math.sqrt(n);
  r[0] = root;
  for (let j = 0; j < k; j++) r[j + 1] = root * mean[j];
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) r[(i + 1) * m + j + 1] = rCentred[i * k + j];
  return r;
}

/** Per row of x (indicator columns of `rows`): bit j set when indicator idx[j] is missing (k <= 30). */
export function missingMasks(idx: readonly number[], x: Float64Array, rows: number): Int32Array {
  const keys = new Int32Array(rows);
  idx.forEach((i, j) => markMissing(x.subarray(i * rows, (i + 1) * rows), keys, 1 << j));
  return keys;
}

function markMissing(col: Float64Array, keys: Int32Array, bit: number): void {
  for (let r = 0; r < col.length; r++) if (col[r] !== col[r]) keys[r] |= bit;
}

/** Indices of the zero entries, ascending. */
function zeroIndices(v: Int32Array): Int32Array {
  const out = new Int32Array(v.length);
  let n = 0;
  for (let r = 0; r < v.length; r++) if (v[r] === 0) out[n++] = r;
  return out.slice(0, n);
}

export interface TPca {
  /** First eigenvector, sign chosen so that its sum is > 0. */
  e1: Float64Array;
  eigenvalues: Float64Array;
  /** z-basis weights w = e1 / Σe1. */
  w: Float64Array;
}

/** First principal component of the oriented correlation matrix, or a reason it is undefined. */
export function firstComponent(stats: TComponentStats): TPca | { reason: string } {
  const { k, corr } = stats;
  if (!corr) return { reason: stats.corrReason ?? "no correlation matrix" };
  const { values, vectors } = jacobiEigen(corr, k);
  const e1 = vectors.slice(0, k);
  let sum = 0;
  for (let j = 0; j < k; j++) sum += e1[j];
  if (sum < 0) {
    for (let j = 0; j < k; j++) e1[j] = -e1[j];
    sum = -sum;
  }
  if (!(sum > 1e-9)) return { reason: "first eigenvector sums to 0; PCA weights undefined" };
  const w = new Float64Array(k);
  for (let j = 0; j < k; j++) w[j] = e1[j] / sum;
  return { e1, eigenvalues: values, w };
}

/**
 * Convert z-basis weights to the 0–100 basis: v_i ∝ w_i·|U_i − D_i| / σ_i, sum 1.
 * With clamping off this makes Σ v·r equal to the published z-score form.
 */
export function zToScoreBasis(fw: TResolvedFramework, comp: TResolvedComponent, w: ArrayLike<number>, sd: ArrayLike<number>): Float64Array {
  const k = comp.indicators.length;
  const v = new Float64Array(k);
  let s = 0;
  for (let j = 0; j < k; j++) {
    const ind = fw.indicators[comp.indicators[j]];
    v[j] = (w[j] * Math.abs(ind.utopia - ind.dystopia)) / sd[j];
    s += v[j];
  }
  for (let j = 0; j < k; j++) v[j] /= s;
  return v;
}

/** Inverse of zToScoreBasis: w_i ∝ v_i·σ_i / |U_i − D_i|, sum 1. */
export function scoreToZBasis(fw: TResolvedFramework, comp: TResolvedComponent, v: ArrayLike<number>, sd: ArrayLike<number>): Float64Array {
  const k = comp.indicators.length;
  const w = new Float64Array(k);
  let s = 0;
  for (let j = 0; j < k; j++) {
    const ind = fw.indicators[comp.indicators[j]];
    w[j] = (v[j] * sd[j]) / Math.abs(ind.utopia - ind.dystopia);
    s += w[j];
  }
  for (let j = 0; j < k; j++) w[j] /= s;
  return w;
}

export interface TComponentWeights {
  /** Weights used (0–100 basis, sum 1). */
  v: Float64Array;
  mode: "equal" | "pca" | "fixed";
  /** Set when PCA was asked for but could not be computed; equal weights were used. */
  fallbackReason?: string;
  /** PCA weights on the 0–100 basis, when PCA is computable (used by uncertainty). */
  pcaV: Float64Array | null;
  equalV: Float64Array;
  pca: TPca | null;
}

/** SPI-METHOD §2 step 5 for one component. */
export function componentWeights(fw: TResolvedFramework, comp: TResolvedComponent, stats: TComponentStats): TComponentWeights {
  const k = comp.indicators.length;
  const equalV = new Float64Array(k).fill(1 / k);
  const pcaRes = k === 1 ? { reason: "single indicator" } : firstComponent(stats);
  const pca = "w" in pcaRes ? pcaRes : null;
  const pcaV = k === 1 ? Float64Array.of(1) : pca ? zToScoreBasis(fw, comp, pca.w, stats.sd) : null;
  const wt = comp.weighting;
  if (wt === "equal") return { v: equalV, mode: "equal", pcaV, equalV, pca };
  if (wt === "pca") {
    if (pcaV) return { v: pcaV, mode: "pca", pcaV, equalV, pca };
    return { v: equalV, mode: "equal", fallbackReason: (pcaRes as { reason: string }).reason, pcaV, equalV, pca };
  }
  const v = new Float64Array(k);
  let s = 0;
  for (let j = 0; j < k; j++) s += v[j] = wt.fixed[fw.indicators[comp.indicators[j]].code];
  for (let j = 0; j < k; j++) v[j] /= s;
  return { v, mode: "fixed", pcaV, equalV, pca };
}
