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
 * Where buildGrid gets the grid's memory (contents undefined; buildGrid fills it): fresh
 * by default. The engine lends it a buffer it reuses from run to run (see engine.ts).
 */
export type TGridAllocator = (length: number) => Float64Array;

const freshGrid: TGridAllocator = (length) => new Float64Array(length);

/**
 * Build the dense grid. Errors: duplicate (area, indicator, period). Warnings:
 * indicator codes not in the framework (their rows are ignored).
 *
 * One pass over the rows when the period range is compact (always, for years): the grid
 * is laid out for every listed area and every period from the first to the last, the
 * values placed, and the areas and periods in use noted on the way; only when some go
 * unused is the grid copied down to them. Duplicates are caught with one bit per cell
 * (a few hundred kB, in cache), not by reading the cell itself: in the order rows
 * usually come (by area) the cells written one after another lie in dozens of columns
 * megabytes apart, which the CPU cannot prefetch, so reading them stalled on memory.
 */
export function buildGrid(fw: TResolvedFramework, obs: TObservationColumns, problems: TProblem[], allocate: TGridAllocator = freshGrid): TGrid {
  const nI = fw.indicators.length;
  const nA0 = obs.areaCodes.length;
  const range = periodRange(obs.period, obs.length);
  const span = range[1] - range[0] + 1;
  if (obs.length === 0 || !(span <= MAX_PERIOD_TABLE) || nA0 * span * nI > 4 * obs.length + (1 << 20)) return buildGridTwoPass(fw, obs, problems, allocate);
  const minPeriod = range[0];
  const indMap = new Int32Array(obs.indicatorCodes.length).fill(-1);
  const byCode = new Map(fw.indicators.map((d) => [d.code, d.index]));
  obs.indicatorCodes.forEach((c, j) => (indMap[j] = byCode.get(c) ?? -1));
  // every listed area in code order (stable: equal codes keep their input order)
  const sortedIds = Array.from({ length: nA0 }, (_, id) => id).sort((x, y) => (obs.areaCodes[x] < obs.areaCodes[y] ? -1 : obs.areaCodes[x] > obs.areaCodes[y] ? 1 : 0));
  const pos = new Int32Array(nA0);
  sortedIds.forEach((id, p) => (pos[id] = p));
  const colStride = nA0 * span;
  const raw = allocate(colStride * nI);
  raw.fill(NaN);
  // one bit per cell, set when written: a second value for a cell is a duplicate
  const seen = new Int32Array((raw.length + 31) >>> 5);
  const usedArea = new Uint8Array(nA0);
  const usedPeriod = new Uint8Array(span);
  const unknownCounts = new Int32Array(obs.indicatorCodes.length);
  const dupRows = new Int32Array(MAX_LISTED);
  const dups = placeValues(obs, indMap, pos, minPeriod, span, colStride, raw, seen, usedArea, usedPeriod, unknownCounts, dupRows);
  obs.indicatorCodes.forEach((c, j) => {
    if (unknownCounts[j] > 0)
      problems.push({ severity: "warning", indicator: c, message: `indicator not in the framework: ${unknownCounts[j]} observation(s) ignored` });
  });
  const usedIds = sortedIds.filter((id) => usedArea[id]);
  const areaCodes = usedIds.map((id) => obs.areaCodes[id]);
  for (let k = 1; k < areaCodes.length; k++)
    if (areaCodes[k] === areaCodes[k - 1]) problems.push({ severity: "error", area: areaCodes[k], message: "area code listed twice in the columnar input" });
  for (let d = 0; d < Math.min(dups, MAX_LISTED); d++) {
    const r = dupRows[d];
    problems.push({
      severity: "error",
      area: obs.areaCodes[obs.area[r]],
      indicator: obs.indicatorCodes[obs.indicator[r]],
      period: obs.period[r],
      message: "duplicate observation for this area, indicator and period",
    });
  }
  if (dups > MAX_LISTED) problems.push({ severity: "error", message: `${dups - MAX_LISTED} more duplicate observations not listed` });
  const usedPeriods: number[] = [];
  for (let p = 0; p < span; p++) if (usedPeriod[p]) usedPeriods.push(p);
  const periods = usedPeriods.map((p) => minPeriod + p);
  if (usedIds.length === nA0 && usedPeriods.length === span) return { areaCodes, periods, nIndicators: nI, raw };
  // some listed areas or periods have no value of a framework indicator: keep the others
  const nA = usedIds.length, nP = usedPeriods.length;
  const out = new Float64Array(nA * nP * nI);
  for (let i = 0, at = 0; i < nI; i++)
    for (const id of usedIds) for (const p of usedPeriods) out[at++] = raw[i * colStride + pos[id] * span + p];
  return { areaCodes, periods, nIndicators: nI, raw: out };
}

/** [min, max] of period[0 … n) ([Infinity, −Infinity] when empty). */
function periodRange(period: Int32Array, n: number): [number, number] {
  let min = Infinity, max = -Infinity;
  for (let r = 0; r < n; r++) {
    const p = period[r];
    if (p < min) min = p;
    if (p > max) max = p;
  }
  return [min, max];
}

/**
 * The one pass of buildGrid (a small function of its own: see scanColumn in
 * diagnostics.ts). Returns the number of duplicates; the first rows of them go in dupRows.
 */
function placeValues(
  obs: TObservationColumns,
  indMap: Int32Array,
  pos: Int32Array,
  minPeriod: number,
  span: number,
  colStride: number,
  raw: Float64Array,
  seen: Int32Array,
  usedArea: Uint8Array,
  usedPeriod: Uint8Array,
  unknownCounts: Int32Array,
  dupRows: Int32Array,
): number {
  const { area, indicator, period, value } = obs;
  let dups = 0;
  for (let r = 0; r < obs.length; r++) {
    const j = indicator[r];
    const i = indMap[j];
    if (i < 0) {
      unknownCounts[j]++;
      continue;
    }
    const a = area[r];
    const p = period[r] - minPeriod;
    usedArea[a] = 1;
    usedPeriod[p] = 1;
    const cell = i * colStride + pos[a] * span + p;
    const bit = 1 << (cell & 31);
    if (seen[cell >>> 5] & bit) {
      if (dups < dupRows.length) dupRows[dups] = r;
      dups++;
      continue;
    }
    seen[cell >>> 5] |= bit;
    raw[cell] = value[r];
  }
  return dups;
}

/**
 * buildGrid in two passes: the first finds the areas and periods in use, the second
 * places the values. For inputs whose period range is wide and sparse.
 */
export function buildGridTwoPass(fw: TResolvedFramework, obs: TObservationColumns, problems: TProblem[], allocate: TGridAllocator = freshGrid): TGrid {
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
  const raw = allocate(colStride * nI).fill(NaN);
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
