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
 * k-th smallest value (0-based) by quickselect (Hoare partition, median-of-three
 * pivot). Reorders `a` in place; O(n) expected. `a` must not contain NaN.
 */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0, hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot keeps sorted inputs linear
    let x = a[lo];
    const y = a[mid], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        x = a[i];
        a[i] = a[j];
        a[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
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
