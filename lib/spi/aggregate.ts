import { carryForward } from "./carry-forward";
import { levelReasons, num } from "./output";
import { scoreExtraRows, type TRun } from "./pipeline";
import type { TAggregateRow } from "./result-types";
import type { TArea, TProblem, TScoreMap } from "./types";

interface TParent {
  code: string;
  /** Area indices (into grid.areaCodes) and populations of the members. */
  members: number[];
  pops: number[];
}

function parentsOf(run: TRun, areas: TArea[], problems: TProblem[]): TParent[] {
  const areaIdx = new Map(run.grid.areaCodes.map((c, i) => [c, i]));
  const byParent = new Map<string, TArea[]>();
  for (const a of areas) if (a.parent) (byParent.get(a.parent) ?? byParent.set(a.parent, []).get(a.parent)!).push(a);
  const out: TParent[] = [];
  for (const code of [...byParent.keys()].sort()) {
    const list = byParent.get(code)!;
    const members: number[] = [], pops: number[] = [];
    // a parent none of whose members was observed (an areas file for a whole region, data
    // for part of it) gets one warning, not one per member
    if (list.every((a) => !areaIdx.has(a.code))) {
      problems.push({ severity: "warning", area: code, message: `none of its ${list.length} member area(s) has observations, so it is not aggregated` });
      continue;
    }
    let ok = true;
    for (const a of list) {
      const i = areaIdx.get(a.code);
      if (i === undefined) {
        problems.push({ severity: "warning", area: a.code, message: `member of ${code} has no observations; left out of the aggregate` });
        continue;
      }
      if (!(typeof a.population === "number" && a.population > 0)) {
        problems.push({ severity: "warning", area: a.code, message: `no positive population, so ${code} cannot be aggregated` });
        ok = false;
        continue;
      }
      members.push(i);
      pops.push(a.population);
    }
    if (ok && members.length > 0) out.push({ code, members, pops });
  }
  return out;
}

/**
 * SPI-METHOD §6, both methods, labelled by `method`:
 * - "score": S_B = Σ P_a·S_a / Σ P_a for every score; null (with a reason) unless every
 *   member has that score in the period (a partial mean would be biased).
 * - "indicator": population-weighted mean of each indicator's value (after carry-
 *   forward, before transform) over the members that have it, then steps 2–7 with the
 *   run's U, D, weights and imputation fits.
 * Populations are those of the areas input (one figure per area, not per year).
 */
