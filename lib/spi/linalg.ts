/**
 * Small dense linear algebra for the engine. Matrices are row-major Float64Arrays.
 * Sizes here are tiny (k <= ~10 indicators per component), so clarity and
 * numerical robustness beat asymptotic speed: Jacobi for eigenpairs, Householder
 * QR for least squares.
 */

export interface TEigen {
  /** Eigenvalues, sorted descending. */
  values: Float64Array;
  /** Eigenvectors as rows: vectors[j*n + i] is component i of the j-th eigenvector (unit length). */
  vectors: Float64Array;
}

/**
 * Eigen-decomposition of a symmetric n×n matrix by cyclic Jacobi rotations.
 * Converges quadratically; stops when the off-diagonal norm is below 1e-14 of the
 * total norm or after 100 sweeps. Deterministic; the input is not modified.
 * Eigenvector sign is whatever the rotations yield: callers fix the sign.
 */
export function jacobiEigen(matrix: Float64Array, n: number): TEigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += a[i] * a[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    if (off <= 1e-28 * total || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i] || i - j);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((col, j) => {
    values[j] = a[col * n + col];
    for (let i = 0; i < n; i++) vectors[j * n + i] = v[i * n + col];
  });
  return { values, vectors };
}

export type TLeastSquares =
  | { ok: true; coef: Float64Array }
  | { ok: false; reason: string };

/**
 * Least squares min ||A·x − b|| by Householder QR (A is m×n row-major, m >= n).
 * Returns `ok: false` when A is rank-deficient: |R_jj| <= 1e-10·max|R_ii|·... (relative
 * to the largest column norm). Inputs are not modified.
 */
export function leastSquares(aIn: Float64Array, m: number, n: number, bIn: Float64Array): TLeastSquares {
  if (m < n) return { ok: false, reason: `underdetermined: ${m} rows for ${n} unknowns` };
  const a = Float64Array.from(aIn);
  const b = Float64Array.from(bIn);
  let scale = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += a[i * n + j] * a[i * n + j];
    scale = Math.max(scale, Math.sqrt(s));
  }
  const diag = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += a[i * n + j] * a[i * n + j];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-10 * scale)) return { ok: false, reason: "singular (collinear predictors)" };
    const alpha = a[j * n + j] > 0 ? -norm : norm;
    // v = x - alpha e1, stored in place of column j (below and on the diagonal)
    a[j * n + j] -= alpha;
    let vv = 0;
    for (let i = j; i < m; i++) vv += a[i * n + j] * a[i * n + j];
    if (vv > 0) {
      for (let k = j + 1; k < n; k++) {
        let dot = 0;
        for (let i = j; i < m; i++) dot += a[i * n + j] * a[i * n + k];
        const f = (2 * dot) / vv;
        for (let i = j; i < m; i++) a[i * n + k] -= f * a[i * n + j];
      }
      let dot = 0;
      for (let i = j; i < m; i++) dot += a[i * n + j] * b[i];
      const f = (2 * dot) / vv;
      for (let i = j; i < m; i++) b[i] -= f * a[i * n + j];
    }
    diag[j] = alpha;
  }
  let maxDiag = 0;
  for (let j = 0; j < n; j++) maxDiag = Math.max(maxDiag, Math.abs(diag[j]));
  for (let j = 0; j < n; j++) if (!(Math.abs(diag[j]) > 1e-10 * maxDiag)) return { ok: false, reason: "singular (collinear predictors)" };
  const x = new Float64Array(n);
  for (let j = n - 1; j >= 0; j--) {
    let s = b[j];
    for (let k = j + 1; k < n; k++) s -= a[j * n + k] * x[k];
    x[j] = s / diag[j];
  }
  return { ok: true, coef: x };
}

/**
 * Inverse of a symmetric positive-definite matrix through its eigen-decomposition.
 * Returns null when the smallest eigenvalue is <= 1e-10 × the largest (singular).
 */
export function symmetricInverse(matrix: Float64Array, n: number): Float64Array | null {
  const { values, vectors } = jacobiEigen(matrix, n);
  if (!(values[n - 1] > 1e-10 * Math.abs(values[0]))) return null;
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const l = 1 / values[j];
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) inv[r * n + c] += l * vectors[j * n + r] * vectors[j * n + c];
  }
  return inv;
}

/**
 * R factor of the Householder QR of an m×n matrix given as n columns (column-major
 * access is cache-friendly for tall matrices). Returns R as n×n row-major upper
 * triangle. Since X = Q·R with Q orthonormal, any least-squares problem on a subset
 * of X's columns can be solved on the matching columns of R (n rows instead of m):
 * one pass over the data serves every missing-value pattern.
 */
export function householderR(columns: Float64Array[], m: number): Float64Array {
  return householderRInPlace(columns.map((c) => Float64Array.from(c)), m);
}

