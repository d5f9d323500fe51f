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
