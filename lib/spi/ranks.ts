/**
 * Competition ranks ("1224"): rank = 1 + number of strictly higher scores, so ties
 * share the best rank. NaN scores get NaN. Uses a native numeric sort of the values
 * plus binary search, so no comparator closures run in the hot loop.
 */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rank a column (stride `width`, offset `offset`) of a rows × width matrix within each period's rows. */
export function rankByPeriod(
  values: Float64Array,
  width: number,
  offset: number,
  rowsByPeriod: Int32Array[],
  out: Float64Array = new Float64Array(values.length / width).fill(NaN),
): Float64Array {
  for (const rows of rowsByPeriod) {
    const present = new Float64Array(rows.length);
    let n = 0;
    for (let k = 0; k < rows.length; k++) {
      const v = values[rows[k] * width + offset];
      if (v === v) present[n++] = v;
    }
    const sorted = present.subarray(0, n).sort();
    for (let k = 0; k < rows.length; k++) {
      const v = values[rows[k] * width + offset];
      out[rows[k]] = v === v ? 1 + n - upperBound(sorted, v) : NaN;
    }
  }
  return out;
}

/** Competition ranks of a plain vector (1 = highest). NaN entries get NaN. */
export function rankVector(values: Float64Array, out: Float64Array = new Float64Array(values.length)): Float64Array {
  const present = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) present[n++] = values[i];
  const sorted = present.subarray(0, n).sort();
  for (let i = 0; i < values.length; i++) out[i] = values[i] === values[i] ? 1 + n - upperBound(sorted, values[i]) : NaN;
  return out;
}