export function aggregateToParents(run: TRun, areas: TArea[], problems: TProblem[]): TAggregateRow[] {
  const parents = parentsOf(run, areas, problems);
  if (parents.length === 0) return [];
  const { fw, grid } = run;
  const nP = grid.periods.length, rows = run.rows;
  const rowOf = new Int32Array(grid.areaCodes.length * nP).fill(-1);
  for (let r = 0; r < run.rows; r++) rowOf[run.rowArea[r] * nP + run.rowPeriod[r]] = r;
  const cells: Array<{ parent: TParent; p: number; memberRows: Int32Array }> = [];
  for (const parent of parents) {
    for (let p = 0; p < nP; p++) {
      const memberRows = Int32Array.from(parent.members, (a) => rowOf[a * nP + p]);
      if (memberRows.some((r) => r >= 0)) cells.push({ parent, p, memberRows });
    }
  }
  // Σ P·S per (cell, score), one score column at a time (the column stays in cache);
  // NaN when a member lacks the score, with the count of those members
  const series = [
    ...fw.dimensions.map((d) => ({ key: `dimensions.${d.code}`, arr: run.levels.dimensions, col: d.index })),
    ...fw.components.map((c) => ({ key: `components.${c.code}`, arr: run.levels.components, col: c.index })),
    ...fw.indicators.map((i) => ({ key: `indicators.${i.code}`, arr: run.r, col: i.index })),
    { key: "index", arr: run.levels.index, col: 0 },
  ];
  const nS = series.length;
  const sums = new Float64Array(cells.length * nS);
  const lacking = new Int32Array(cells.length * nS);
  series.forEach(({ arr, col }, si) => {
    const column = arr.subarray(col * rows, (col + 1) * rows);
    cells.forEach(({ parent, memberRows }, c) => {
      let s = 0, lack = 0;
      for (let k = 0; k < memberRows.length; k++) {
        const r = memberRows[k];
        const v = r >= 0 ? column[r] : NaN;
        if (v === v) s += parent.pops[k] * v;
        else lack++;
      }
      sums[c * nS + si] = s;
      lacking[c * nS + si] = lack;
    });
  });
  const scoreRows: TAggregateRow[] = cells.map(({ parent, p }, c) => {
    const totalPop = parent.pops.reduce((s, x) => s + x, 0);
    const reasons: Record<string, string> = {};
    const wmean = (si: number) => {
      const lack = lacking[c * nS + si];
      if (lack) reasons[series[si].key] = `${lack} of ${parent.members.length} member areas lack this score`;
      return lack ? null : sums[c * nS + si] / totalPop;
    };
    let si = 0;
    const dims: TScoreMap = {}, comps: TScoreMap = {}, inds: TScoreMap = {};
    for (const d of fw.dimensions) dims[d.code] = wmean(si++);
    for (const cc of fw.components) comps[cc.code] = wmean(si++);
    for (const i of fw.indicators) inds[i.code] = wmean(si++);
    const index = wmean(si++);
    return { method: "score" as const, area: parent.code, period: grid.periods[p], members: parent.members.length, population: totalPop, index, dimensions: dims, components: comps, indicators: inds, reasons };
  });
  return [...scoreRows, ...indicatorAggregation(run, cells)];
}

function indicatorAggregation(run: TRun, cells: Array<{ parent: TParent; p: number }>): TAggregateRow[] {
  const { fw, grid } = run;
  const nP = grid.periods.length, nA = grid.areaCodes.length, nI = fw.indicators.length, n = cells.length;
  const filled = carryForward(grid, fw.carryForwardYears, new Uint8Array(grid.raw.length));
  // nIndicators columns of n rows (the layout scoreExtraRows takes)
  const raw = new Float64Array(n * nI);
  cells.forEach(({ parent, p }, row) => {
    const { members, pops } = parent;
    for (let i = 0; i < nI; i++) {
      let s = 0, w = 0;
      for (let k = 0; k < members.length; k++) {
        const v = filled[(i * nA + members[k]) * nP + p];
        if (v === v) {
          s += pops[k] * v;
          w += pops[k];
        }
      }
      raw[i * n + row] = w > 0 ? s / w : NaN;
    }
  });
  const scored = scoreExtraRows(run, raw, n);
  const { components, dimensions, index } = scored.levels;
  const matrices = { rows: n, x: scored.x, status: scored.status, components, dimensions, index };
  return cells.map(({ parent, p }, row) => {
    const reasons: Record<string, string> = {};
    const dims: TScoreMap = {}, comps: TScoreMap = {}, inds: TScoreMap = {};
    for (const d of fw.dimensions) dims[d.code] = num(dimensions[d.index * n + row]);
    for (const c of fw.components) comps[c.code] = num(components[c.index * n + row]);
    for (const i of fw.indicators) {
      inds[i.code] = num(scored.r[i.index * n + row]);
      if (inds[i.code] === null) reasons[`indicators.${i.code}`] = "no member has a value";
    }
    levelReasons(fw, row, matrices, (key, text) => (reasons[key] = text));
    return {
      method: "indicator" as const,
      area: parent.code,
      period: grid.periods[p],
      members: parent.members.length,
      population: parent.pops.reduce((s, x) => s + x, 0),
      index: num(index[row]),
      dimensions: dims,
      components: comps,
      indicators: inds,
      reasons,
    };
  });
}
