/**
 * Rank rows within each period: 1 = highest score; ties share the best rank
 * (competition ranking "1224"); NaN scores get no rank (NaN). Stride/offset address
 * a column of a rows × width matrix.
 */
export function rankByPeriod(
  values: Float64Array,
  width: number,
  offset: number,
  rowsByPeriod: Int32Array[],
  out: Float64Array = new Float64Array(values.length / width).fill(NaN),
): Float64Array {
  for (const rows of rowsByPeriod) {
    const present: number[] = [];
    for (const r of rows) if (values[r * width + offset] === values[r * width + offset]) present.push(r);
    present.sort((a, b) => values[b * width + offset] - values[a * width + offset]);
    for (let k = 0; k < present.length; k++) {
      const v = values[present[k] * width + offset];
      out[present[k]] = k > 0 && v === values[present[k - 1] * width + offset] ? out[present[k - 1]] : k + 1;
    }
  }
  return out;
}

/** Competition ranks of a plain vector (1 = highest). NaN entries get NaN. */
export function rankVector(values: Float64Array, out: Float64Array = new Float64Array(values.length)): Float64Array {
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) {
    out[i] = NaN;
    if (values[i] === values[i]) order.push(i);
  }
  order.sort((a, b) => values[b] - values[a]);
  for (let k = 0; k < order.length; k++) {
    out[order[k]] = k > 0 && values[order[k]] === values[order[k - 1]] ? out[order[k - 1]] : k + 1;
  }
  return out;
}
