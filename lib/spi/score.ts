import { FLAG_CLAMPED_D, FLAG_CLAMPED_U } from "./carry-forward";
import type { TResolvedFramework } from "./framework";
import { C_OK } from "./impute";
import type { TAggregation } from "./types";

/**
 * SPI-METHOD §2 steps 4 and 6–7. Step 4: r = 100·(x − D)/(U − D), clamped to [0, 100]
 * when `clamp`, setting FLAG_CLAMPED_U / FLAG_CLAMPED_D when clamping moved the value
 * (NaN stays NaN; full precision, no rounding). Each indicator's scores are added into
 * its component's sum as they are computed, rather than written in one pass over the
 * whole matrix and read back in another. x, flags and r are nIndicators columns of
 * `rows`; `weights[c]` are component c's 0–100-basis weights; see scoreLevels.
 */
export function scoreAll(
  fw: TResolvedFramework,
  x: Float64Array,
  flags: Uint8Array,
  status: Uint8Array[],
  weights: ArrayLike<number>[],
  rows: number,
): { r: Float64Array; levels: TLevels } {
  const r = new Float64Array(rows * fw.indicators.length);
  const components = new Float64Array(rows * fw.components.length);
  fw.components.forEach((comp, c) => {
    const out = components.subarray(c * rows, (c + 1) * rows);
    comp.indicators.forEach((i, j) => {
      const { utopia: u, dystopia: d } = fw.indicators[i];
      rescaleAdd(x, flags, r, i * rows, d, 100 / (u - d), fw.clamp, weights[c][j], out);
    });
    nanWhereNotOk(out, status[c]);
  });
  return { r, levels: combineLevels(fw, components, rows) };
}

/** r = the scores of cells [from, from + out.length), and out[row] += w·r (with w = 1 the same sums as plain additions, y·1 = y). */
function rescaleAdd(x: Float64Array, flags: Uint8Array, r: Float64Array, from: number, d: number, f: number, clamp: boolean, w: number, out: Float64Array): void {
  for (let row = 0, cell = from; row < out.length; row++, cell++) {
    let s = (x[cell] - d) * f;
    if (clamp) {
      if (s > 100) {
        s = 100;
        flags[cell] |= FLAG_CLAMPED_U;
      } else if (s < 0) {
        s = 0;
        flags[cell] |= FLAG_CLAMPED_D;
      }
    }
    r[cell] = s;
    out[row] += w * s;
  }
}

/**
 * Combine scores by the arithmetic mean or the power mean (Σ yᵖ / n)^(1/p)
 * (p = 0: geometric mean) over the first n values. Returns NaN when any input is NaN,
 * or when a power mean meets a negative score (possible only with clamping off).
 */
export function combine(values: ArrayLike<number>, agg: TAggregation, n: number = values.length): number {
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
  /** nComponents columns of `rows`, NaN = not computable. */
  components: Float64Array;
  /** nDimensions columns of `rows`. */
  dimensions: Float64Array;
  index: Float64Array;
}

/**
 * SPI-METHOD §2 steps 6–7 from the component scores (component = Σ v_i·r_i where the
 * status is C_OK, NaN elsewhere): dimension = mean (or power mean) of its components,
 * only if all are present; index likewise over dimensions. Sums accumulate in the
 * order of the framework's lists, whatever the layout.
 */
function combineLevels(fw: TResolvedFramework, components: Float64Array, rows: number): TLevels {
  const dimensions = new Float64Array(rows * fw.dimensions.length);
  const index = new Float64Array(rows);
  combineColumns(fw.dimensions.map((d) => d.components), components, fw.dimensionAggregation, rows, dimensions);
  combineColumns([fw.dimensions.map((d) => d.index)], dimensions, fw.indexAggregation, rows, index);
  return { components, dimensions, index };
}

// Hot loops as small functions of their own (see scanColumn in diagnostics.ts).

/** out[row] += w·from[off + row]; with w = 1 the same sums as plain additions (y·1 = y). */
function addScaled(out: Float64Array, w: number, from: Float64Array, off: number): void {
  for (let row = 0; row < out.length; row++) out[row] += w * from[off + row];
}

function nanWhereNotOk(out: Float64Array, status: Uint8Array): void {
  for (let row = 0; row < out.length; row++) if (status[row] !== C_OK) out[row] = NaN;
}

function divideAll(out: Float64Array, d: number): void {
  for (let row = 0; row < out.length; row++) out[row] /= d;
}

/**
 * out column g (of `rows`) = combine of the columns groups[g] of `from`, row by row;
 * NaN when any member is NaN. Accumulates member by member (same sums as combine).
 */
function combineColumns(groups: number[][], from: Float64Array, agg: TAggregation, rows: number, out: Float64Array): void {
  const buf = new Float64Array(Math.max(1, ...groups.map((g) => g.length)));
  groups.forEach((members, g) => {
    const o = out.subarray(g * rows, (g + 1) * rows);
    if (agg === "arithmetic") {
      // column-wise: 0 + y1 + y2 + … then / n, as combine does (NaN propagates)
      for (const m of members) addScaled(o, 1, from, m * rows);
      divideAll(o, members.length);
      return;
    }
    for (let row = 0; row < rows; row++) {
      let ok = true;
      for (let j = 0; j < members.length; j++) {
        const v = from[members[j] * rows + row];
        if (v !== v) {
          ok = false;
          break;
        }
        buf[j] = v;
      }
      o[row] = ok ? combine(buf, agg, members.length) : NaN;
    }
  });
}
