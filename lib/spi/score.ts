import { FLAG_CLAMPED_D, FLAG_CLAMPED_U } from "./carry-forward";
import type { TResolvedFramework } from "./framework";
import { C_OK } from "./impute";
import type { TAggregation } from "./types";

/**
 * SPI-METHOD §2 step 4: r = 100·(x − D)/(U − D), clamped to [0, 100] when `clamp`.
 * Sets FLAG_CLAMPED_U / FLAG_CLAMPED_D when clamping moved the value. NaN stays NaN.
 * Full precision (no rounding).
 */
export function rescaleAll(fw: TResolvedFramework, x: Float64Array, flags: Uint8Array, rows: number): Float64Array {
  const nI = fw.indicators.length;
  const out = new Float64Array(rows * nI);
  for (let i = 0; i < nI; i++) {
    const { utopia: u, dystopia: d } = fw.indicators[i];
    const f = 100 / (u - d);
    for (let r = 0; r < rows; r++) {
      const cell = r * nI + i;
      let s = (x[cell] - d) * f;
      if (fw.clamp) {
        if (s > 100) {
          s = 100;
          flags[cell] |= FLAG_CLAMPED_U;
        } else if (s < 0) {
          s = 0;
          flags[cell] |= FLAG_CLAMPED_D;
        }
      }
      out[cell] = s;
    }
  }
  return out;
}

/**
 * Combine scores by the arithmetic mean or the power mean (Σ yᵖ / n)^(1/p)
 * (p = 0: geometric mean). Returns NaN when any input is NaN, or when a power mean
 * meets a negative score (possible only with clamping off).
 */
export function combine(values: ArrayLike<number>, agg: TAggregation): number {
  const n = values.length;
  let s = 0;
  if (agg === "arithmetic") {
    for (let j = 0; j < n; j++) s += values[j];
    return s / n;
  }
  const p = agg.powerMean;
  for (let j = 0; j < n; j++) if (!(values[j] >= 0)) return NaN;
  if (p === 0) {
    for (let j = 0; j < n; j++) s += Math.log(values[j]);
    return Math.exp(s / n);
  }
  for (let j = 0; j < n; j++) s += Math.pow(values[j], p);
  return Math.pow(s / n, 1 / p);
}

export interface TLevels {
  /** rows × nComponents, NaN = not computable. */
  components: Float64Array;
  /** rows × nDimensions. */
  dimensions: Float64Array;
  index: Float64Array;
}

/**
 * SPI-METHOD §2 steps 6–7: component = Σ v_i·r_i (only where status is C_OK);
 * dimension = mean (or power mean) of its components, only if all are present;
 * index likewise over dimensions. `weights[c]` are the 0–100-basis weights.
 */
export function scoreLevels(
  fw: TResolvedFramework,
  r: Float64Array,
  status: Uint8Array[],
  weights: ArrayLike<number>[],
  rows: number,
): TLevels {
  const nI = fw.indicators.length;
  const nC = fw.components.length;
  const nD = fw.dimensions.length;
  const components = new Float64Array(rows * nC);
  const dimensions = new Float64Array(rows * nD);
  const index = new Float64Array(rows);
  const bufD = new Float64Array(Math.max(1, ...fw.dimensions.map((d) => d.components.length)));
  const bufI = new Float64Array(nD);
  for (let c = 0; c < nC; c++) {
    const idx = fw.components[c].indicators;
    const w = weights[c];
    const st = status[c];
    for (let row = 0; row < rows; row++) {
      if (st[row] !== C_OK) {
        components[row * nC + c] = NaN;
        continue;
      }
      let s = 0;
      for (let j = 0; j < idx.length; j++) s += w[j] * r[row * nI + idx[j]];
      components[row * nC + c] = s;
    }
  }
  for (let row = 0; row < rows; row++) {
    let allDims = true;
    for (let d = 0; d < nD; d++) {
      const comps = fw.dimensions[d].components;
      let ok = true;
      for (let j = 0; j < comps.length; j++) {
        const v = components[row * nC + comps[j]];
        if (v !== v) {
          ok = false;
          break;
        }
        bufD[j] = v;
      }
      const dv = ok ? combine(bufD.subarray(0, comps.length), fw.dimensionAggregation) : NaN;
      dimensions[row * nD + d] = dv;
      bufI[d] = dv;
      if (dv !== dv) allDims = false;
    }
    index[row] = allDims ? combine(bufI, fw.indexAggregation) : NaN;
  }
  return { components, dimensions, index };
}
