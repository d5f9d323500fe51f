import type { TRun } from "./pipeline";
import type { TTravel, TTravelEntry } from "./result-types";

/**
 * Classify one series (years ascending, NaN = no score). Uses the last two periods
 * with a score for `change` and every scored period for the least-squares `slope`
 * (points per year). |change| < threshold → "stable". Null with fewer than 2 points.
 */
export function travelEntry(years: ArrayLike<number>, values: ArrayLike<number>, threshold: number): TTravelEntry | null {
  let n = 0, sx = 0, sy = 0;
  let last = -1, prev = -1;
  for (let k = 0; k < values.length; k++) {
    if (values[k] !== values[k]) continue;
    n++;
    sx += years[k];
    sy += values[k];
    prev = last;
    last = k;
  }
  if (n < 2) return null;
  const mx = sx / n, my = sy / n;
  let sxy = 0, sxx = 0;
  for (let k = 0; k < values.length; k++) {
    if (values[k] !== values[k]) continue;
    sxy += (years[k] - mx) * (values[k] - my);
    sxx += (years[k] - mx) ** 2;
  }
  const change = values[last] - values[prev];
  return {
    from: years[prev],
    to: years[last],
    change,
    slope: sxy / sxx,
    periods: n,
    status: Math.abs(change) < threshold ? "stable" : change > 0 ? "improving" : "worsening",
  };
}

/**
 * SPI-METHOD §4 for every area with at least two periods: index, dimensions,
 * components and indicator scores (all oriented so that higher is better).
 * Rows of one area are contiguous and in period order, so this is one linear pass.
 */
export function directionOfTravel(run: TRun, threshold: number): TTravel[] {
  const { fw, grid } = run;
  const nI = fw.indicators.length, nC = fw.components.length, nD = fw.dimensions.length;
  const out: TTravel[] = [];
  let start = 0;
  while (start < run.rows) {
    let end = start + 1;
    while (end < run.rows && run.rowArea[end] === run.rowArea[start]) end++;
    if (end - start >= 2) {
      const len = end - start;
      const years = new Float64Array(len);
      const buf = new Float64Array(len);
      for (let k = 0; k < len; k++) years[k] = grid.periods[run.rowPeriod[start + k]];
      const series = (arr: Float64Array, width: number, off: number) => {
        for (let k = 0; k < len; k++) buf[k] = arr[(start + k) * width + off];
        return travelEntry(years, buf, threshold);
      };
      const t: TTravel = { area: grid.areaCodes[run.rowArea[start]], index: series(run.levels.index, 1, 0), dimensions: {}, components: {}, indicators: {} };
      for (const d of fw.dimensions) t.dimensions[d.code] = series(run.levels.dimensions, nD, d.index);
      for (const c of fw.components) t.components[c.code] = series(run.levels.components, nC, c.index);
      for (const i of fw.indicators) t.indicators[i.code] = series(run.r, nI, i.index);
      out.push(t);
    }
    start = end;
  }
  return out;
}
