import { FLAG_CARRIED, FLAG_CLAMPED_D, FLAG_CLAMPED_U, FLAG_IMPUTED } from "./carry-forward";
import type { TResolvedFramework } from "./framework";
import { componentReason, C_OK, C_TOO_MANY_MISSING } from "./impute";
import type { TRun } from "./pipeline";
import { rankByPeriod } from "./ranks";
import type { TIndicatorFlag, TScoreMap, TScoreRow } from "./types";

/** NaN (internal "missing") → null (output); numbers pass through at full precision. */
export const num = (v: number): number | null => (v === v ? v : null);

/** Row indices of the run grouped by period index. */
export function rowsByPeriod(run: TRun): Int32Array[] {
  const nP = run.grid.periods.length;
  const counts = new Int32Array(nP);
  for (let r = 0; r < run.rows; r++) counts[run.rowPeriod[r]]++;
  const out = Array.from({ length: nP }, (_, p) => new Int32Array(counts[p]));
  const fill = new Int32Array(nP);
  for (let r = 0; r < run.rows; r++) out[run.rowPeriod[r]][fill[run.rowPeriod[r]]++] = r;
  return out;
}

/** Why each component/dimension/index of one row is null (keys as in TScoreRow.reasons). */
export function levelReasons(
  fw: TResolvedFramework,
  row: number,
  x: Float64Array,
  status: Uint8Array[],
  components: Float64Array,
  dimensions: Float64Array,
  index: Float64Array,
  reasons: Record<string, string>,
): void {
  const nI = fw.indicators.length;
  const nC = fw.components.length;
  const nD = fw.dimensions.length;
  for (const comp of fw.components) {
    const st = status[comp.index][row];
    if (st === C_OK) {
      if (components[row * nC + comp.index] !== components[row * nC + comp.index]) reasons[`components.${comp.code}`] = "not computable";
      continue;
    }
    let missing = 0;
    for (const i of comp.indicators) if (x[row * nI + i] !== x[row * nI + i]) missing++;
    reasons[`components.${comp.code}`] = componentReason(st, comp, st === C_TOO_MANY_MISSING ? missing : undefined);
  }
  for (const dim of fw.dimensions) {
    if (dimensions[row * nD + dim.index] === dimensions[row * nD + dim.index]) continue;
    const absent = dim.components.filter((c) => components[row * nC + c] !== components[row * nC + c]).map((c) => fw.components[c].code);
    reasons[`dimensions.${dim.code}`] = absent.length
      ? `component(s) not computable: ${absent.join(", ")}`
      : "power mean undefined for negative scores (clamping is off)";
  }
  if (index[row] !== index[row]) {
    const absent = fw.dimensions.filter((d) => dimensions[row * nD + d.index] !== dimensions[row * nD + d.index]).map((d) => d.code);
    reasons.index = absent.length ? `dimension(s) not computable: ${absent.join(", ")}` : "power mean undefined for negative scores (clamping is off)";
  }
}

const FLAG_NAMES: Array<[number, TIndicatorFlag]> = [
  [FLAG_CARRIED, "carried"],
  [FLAG_IMPUTED, "imputed"],
  [FLAG_CLAMPED_U, "clampedUtopia"],
  [FLAG_CLAMPED_D, "clampedDystopia"],
];

// One shared (never mutated) array per flag combination, instead of one per cell.
const FLAG_SETS: TIndicatorFlag[][] = Array.from({ length: 16 }, (_, f) => FLAG_NAMES.filter(([bit]) => f & bit).map(([, name]) => name));

/** Build the `scores` array of the result (one object per reference-set row, with ranks). */
export function buildScoreRows(run: TRun): TScoreRow[] {
  const { fw, grid } = run;
  const nI = fw.indicators.length;
  const nC = fw.components.length;
  const nD = fw.dimensions.length;
  const { components, dimensions, index } = run.levels;
  const byPeriod = rowsByPeriod(run);
  const indexRank = rankByPeriod(index, 1, 0, byPeriod);
  const dimRanks = fw.dimensions.map((d) => rankByPeriod(dimensions, nD, d.index, byPeriod));
  const compRanks = fw.components.map((c) => rankByPeriod(components, nC, c.index, byPeriod));
  const out: TScoreRow[] = new Array(run.rows);
  for (let row = 0; row < run.rows; row++) {
    const dims: TScoreMap = {};
    const comps: TScoreMap = {};
    const inds: TScoreMap = {};
    const dimR: TScoreMap = {};
    const compR: TScoreMap = {};
    const flags: Record<string, TIndicatorFlag[]> = {};
    const reasons: Record<string, string> = {};
    for (const d of fw.dimensions) {
      dims[d.code] = num(dimensions[row * nD + d.index]);
      dimR[d.code] = num(dimRanks[d.index][row]);
    }
    for (const c of fw.components) {
      comps[c.code] = num(components[row * nC + c.index]);
      compR[c.code] = num(compRanks[c.index][row]);
    }
    for (const ind of fw.indicators) {
      const cell = row * nI + ind.index;
      const v = run.r[cell];
      inds[ind.code] = num(v);
      if (v !== v) reasons[`indicators.${ind.code}`] = "no value";
      const f = run.flags[cell];
      if (f) flags[ind.code] = FLAG_SETS[f];
    }
    levelReasons(fw, row, run.x, run.status, components, dimensions, index, reasons);
    out[row] = {
      area: grid.areaCodes[run.rowArea[row]],
      period: grid.periods[run.rowPeriod[row]],
      index: num(index[row]),
      dimensions: dims,
      components: comps,
      indicators: inds,
      flags,
      reasons,
      ranks: { index: num(indexRank[row]), dimensions: dimR, components: compR },
    };
  }
  return out;
}

/** Weights used per component, 0–100 basis: { componentCode: { indicatorCode: v } }. */
export function weightsMap(run: TRun): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of run.fw.components) out[c.code] = vectorMap(run.fw, c.indicators, run.weights[c.index].v);
  return out;
}

/** Map a per-indicator vector of a component to { indicatorCode: value }. */
export function vectorMap(fw: TResolvedFramework, idx: number[], v: ArrayLike<number>): Record<string, number> {
  const m: Record<string, number> = {};
  idx.forEach((i, j) => (m[fw.indicators[i].code] = v[j]));
  return m;
}
