import { describe, expect, it } from "vitest";
import { syntheticColumns, syntheticFramework } from "./__fixtures__/synthetic";
import { validateFramework } from "./framework";
import { buildGrid } from "./observations";
import { scorecards } from "./peers";
import { computeRun, type TRun } from "./pipeline";
import type { TScorecardColumns } from "./result-types";
import { createRng, type TRng } from "./rng";
import type { TArea, TProblem } from "./types";

// scorecards (a sorted window per score sliding along the covariate order) against the
// plain definition: for every card, pick its peers, sort their values, take the median
// and the mean absolute deviation summed in ascending order.

type TPlain = Omit<TScorecardColumns, "areaIndex" | "noPeerValue" | "peerStart" | "peerAreaIndex" | "items"> & {
  areaIndex: number[];
  noPeerValue: number[];
  peerStart: number[];
  peerAreaIndex: number[];
  items: { card: number[]; series: number[]; strength: number[]; value: number[]; peerMedian: number[]; peerAad: number[] };
};

function plain(sc: TScorecardColumns): TPlain {
  const it = sc.items;
  return {
    ...sc,
    areaIndex: Array.from(sc.areaIndex),
    noPeerValue: Array.from(sc.noPeerValue),
    peerStart: Array.from(sc.peerStart),
    peerAreaIndex: Array.from(sc.peerAreaIndex),
    items: { card: Array.from(it.card), series: Array.from(it.series), strength: Array.from(it.strength), value: Array.from(it.value), peerMedian: Array.from(it.peerMedian), peerAad: Array.from(it.peerAad) },
  };
}

/** The reference, written for clarity; null when strengths/weaknesses are skipped (no covariate, too many areas). */
function reference(run: TRun, areas: Map<string, TArea>, k: number, period: number): TPlain | null {
  const { fw, grid } = run;
  const pIdx = grid.periods.indexOf(period);
  const rows: number[] = [];
  for (let r = 0; r < run.rows; r++) if (run.rowPeriod[r] === pIdx) rows.push(r);
  const code = (j: number) => grid.areaCodes[run.rowArea[rows[j]]];
  const cov = rows.map((_, j) => {
    const pv = areas.get(code(j))?.peerValue;
    return typeof pv === "number" ? pv : NaN;
  });
  const anyCov = cov.some((c) => !Number.isNaN(c));
  if (!anyCov && rows.length - 1 > k) return null;
  const cards = rows.map((_, j) => j);
  const ordered = cards.filter((j) => !anyCov || !Number.isNaN(cov[j])).sort((a, b) => cov[a] - cov[b] || (code(a) < code(b) ? -1 : 1));
  // the k others nearest on the covariate; at equal distances the lower side of the order first, then the nearer
  const peersOf = (j: number): number[] => {
    const p = ordered.indexOf(j);
    const others = ordered.map((o, q) => ({ o, q })).filter(({ q }) => q !== p);
    if (others.length <= k) return others.map(({ o }) => o);
    const dist = (q: number) => (q < p ? cov[j] - cov[ordered[q]] : cov[ordered[q]] - cov[j]);
    others.sort((a, b) => dist(a.q) - dist(b.q) || (a.q < p ? 0 : 1) - (b.q < p ? 0 : 1) || Math.abs(a.q - p) - Math.abs(b.q - p));
    return others.slice(0, k).map(({ o }) => o);
  };
  const series = [
    { level: "index" as const, code: "index", arr: run.levels.index, off: 0 },
    ...fw.dimensions.map((d) => ({ level: "dimension" as const, code: d.code, arr: run.levels.dimensions, off: d.index * run.rows })),
    ...fw.components.map((c) => ({ level: "component" as const, code: c.code, arr: run.levels.components, off: c.index * run.rows })),
    ...fw.indicators.map((i) => ({ level: "indicator" as const, code: i.code, arr: run.r, off: i.index * run.rows })),
  ];
  const out: TPlain = {
    length: rows.length,
    period,
    peerBasis: anyCov ? "covariate" : "all-other-areas",
    areaIndex: rows.map((r) => run.rowArea[r]),
    noPeerValue: cards.map((j) => (ordered.includes(j) ? 0 : 1)),
    peerStart: [0],
    peerAreaIndex: [],
    series: series.map((s) => ({ level: s.level, code: s.code })),
    items: { card: [], series: [], strength: [], value: [], peerMedian: [], peerAad: [] },
  };
  for (const j of cards) {
    const peers = ordered.includes(j) ? peersOf(j).sort((a, b) => (code(a) < code(b) ? -1 : 1)) : [];
    out.peerAreaIndex.push(...peers.map((q) => run.rowArea[rows[q]]));
    out.peerStart.push(out.peerAreaIndex.length);
    series.forEach((s, si) => {
      const y = s.arr[s.off + rows[j]];
      const vals = peers.map((q) => s.arr[s.off + rows[q]]).filter((v) => !Number.isNaN(v));
      if (Number.isNaN(y) || vals.length === 0) return;
      vals.sort((a, b) => a - b);
      const n = vals.length;
      const m = n % 2 ? vals[(n - 1) / 2] : (vals[n / 2 - 1] + vals[n / 2]) / 2;
      let aad = 0;
      for (const v of vals) aad += Math.abs(v - m);
      aad /= n;
      if (y <= m + aad && y >= m - aad) return;
      const it = out.items;
      it.card.push(j);
      it.series.push(si);
      it.strength.push(y > m + aad ? 1 : 0);
      it.value.push(y);
      it.peerMedian.push(m);
      it.peerAad.push(aad);
    });
  }
  return out;
}

