import { FLAG_CARRIED, FLAG_CLAMPED_D, FLAG_CLAMPED_U, FLAG_IMPUTED } from "./carry-forward";
import { symmetricInverse } from "./linalg";
import { num, vectorMap } from "./output";
import type { TRun } from "./pipeline";
import type { TComponentDiagnostics, TIndicatorDiagnostics } from "./result-types";
import { meanAbsDeviation, medianAbsDeviation, medianOf } from "./stats";
import { scoreToZBasis } from "./weights";

/** Standardised Cronbach's alpha from a k×k correlation matrix: k·r̄ / (1 + (k − 1)·r̄). */
export function cronbachAlpha(corr: Float64Array, k: number): number {
  let s = 0;
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) s += corr[a * k + b];
  const rbar = s / ((k * (k - 1)) / 2);
  return (k * rbar) / (1 + (k - 1) * rbar);
}

/**
 * Kaiser–Meyer–Olkin measure: Σr² / (Σr² + Σp²) over i ≠ j, with partial correlations
 * p_ij = −R⁻¹_ij / √(R⁻¹_ii·R⁻¹_jj). Null when R is singular.
 */
export function kmo(corr: Float64Array, k: number): number | null {
  const inv = symmetricInverse(corr, k);
  if (!inv) return null;
  let r2 = 0, p2 = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      r2 += corr[a * k + b] ** 2;
      p2 += inv[a * k + b] ** 2 / (inv[a * k + a] * inv[b * k + b]);
    }
  return r2 + p2 > 0 ? r2 / (r2 + p2) : null;
}

function componentDiagnostics(run: TRun): TComponentDiagnostics[] {
  const { fw } = run;
  return fw.components.map((comp, c) => {
    const st = run.stats[c];
    const w = run.weights[c];
    const k = comp.indicators.length;
    const notes: string[] = [];
    const code = (i: number) => fw.indicators[comp.indicators[i]].code;
    let alpha: number | null = null;
    let kmoV: number | null = null;
    if (k < 2) notes.push("single indicator: alpha, KMO and PCA do not apply");
    else if (!st.corr) notes.push(st.corrReason ?? "no correlation matrix");
    else {
      alpha = num(cronbachAlpha(st.corr, k));
      kmoV = kmo(st.corr, k);
      if (kmoV === null) notes.push("KMO undefined: correlation matrix is singular");
    }
    const pca = k >= 2 ? w.pca : null;
    const loadings = pca ? vectorMap(fw, comp.indicators, pca.e1.map((e) => e * Math.sqrt(Math.max(0, pca.eigenvalues[0])))) : null;
    const scored = countZero(run.status[c]);
    const sdOk = Array.from(st.sd).every((s) => s > 0);
    return {
      code: comp.code,
      weighting: w.mode,
      weightingFallback: w.fallbackReason ?? null,
      completeCases: st.completeRows.length,
      scoredRows: scored,
      cronbachAlpha: alpha,
      kmo: kmoV,
      firstComponentShare: pca ? pca.eigenvalues[0] / k : null,
      eigenvalues: pca ? Array.from(pca.eigenvalues) : null,
      loadings,
      nonPositiveLoadings: pca ? comp.indicators.map((_, j) => j).filter((j) => pca.e1[j] <= 0).map(code) : [],
      weights: vectorMap(fw, comp.indicators, w.v),
      zBasisWeights: sdOk ? vectorMap(fw, comp.indicators, scoreToZBasis(fw, comp, w.v, st.sd)) : null,
      pcaWeights: w.pcaV ? vectorMap(fw, comp.indicators, w.pcaV) : null,
      mean: mapNum(fw, comp.indicators, st.mean),
      sd: mapNum(fw, comp.indicators, st.sd),
      notes,
    };
  });
}

function countZero(v: Uint8Array): number {
  let c = 0;
  for (let k = 0; k < v.length; k++) c += v[k] === 0 ? 1 : 0;
  return c;
}

function mapNum(fw: TRun["fw"], idx: number[], v: ArrayLike<number>) {
  const m: Record<string, number | null> = {};
  idx.forEach((i, j) => (m[fw.indicators[i].code] = num(v[j])));
  return m;
}

/**
 * Counts of one indicator's column (cells [from, from + rows)), and its observed values
 * (neither carried nor imputed) with their rows into vals/at: [observed, carried,
 * imputed, missing, clampedUtopia, clampedDystopia]. Most cells carry no flag, so the
 * flag tests run only on the few that do.
 *
 * Each hot loop of the diagnostics is a small function of its own: V8 compiles a loop
 * that is still running ("on-stack replacement") with the type feedback seen so far,
 * and in a long function the code after the loop has none yet, so that compiled code
 * was thrown away at the first statement past the loop, on every call (165 times a
 * national run, each costing an interpreted stretch and a recompilation).
 */
