/**
 * Competition ranks ("1224"): rank = 1 + number of strictly higher scores, so ties
 * share the best rank. NaN scores get NaN.
 *
 * Ranked by bucketing instead of sorting: the values are spread over n buckets of equal
 * width between their minimum and maximum. Bucketing is monotone (a higher value never
 * lands in a lower bucket), so a value's rank is 1 + the count of values in higher
 * buckets + the count of strictly higher values in its own bucket, which holds about one
 * value on average. A crowded bucket (many ties, e.g. clamped scores of 100) is sorted
 * and searched instead. Every comparison is exact, so the ranks are exactly those of a
 * sort, in O(n) expected time: about half the time of a native sort on national runs.
 */

/** Buckets up to this size are compared pairwise; larger ones are sorted. */
const PAIRWISE = 24;

// scratch reused across calls: the engine is synchronous
let ends = new Int32Array(0);
let bucketOf = new Int32Array(0);
let byBucket = new Float64Array(0);
let origin = new Int32Array(0);

/**
 * Ranks of values[0 … n) (no NaN) written to out[at[k]]. Each pass is a small function
 * of its own: V8 compiles a function mid-loop once per loop it contains ("on-stack
 * replacement"), so the first run paid five compilations of the whole of this one.
 */
function rankPresent(values: Float64Array, n: number, out: Float64Array, at: Int32Array): void {
  if (n === 0) return;
  const min = minimum(values, n);
  const range = maximum(values, n) - min;
  if (!(range > 0 && range < Infinity)) {
    // all equal (rank 1), or infinite scores (unclamped overflow): rank by a sort
    if (range === 0) for (let k = 0; k < n; k++) out[at[k]] = 1;
    else rankBySort(values, n, out, at);
    return;
  }
  if (ends.length < n + 1) {
    ends = new Int32Array(n + 1);
    bucketOf = new Int32Array(n);
    byBucket = new Float64Array(n);
    origin = new Int32Array(n);
  }
  const nb = n;
  ends.fill(0, 0, nb + 1);
  countBuckets(values, n, min, nb / range, nb, bucketOf, ends);
  prefixSums(ends, nb);
  // ends[b] is now where bucket b starts; placing advances it to where b ends
  placeInBuckets(values, at, n, bucketOf, ends, byBucket, origin);
  rankBuckets(byBucket, origin, ends, nb, n, out);
}

function minimum(values: Float64Array, n: number): number {
  let min = Infinity;
  for (let k = 0; k < n; k++) if (values[k] < min) min = values[k];
  return min;
}

function maximum(values: Float64Array, n: number): number {
  let max = -Infinity;
  for (let k = 0; k < n; k++) if (values[k] > max) max = values[k];
  return max;
}

/** bucketOf[k] = the bucket of values[k]; ends[b + 1] counts bucket b. */
function countBuckets(values: Float64Array, n: number, min: number, scale: number, nb: number, bucketOf: Int32Array, ends: Int32Array): void {
  for (let k = 0; k < n; k++) {
    let b = Math.floor((values[k] - min) * scale);
    if (b >= nb) b = nb - 1;
    bucketOf[k] = b;
    ends[b + 1]++;
  }
}

function prefixSums(ends: Int32Array, nb: number): void {
  for (let b = 0; b < nb; b++) ends[b + 1] += ends[b];
}

function placeInBuckets(values: Float64Array, at: Int32Array, n: number, bucketOf: Int32Array, ends: Int32Array, byBucket: Float64Array, origin: Int32Array): void {
  for (let k = 0; k < n; k++) {
    const p = ends[bucketOf[k]]++;
    byBucket[p] = values[k];
    origin[p] = at[k];
  }
}

/** Every value's rank from its bucket: the values in higher buckets, plus the higher ones in its own. */
function rankBuckets(byBucket: Float64Array, origin: Int32Array, ends: Int32Array, nb: number, n: number, out: Float64Array): void {
  for (let b = 0, s = 0; b < nb; b++) {
    const e = ends[b];
    const c = e - s;
    // every value in a higher bucket is higher: n − e of them
    if (c === 1) out[origin[s]] = 1 + n - e;
    else if (c > 1 && c <= PAIRWISE) {
      for (let p = s; p < e; p++) out[origin[p]] = 1 + n - e + countHigher(byBucket, s, e, byBucket[p]);
    } else if (c > PAIRWISE) rankCrowded(byBucket, origin, s, e, n, out);
    s = e;
  }
}

/** A crowded bucket (many ties): sorted, and each value's higher ones found by binary search. */
function rankCrowded(byBucket: Float64Array, origin: Int32Array, s: number, e: number, n: number, out: Float64Array): void {
  const c = e - s;
  const sorted = byBucket.slice(s, e).sort();
  for (let p = s; p < e; p++) out[origin[p]] = 1 + n - e + (c - upperBound(sorted, byBucket[p]));
}

/** Two halves of a float64 difference: its sign bit is the top bit of the high half. */
const diff = new Float64Array(1);
const diffWords = new Int32Array(diff.buffer);
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * How many of values[s … e) are greater than v, from the sign bit of v − value rather
 * than a branch on the comparison (which goes either way at random here, and a
 * mispredicted branch costs more than the subtraction). Exact for finite values
 * without −0 (−0 − 0 is −0, whose sign bit would count an equal value as higher):
 * rankByPeriod and rankVector turn −0 into 0, and infinite ranges are sorted instead.
 */
function countHigher(values: Float64Array, s: number, e: number, v: number): number {
  let higher = 0;
  for (let q = s; q < e; q++) {
    diff[0] = v - values[q];
    higher += diffWords[HIGH] >>> 31;
  }
  return higher;
}

/** Position after the last value <= v in sorted values. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m] <= v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

function rankBySort(values: Float64Array, n: number, out: Float64Array, at: Int32Array): void {
  const sorted = values.slice(0, n).sort();
  for (let k = 0; k < n; k++) out[at[k]] = 1 + n - upperBound(sorted, values[k]);
}

/** Rank a column (stride `width`, offset `offset`) of a rows × width matrix within each period's rows. */
export function rankByPeriod(
  values: Float64Array,
  width: number,
  offset: number,
  rowsByPeriod: Int32Array[],
  out: Float64Array = new Float64Array(values.length / width).fill(NaN),
): Float64Array {
  let present = new Float64Array(0);
  let at = new Int32Array(0);
  for (const rows of rowsByPeriod) {
    if (present.length < rows.length) {
      present = new Float64Array(rows.length);
      at = new Int32Array(rows.length);
    }
    let n = 0;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      const v = values[row * width + offset];
      if (v === v) {
        present[n] = v + 0; // −0 as 0 (see countHigher)
        at[n++] = row;
      } else out[row] = NaN;
    }
    rankPresent(present, n, out, at);
  }
  return out;
}

/** Competition ranks of a plain vector (1 = highest). NaN entries get NaN. */
export function rankVector(values: Float64Array, out: Float64Array = new Float64Array(values.length)): Float64Array {
  const present = new Float64Array(values.length);
  const at = new Int32Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === values[i]) {
      present[n] = values[i] + 0; // −0 as 0 (see countHigher)
      at[n++] = i;
    } else out[i] = NaN;
  }
  rankPresent(present, n, out, at);
  return out;
}