/**
 * householderR that overwrites `a` (the columns) instead of copying them first.
 * Same arithmetic as the textbook column-by-column loops (every sum accumulated in row
 * order), but sums that do not depend on each other run in the same pass — the dot
 * products of the reflector with two later columns at a time, the next column's norm
 * with the updates — so the CPU overlaps them instead of waiting on one chain of
 * additions after another.
 */
export function householderRInPlace(a: Float64Array[], m: number): Float64Array {
  const n = a.length;
  const r = new Float64Array(n * n);
  // stand-in second column when a pair has only one (read as zeros; its updates stay 0)
  const none = new Float64Array(m);
  const f = new Float64Array(n);
  const sums = new Float64Array(3);
  let nextNorm = -1; // Σ c² of column j below row j, when the previous update pass summed it
  for (let j = 0; j < n && j < m; j++) {
    const cj = a[j];
    let norm = nextNorm >= 0 ? nextNorm : sumSquares(cj, j, m);
    nextNorm = -1;
    norm = Math.sqrt(norm);
    if (norm === 0) {
      // nothing to reflect: R's row j is the column entries as they stand
      for (let k = j + 1; k < n; k++) r[j * n + k] = a[k][j];
      continue;
    }
    const alpha = cj[j] > 0 ? -norm : norm;
    cj[j] -= alpha;
    // vv = Σ cj² and the dots of cj with each later column (f holds the dots for now)
    let vv = 0;
    for (let k = j + 1; k < n || k === j + 1; k += 2) {
      const c0 = k < n ? a[k] : none, c1 = k + 1 < n ? a[k + 1] : none;
      if (k === j + 1) {
        dots2(cj, c0, c1, j, m, sums, true);
        vv = sums[2];
      } else dots2(cj, c0, c1, j, m, sums, false);
      if (k < n) f[k] = sums[0];
      if (k + 1 < n) f[k + 1] = sums[1];
    }
    for (let k = j + 1; k < n; k++) f[k] = (2 * f[k]) / vv;
    // c_k -= f_k·cj, two columns per pass; the first pass also sums the next column's norm
    for (let k = j + 1; k < n; k += 2) {
      const c0 = a[k], c1 = k + 1 < n ? a[k + 1] : none;
      const f0 = f[k], f1 = k + 1 < n ? f[k + 1] : 0;
      c0[j] -= f0 * cj[j];
      c1[j] -= f1 * cj[j];
      if (k === j + 1) nextNorm = update2(cj, c0, c1, f0, f1, j + 1, m, true);
      else update2(cj, c0, c1, f0, f1, j + 1, m, false);
      r[j * n + k] = c0[j];
      if (k + 1 < n) r[j * n + k + 1] = c1[j];
    }
    r[j * n + j] = alpha;
  }
  return r;
}

// The loops over rows of householderRInPlace, each a small function of its own: V8
// compiles a long-running loop mid-way ("on-stack replacement"), once per loop of the
// function it is in, so a function with six hot loops paid six full compilations on a
// national run's first components (see scanColumn in diagnostics.ts).

/** Σ c[i]² for i in [from, m). */
function sumSquares(c: Float64Array, from: number, m: number): number {
  let s = 0;
  for (let i = from; i < m; i++) s += c[i] * c[i];
  return s;
}

/** out = [Σ v·c0, Σ v·c1, Σ v·v] over rows [from, m), v = cj (the last only when `withVV`). */
function dots2(cj: Float64Array, c0: Float64Array, c1: Float64Array, from: number, m: number, out: Float64Array, withVV: boolean): void {
  let s0 = 0, s1 = 0;
  if (withVV) {
    let sv = 0;
    for (let i = from; i < m; i++) {
      const v = cj[i];
      sv += v * v;
      s0 += v * c0[i];
      s1 += v * c1[i];
    }
    out[2] = sv;
  } else
    for (let i = from; i < m; i++) {
      const v = cj[i];
      s0 += v * c0[i];
      s1 += v * c1[i];
    }
  out[0] = s0;
  out[1] = s1;
}

/** c0 −= f0·cj and c1 −= f1·cj over rows [from, m); returns Σ c0² after the update when `withNorm` (else −1). */
function update2(cj: Float64Array, c0: Float64Array, c1: Float64Array, f0: number, f1: number, from: number, m: number, withNorm: boolean): number {
  if (!withNorm) {
    for (let i = from; i < m; i++) {
      const v = cj[i];
      c0[i] -= f0 * v;
      c1[i] -= f1 * v;
    }
    return -1;
  }
  let nn = 0;
  for (let i = from; i < m; i++) {
    const v = cj[i];
    c0[i] -= f0 * v;
    c1[i] -= f1 * v;
    nn += c0[i] * c0[i];
  }
  return nn;
}
