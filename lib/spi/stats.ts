/** Small descriptive statistics on plain numbers. Inputs must not contain NaN. */

/** Median (mean of the middle two for even n). NaN for an empty input. Does not modify the input. */
export function median(values: ArrayLike<number>): number {
  const s = Float64Array.from(values).sort();
  return quantileSorted(s, 0.5);
}

/**
 * Quantile of sorted values by linear interpolation between order statistics
 * (Hyndman–Fan type 7, the default of R and numpy). NaN for an empty input.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Mean absolute deviation around a given centre m: Σ|y − m| / n. */
export function meanAbsDeviation(values: ArrayLike<number>, m: number): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.abs(values[i] - m);
  return values.length ? s / values.length : NaN;
}

/** Least-squares slope of y on x (units of y per unit of x). NaN when x has no spread. */
export function slope(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) * (xs[i] - mx);
  }
  return sxx > 0 ? sxy / sxx : NaN;
}

/**
 * k-th smallest value (0-based) by Floyd–Rivest selection: on large ranges it first
 * narrows to a sample-chosen interval around k, so it makes about n + o(n) comparisons
 * where quickselect makes ~3n. Reorders `a` in place so that a[i] <= a[k] for i < k
 * and a[i] >= a[k] for i > k; O(n) expected. `a` must not contain NaN.
 */
export function selectKth(a: Float64Array, k: number): number {
  selectRange(a, 0, a.length - 1, k);
  return a[k];
}

function selectRange(a: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    if (right - left > 600) {
      // recurse on a range expected to hold the k-th value, sized from a sample
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * Math.sign(i - n / 2);
      selectRange(a, Math.max(left, Math.floor(k - (i * s) / n + sd)), Math.min(right, Math.floor(k + ((n - i) * s) / n + sd)), k);
    }
    const t = a[k];
    let i = left, j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, right, left);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else swap(a, ++j, right);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i];
  a[i] = a[j];
  a[j] = x;
}

/**
 * Median of a (no NaN; mean of the middle two for even n; NaN when empty), without
 * reordering it. Large inputs are bracketed from a sorted sample: one pass counts the
 * values below the bracket and gathers those inside it (about a tenth), and selection
 * runs on those only; if the middle falls outside the bracket (a skewed sample, rare)
 * it selects over a copy of everything. Either way the result is exactly the order
 * statistic of a sort.
 *
 * The counting pass reads each comparison off the sign bit of a difference instead of
 * branching on it: on this kind of data half the branches go each way, and a
 * mispredicted branch per value made selection cost about 20 ns a value on the
 * benchmark machine, three times this pass.
 */
export function medianOf(a: Float64Array): number {
  return bracketedMedian(a, NaN);
}

/**
 * Median of |a[i] − centre| (e.g. the median absolute deviation around the median),
 * as medianOf would give it on those values, without writing them out first.
 */
export function medianAbsDeviation(a: Float64Array, centre: number): number {
  return bracketedMedian(a, centre);
}

/** medianOf of a (centre NaN) or of |a − centre|. */
function bracketedMedian(a: Float64Array, centre: number): number {
  const n = a.length;
  const abs = centre === centre;
  const copy = () => (abs ? Float64Array.from(a, (v) => Math.abs(v - centre)) : Float64Array.from(a));
  if (n < 4 * MEDIAN_SAMPLE) return medianInPlace(copy());
  const step = Math.floor(n / MEDIAN_SAMPLE);
  for (let i = 0; i < MEDIAN_SAMPLE; i++) medianSample[i] = abs ? Math.abs(a[i * step] - centre) : a[i * step];
  medianSample.sort();
  const k0 = (n - 1) >> 1, k1 = n >> 1;
  // the middle's rank in the sample ± 4 standard deviations of it (√s / 2 each)
  const q = Math.floor((k0 * MEDIAN_SAMPLE) / n), d = 2 * Math.ceil(Math.sqrt(MEDIAN_SAMPLE));
  const lo = medianSample[Math.max(0, q - d)], hi = medianSample[Math.min(MEDIAN_SAMPLE - 1, q + d)];
  if (!(hi - lo < Infinity)) return medianInPlace(copy());
  if (bracketed.length < n) bracketed = new Float64Array(n);
  const below = countBelowAndGather(a, centre, lo, hi, bracketed, bracketCount);
  const m = bracketCount[0];
  if (k0 < below || k1 >= below + m) return medianInPlace(copy());
  const g = bracketed.subarray(0, m);
  const lower = selectKth(g, k0 - below);
  if (k1 === k0) return lower;
  // after selection everything right of the lower middle is >= it: the upper middle is their minimum
  let upper = Infinity;
  for (let i = k0 - below + 1; i < m; i++) if (g[i] < upper) upper = g[i];
  return (lower + upper) / 2;
}

const MEDIAN_SAMPLE = 1024;
// scratch reused across calls (the engine is synchronous)
const medianSample = new Float64Array(MEDIAN_SAMPLE);
let bracketed = new Float64Array(0);
const bracketCount = new Int32Array(1);
/** Two differences, and their 32-bit halves: the sign bit of a float64 is the top bit of its high half. */
const diffs = new Float64Array(2);
const diffWords = new Int32Array(diffs.buffer);
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Returns how many values of a (or of |a − centre| unless centre is NaN) are below lo
 * (v − lo negative), and gathers into out those with both v − lo and hi − v
 * non-negative (their number into count[0]). Counts −0 as below a bound of 0:
 * consistent, since −0 and 0 are equal values.
 */
function countBelowAndGather(a: Float64Array, centre: number, lo: number, hi: number, out: Float64Array, count: Int32Array): number {
  const abs = centre === centre;
  let below = 0, m = 0;
  for (let i = 0; i < a.length; i++) {
    // (the same way every time in a call, so this branch is always predicted)
    const v = abs ? Math.abs(a[i] - centre) : a[i];
    diffs[0] = v - lo;
    diffs[1] = hi - v;
    const s0 = diffWords[HIGH], s1 = diffWords[2 + HIGH];
    below += s0 >>> 31;
    if ((s0 | s1) >= 0) out[m++] = v;
  }
  count[0] = m;
  return below;
}

/** Median in O(n) without sorting; reorders `a` in place. NaN when empty. */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  const hi = selectKth(a, n >> 1);
  if (n % 2) return hi;
  // after selection, everything left of n/2 is <= hi: the lower middle is their max
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i] > lo) lo = a[i];
  return (lo + hi) / 2;
}
