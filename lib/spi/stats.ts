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