/** A run of `areas` areas whose scores are replaced by seeded values with many ties and NaN (and −0 when asked). */
function randomRun(areas: number, rng: TRng, negativeZero: boolean): TRun {
  const fw = syntheticFramework({ indicatorsPerComponent: [2, 3] });
  const v = validateFramework(fw);
  if (!v.ok) throw new Error("framework");
  const run = computeRun(v.framework, buildGrid(v.framework, syntheticColumns(fw, { areas, periods: 2 }), []), true);
  const pool = [0, 1, 1, 2.5, NaN, negativeZero ? -0 : 0];
  for (const arr of [run.levels.index, run.levels.dimensions, run.levels.components, run.r])
    for (let i = 0; i < arr.length; i++) {
      const u = rng.next();
      arr[i] = u < 0.4 ? pool[rng.int(pool.length)] : u < 0.7 ? Math.round(rng.normal() * 4) / 2 + 0 : rng.normal(); // + 0: Math.round(−0.3) is −0
    }
  return run;
}

/** Peer values with ties, gaps between clusters (the peer run then jumps), and areas without one. */
const covariates: Record<string, (rng: TRng, i: number) => number | null | undefined> = {
  spread: (rng) => rng.normal(),
  "few values": (rng) => rng.int(4),
  clusters: (rng) => 100 * rng.int(5) + rng.int(3),
  "some missing": (rng) => (rng.next() < 0.25 ? (rng.next() < 0.5 ? null : undefined) : rng.int(30)),
  none: () => undefined,
};

describe("scorecards", () => {
  for (const [name, covariate] of Object.entries(covariates))
    it(`equals the plain definition, peer values: ${name}`, () => {
      const rng = createRng(name.length * 7919);
      for (const nAreas of [1, 2, 5, 17, 60, 150]) {
        const run = randomRun(nAreas, rng, false);
        for (const k of [1, 2, 3, 5, 15]) {
          const areas = new Map(run.grid.areaCodes.map((code, i) => [code, { code, peerValue: covariate(rng, i) }]));
          for (const period of run.grid.periods) {
            const problems: TProblem[] = [];
            const got = scorecards(run, areas, { k, period }, problems);
            const want = reference(run, areas, k, period);
            if (want === null) {
              expect(got.length).toBe(0);
              expect(problems).toHaveLength(1);
            } else expect(plain(got)).toEqual(want);
          }
        }
      }
    });

  it("classifies scores with −0 the same (the median's zero may differ in sign only)", () => {
    const rng = createRng(5);
    const unsign = (p: TPlain) => ({ ...p, items: { ...p.items, peerMedian: p.items.peerMedian.map((m) => m + 0) } });
    for (const k of [2, 5, 15]) {
      const run = randomRun(120, rng, true);
      const areas = new Map(run.grid.areaCodes.map((code) => [code, { code, peerValue: covariates.clusters(rng, 0) }]));
      const period = run.grid.periods[1];
      expect(unsign(plain(scorecards(run, areas, { k, period }, [])))).toEqual(unsign(reference(run, areas, k, period)!));
    }
  });

  it("reports a period not in the run", () => {
    const run = randomRun(5, createRng(1), false);
    const problems: TProblem[] = [];
    expect(scorecards(run, new Map(), { k: 3, period: 1990 }, problems).length).toBe(0);
    expect(problems[0].message).toMatch(/period not in the run/);
  });
});
