/**
 * Competition ranks ("1224"): rank = 1 + number of strictly higher scores, so ties
 * share the best rank. NaN scores get NaN. The values are sorted natively; then each
 * value's upper bound (the position after its last equal value) is looked up in a
 * small open-addressing hash table keyed by the value's bits, which is cheaper than a
 * binary search per value (whose branches the CPU cannot predict).
 */
class UpperBoundTable {
  private cap = 0;
  private mask = 0;
  private lo = new Int32Array(0);
  private hi = new Int32Array(0);
  /** Upper bound + 1 per slot; 0 = empty. */
  private ub = new Int32Array(0);
  private f64 = new Float64Array(1);
  private bits = new Int32Array(this.f64.buffer);

  /** Index the distinct values of sorted[0 … n). */
  build(sorted: Float64Array, n: number): void {
    let size = 16;
    while (size < 2 * n) size *= 2;
    if (size > this.cap) {
      this.cap = size;
      this.lo = new Int32Array(size);
      this.hi = new Int32Array(size);
      this.ub = new Int32Array(size);
    }
    // only the first `size` slots are used, however large the buffers have grown
    this.mask = size - 1;
    this.ub.fill(0, 0, size);
    for (let k = 0; k < n; k++) if (k === n - 1 || sorted[k + 1] !== sorted[k]) this.put(sorted[k], k + 1);
  }

  private slot(v: number): number {
    // -0 and 0 are equal values, so they must land on the same key
    this.f64[0] = v === 0 ? 0 : v;
    const lo = this.bits[0], hi = this.bits[1];
    let s = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 0;
    const mask = this.mask;
    for (s &= mask; this.ub[s] !== 0 && (this.lo[s] !== lo || this.hi[s] !== hi); s = (s + 1) & mask);
    return s;
  }

  private put(v: number, upper: number): void {
    const s = this.slot(v);
    this.lo[s] = this.bits[0];
    this.hi[s] = this.bits[1];
    this.ub[s] = upper + 1;
  }

  /** Upper bound of a value that is among the indexed ones. */
  get(v: number): number {
    return this.ub[this.slot(v)] - 1;
  }
}

// one shared table: the engine is synchronous, and the buffers are reused across calls
const TABLE = new UpperBoundTable();

/** Rank a column (stride `width`, offset `offset`) of a rows × width matrix within each period's rows. */
export function rankByPeriod(
  values: Float64Array,
  width: number,
  offset: number,
  rowsByPeriod: Int32Array[],
  out: Float64Array = new Float64Array(values.length / width).fill(NaN),
): Float64Array {
  const table = TABLE;
  for (const rows of rowsByPeriod) {
    const present = new Float64Array(rows.length);
    let n = 0;
    for (let k = 0; k < rows.length; k++) {
      const v = values[rows[k] * width + offset];
      if (v === v) present[n++] = v;
    }
    const sorted = present.subarray(0, n).sort();
    table.build(sorted, n);
    for (let k = 0; k < rows.length; k++) {
      const v = values[rows[k] * width + offset];
      out[rows[k]] = v === v ? 1 + n - table.get(v) : NaN;
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
  const table = TABLE;
  table.build(sorted, n);
  for (let i = 0; i < values.length; i++) out[i] = values[i] === values[i] ? 1 + n - table.get(values[i]) : NaN;
  return out;
}
