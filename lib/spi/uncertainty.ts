import type { TResolvedOptions } from "./engine";
import type { TRun } from "./pipeline";
import { rankVector } from "./ranks";
import type { TUncertainty } from "./result-types";
import { createRng, dirichlet } from "./rng";
import { combine } from "./score";
import { quantileSorted } from "./stats";
import type { TProblem } from "./types";

type TOpts = NonNullable<TResolvedOptions["uncertainty"]>;

/**
 * SPI-METHOD §7. Each draw: (c) with probability alternativeWeightingShare use the
 * alternative weighting for every component (pca ↔ equal; fixed → equal), else the
 * chosen one; (a) draw weights from Dirichlet(concentration·max(v, 0.001)) around it;
 * (b) move every U and D by uniform(−f, f)·|U − D| (f ≤ 0.45 keeps U and D apart).
 * Imputed values and missingness stay as in the run (no refitting). Scores and ranks
 * of the areas with an index in the chosen period are recomputed; percentiles are
 * type 7. Deterministic for a seed: one xoshiro128** stream, consumed in a fixed order.
 */
export function runUncertainty(run: TRun, o: TOpts, problems: TProblem[]): TUncertainty | null {
  const { fw, grid } = run;
  const period = o.period ?? grid.periods[grid.periods.length - 1];
  const pIdx = grid.periods.indexOf(period);
  if (pIdx < 0) {
    problems.push({ severity: "warning", period, message: "uncertainty: period not in the run" });
    return null;
  }
  const rows: number[] = [];
  for (let r = 0; r < run.rows; r++) if (run.rowPeriod[r] === pIdx && run.levels.index[r] === run.levels.index[r]) rows.push(r);
  const nA = rows.length;
  const nI = fw.indicators.length, nC = fw.components.length, nD = fw.dimensions.length;
  const x = new Float64Array(nA * nI);
  // area-major copy (the draws walk one area's indicators at a time)
  rows.forEach((r, a) => {
    for (let i = 0; i < nI; i++) x[a * nI + i] = run.x[i * run.rows + r];
  });
  const base = rows.map((r) => run.levels.index[r]);
  const baseRank = rankVector(Float64Array.from(base));
  const chosen = run.weights.map((w) => w.v);
  const alternative = run.weights.map((w, c) =>
    fw.components[c].weighting === "equal" ? w.pcaV ?? w.equalV : w.equalV,
  );
  const rng = createRng(o.seed);
  const scores = new Float64Array(o.draws * nA);
  const ranks = new Float64Array(o.draws * nA);
  const wDraw = fw.components.map((c) => new Float64Array(c.indicators.length));
  const alpha = fw.components.map((c) => new Float64Array(c.indicators.length));
  const u = new Float64Array(nI), d = new Float64Array(nI);
  const r = new Float64Array(nI), comp = new Float64Array(nC), dim = new Float64Array(nD);
  const bufD = new Float64Array(Math.max(1, ...fw.dimensions.map((q) => q.components.length)));
  const drawScores = new Float64Array(nA), drawRanks = new Float64Array(nA);
  for (let t = 0; t < o.draws; t++) {
    const useAlt = rng.next() < o.alternativeWeightingShare;
    for (let c = 0; c < nC; c++) {
      const b = useAlt ? alternative[c] : chosen[c];
      for (let j = 0; j < b.length; j++) alpha[c][j] = o.weightConcentration * Math.max(b[j], 0.001);
      if (b.length === 1) wDraw[c][0] = 1;
      else dirichlet(rng, alpha[c], wDraw[c]);
    }
    for (let i = 0; i < nI; i++) {
      const ind = fw.indicators[i];
      const span = Math.abs(ind.utopia - ind.dystopia) * o.boundsFraction;
      u[i] = ind.utopia + span * (2 * rng.next() - 1);
      d[i] = ind.dystopia + span * (2 * rng.next() - 1);
    }
    for (let a = 0; a < nA; a++) {
      for (let i = 0; i < nI; i++) {
        let s = (100 * (x[a * nI + i] - d[i])) / (u[i] - d[i]);
        if (fw.clamp) s = s > 100 ? 100 : s < 0 ? 0 : s;
        r[i] = s;
      }
      for (let c = 0; c < nC; c++) {
        const idx = fw.components[c].indicators;
        let s = 0;
        for (let j = 0; j < idx.length; j++) s += wDraw[c][j] * r[idx[j]];
        comp[c] = s;
      }
      for (let q = 0; q < nD; q++) {
        const cs = fw.dimensions[q].components;
        for (let j = 0; j < cs.length; j++) bufD[j] = comp[cs[j]];
        dim[q] = combine(bufD, fw.dimensionAggregation, cs.length);
      }
      drawScores[a] = combine(dim, fw.indexAggregation);
    }
    rankVector(drawScores, drawRanks);
    scores.set(drawScores, t * nA);
    ranks.set(drawRanks, t * nA);
  }
  const colS = new Float64Array(o.draws), colR = new Float64Array(o.draws);
  const areas = rows.map((row, a) => {
    let n = 0;
    for (let t = 0; t < o.draws; t++) {
      const s = scores[t * nA + a];
      if (s !== s) continue;
      colS[n] = s;
      colR[n++] = ranks[t * nA + a];
    }
    const ss = colS.subarray(0, n).sort(), rr = colR.subarray(0, n).sort();
    return {
      area: grid.areaCodes[run.rowArea[row]],
      score: base[a],
      rank: baseRank[a],
      scoreP5: quantileSorted(ss, 0.05),
      scoreP50: quantileSorted(ss, 0.5),
      scoreP95: quantileSorted(ss, 0.95),
      rankP5: quantileSorted(rr, 0.05),
      rankP95: quantileSorted(rr, 0.95),
    };
  });
  return { period, draws: o.draws, seed: o.seed, weightConcentration: o.weightConcentration, boundsFraction: o.boundsFraction, alternativeWeightingShare: o.alternativeWeightingShare, areas };
}
