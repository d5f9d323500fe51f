import type { TResolvedFramework } from "./framework";
import type { TObservation, TObservationColumns, TProblem } from "./types";

/**
 * Dense (indicator × area × period) grid of raw values. Areas are sorted by code
 * (code-unit order) and periods ascending, so everything downstream runs in an
 * order that does not depend on the order of the input rows. One contiguous column
 * per indicator (cells ordered by area, then period), as the run's matrices.
 */
export interface TGrid {
  areaCodes: string[];
  periods: number[];
  nIndicators: number;
  /** raw[(i * areaCodes.length + a) * periods.length + p]; NaN = missing. */
  raw: Float64Array;
}

const MAX_LISTED = 50;

/** Convert an array of observation objects to the columnar form (codes interned). */
export function toColumns(observations: readonly TObservation[], problems: TProblem[]): TObservationColumns {
  const n = observations.length;
  const areaIds = new Map<string, number>();
  const indIds = new Map<string, number>();
  const cols: TObservationColumns = {
    areaCodes: [],
    indicatorCodes: [],
    area: new Int32Array(n),
    indicator: new Int32Array(n),
    period: new Int32Array(n),
    value: new Float64Array(n),
    length: n,
  };
  let bad = 0;
  for (let r = 0; r < n; r++) {
    const o = observations[r];
    let a = areaIds.get(o.area);
    if (a === undefined) areaIds.set(o.area, (a = cols.areaCodes.push(String(o.area)) - 1));
    let i = indIds.get(o.indicator);
    if (i === undefined) indIds.set(o.indicator, (i = cols.indicatorCodes.push(String(o.indicator)) - 1));
    cols.area[r] = a;
    cols.indicator[r] = i;
    const periodOk = Number.isInteger(o.period) && o.period >= -100000 && o.period <= 100000;
    const valueOk = o.value === null || o.value === undefined || (typeof o.value === "number" && Number.isFinite(o.value));
    if (!periodOk || !valueOk) {
      if (bad++ < MAX_LISTED)
        problems.push({
          severity: "error",
          area: o.area,
          indicator: o.indicator,
          period: Number.isFinite(o.period) ? o.period : undefined,
          message: !periodOk ? `period must be an integer year, got ${String(o.period)}` : `value must be a finite number or null, got ${String(o.value)}`,
        });
    }
    cols.period[r] = periodOk ? o.period : 0;
    cols.value[r] = valueOk && o.value !== null && o.value !== undefined ? o.value : NaN;
  }
  if (bad > MAX_LISTED) problems.push({ severity: "error", message: `${bad - MAX_LISTED} more invalid observations not listed` });
  return cols;
}

/**
 * Build the dense grid. Errors: duplicate (area, indicator, period). Warnings:
 * indicator codes not in the framework (their rows are ignored).
 */
export function buildGrid(fw: TResolvedFramework, obs: TObservationColumns, problems: TProblem[]): TGrid {
  const nI = fw.indicators.length;
  const indMap = new Int32Array(obs.indicatorCodes.length).fill(-1);
  const byCode = new Map(fw.indicators.map((d) => [d.code, d.index]));
  obs.indicatorCodes.forEach((c, j) => (indMap[j] = byCode.get(c) ?? -1));
  const unknownCounts = new Int32Array(obs.indicatorCodes.length);
  const usedArea = new Uint8Array(obs.areaCodes.length);
  const { area, indicator, period, value } = obs;
  // rows usually come in runs of one period: the Set sees a period only when it changes
  const periodSet = new Set<number>();
  let lastPeriod = NaN;
  for (let r = 0; r < obs.length; r++) {
    const j = indicator[r];
    if (indMap[j] < 0) {
      unknownCounts[j]++;
      continue;
    }
    usedArea[area[r]] = 1;
    if (period[r] !== lastPeriod) periodSet.add((lastPeriod = period[r]));
  }
  obs.indicatorCodes.forEach((c, j) => {
    if (unknownCounts[j] > 0)
      problems.push({ severity: "warning", indicator: c, message: `indicator not in the framework: ${unknownCounts[j]} observation(s) ignored` });
  });
  const usedIds: number[] = [];
  for (let a = 0; a < usedArea.length; a++) if (usedArea[a]) usedIds.push(a);
  usedIds.sort((x, y) => (obs.areaCodes[x] < obs.areaCodes[y] ? -1 : obs.areaCodes[x] > obs.areaCodes[y] ? 1 : 0));
  const areaPos = new Int32Array(obs.areaCodes.length).fill(-1);
  const areaCodes = usedIds.map((id, pos) => ((areaPos[id] = pos), obs.areaCodes[id]));
  for (let k = 1; k < areaCodes.length; k++)
    if (areaCodes[k] === areaCodes[k - 1]) problems.push({ severity: "error", area: areaCodes[k], message: "area code listed twice in the columnar input" });
  const { periods, table, minPeriod, map } = periodPositions(periodSet);
  const nP = periods.length;
  const colStride = areaCodes.length * nP;
  const raw = new Float64Array(colStride * nI).fill(NaN);
  const seen = new Uint8Array(raw.length);
  let dups = 0;
  for (let r = 0; r < obs.length; r++) {
    const i = indMap[indicator[r]];
    if (i < 0) continue;
    const p = table ? table[period[r] - minPeriod] : (map.get(period[r]) as number);
    const cell = i * colStride + areaPos[area[r]] * nP + p;
    if (seen[cell]) {
      if (dups++ < MAX_LISTED)
        problems.push({
          severity: "error",
          area: obs.areaCodes[area[r]],
          indicator: obs.indicatorCodes[indicator[r]],
          period: period[r],
          message: "duplicate observation for this area, indicator and period",
        });
      continue;
    }
    seen[cell] = 1;
    raw[cell] = value[r];
  }
  if (dups > MAX_LISTED) problems.push({ severity: "error", message: `${dups - MAX_LISTED} more duplicate observations not listed` });
  return { areaCodes, periods, nIndicators: nI, raw };
}

/** Largest period range served by a lookup table (beyond it, a Map). */
const MAX_PERIOD_TABLE = 1 << 20;

/**
 * Sorted distinct periods and a period → position lookup: a table indexed by
 * period − minPeriod when the range is small (always, for years), else a Map.
 */
function periodPositions(periodSet: Set<number>) {
  const periods = [...periodSet].sort((x, y) => x - y);
  const map = new Map<number, number>();
  const minPeriod = periods[0] ?? 0;
  if (periods.length && periods[periods.length - 1] - minPeriod < MAX_PERIOD_TABLE) {
    const table = new Int32Array(periods[periods.length - 1] - minPeriod + 1).fill(-1);
    periods.forEach((p, k) => (table[p - minPeriod] = k));
    return { periods, table, minPeriod, map };
  }
  periods.forEach((p, k) => map.set(p, k));
  return { periods, table: null, minPeriod, map };
}