function scanColumn(flags: Uint8Array, x: Float64Array, from: number, rows: number, vals: Float64Array, at: Int32Array, out: Int32Array): void {
  let observed = 0, carried = 0, imputed = 0, missing = 0, cu = 0, cd = 0;
  for (let row = 0, cell = from; row < rows; row++, cell++) {
    const f = flags[cell];
    const xv = x[cell];
    if (f === 0) {
      if (xv === xv) {
        vals[observed] = xv;
        at[observed++] = row;
      } else missing++;
      continue;
    }
    if (f & FLAG_CARRIED) carried++;
    else if (f & FLAG_IMPUTED) imputed++;
    else if (xv === xv) {
      vals[observed] = xv;
      at[observed++] = row;
    } else missing++;
    if (f & FLAG_CLAMPED_U) cu++;
    if (f & FLAG_CLAMPED_D) cd++;
  }
  out[0] = observed;
  out[1] = carried;
  out[2] = imputed;
  out[3] = missing;
  out[4] = cu;
  out[5] = cd;
}

function countNaN(v: Float64Array, from: number, n: number): number {
  let c = 0;
  for (let cell = from, end = from + n; cell < end; cell++) if (v[cell] !== v[cell]) c++;
  return c;
}

/**
 * Indices k with |(v[k] − med) / scale| > threshold. The division runs only on values
 * past a bound just inside threshold·scale (so rounding cannot drop an outlier).
 */
function outlierIndices(v: Float64Array, med: number, scale: number, threshold: number): number[] {
  const out: number[] = [];
  const bound = threshold * scale * (1 - 1e-12);
  for (let k = 0; k < v.length; k++) {
    const d = v[k] - med;
    if (d <= bound && d >= -bound) continue;
    if (Math.abs(d / scale) > threshold) out.push(k);
  }
  return out;
}

/**
 * Per-indicator diagnostics. Outliers: observed (not carried or imputed) transformed
 * values with modified z-score 0.6745·|x − median| / MAD above `threshold`
 * (Iglewicz–Hoaglin); when MAD is 0, 0.7979·mean absolute deviation stands in;
 * when both are 0 there are no outliers. Up to 10 examples, largest |z| first.
 */
function indicatorDiagnostics(run: TRun, threshold: number): TIndicatorDiagnostics[] {
  const { fw, rows, flags, x, r } = run;
  const vals = new Float64Array(rows);
  const at = new Int32Array(rows);
  const counts = new Int32Array(6);
  return fw.indicators.map((ind, i) => {
    scanColumn(flags, x, i * rows, rows, vals, at, counts);
    const [observed, carried, imputed, , cu, cd] = counts;
    let missing = counts[3];
    // a score is missing where x is: (x − D)·100 / (U − D) is a number for every finite
    // x unless that factor overflows to ∞ or underflows to 0 (absurd bounds); then the
    // missing scores are counted instead
    const factor = 100 / (ind.utopia - ind.dystopia);
    if (!(Number.isFinite(factor) && factor !== 0)) missing = countNaN(r, i * rows, rows);
    const v = vals.subarray(0, observed);
    const med = medianOf(v);
    const mad = medianAbsDeviation(v, med);
    const scale = mad > 0 ? mad / 0.6745 : meanAbsDeviation(v, med) / 0.7979;
    const flagged = (scale > 0 ? outlierIndices(v, med, scale, threshold) : []).map((k) => ({ row: at[k], value: v[k], z: (v[k] - med) / scale }));
    flagged.sort((a, b) => Math.abs(b.z) - Math.abs(a.z) || a.row - b.row);
    return {
      code: ind.code,
      component: fw.components[ind.component].code,
      rows,
      observed,
      coverage: rows ? observed / rows : 0,
      carried,
      imputed,
      missing,
      clampedUtopia: cu,
      clampedDystopia: cd,
      transformDropped: run.transformDropped[i],
      outliers: {
        threshold,
        count: flagged.length,
        examples: flagged.slice(0, 10).map((f) => ({
          area: run.grid.areaCodes[run.rowArea[f.row]],
          period: run.grid.periods[run.rowPeriod[f.row]],
          value: f.value,
          modifiedZ: f.z,
        })),
      },
    };
  });
}

/** SPI-METHOD §3: reported, never gating. Computed on the run's reference set. */
export function buildDiagnostics(run: TRun, outlierThreshold: number) {
  return { components: componentDiagnostics(run), indicators: indicatorDiagnostics(run, outlierThreshold) };
}
