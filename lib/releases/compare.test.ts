import { describe, expect, it } from "vitest";
import type { TScoreRow, TSpiResult } from "@/lib/spi";
import { attribute, chooseBasis, compareReleases, describeAttribution, frameworkNames, methodologyChanges, type TCompareSide } from "./compare";

/** A minimal result: one component "c" of indicators with given weights, scores per area/period. */
function result(weights: Record<string, number>, rows: Array<{ area: string; period: number; ind: Record<string, number | null> }>, extra: Partial<TSpiResult> = {}): TSpiResult {
  const scores: TScoreRow[] = rows.map(({ area, period, ind }) => {
    const comp = Object.entries(weights).reduce((s, [k, w]) => s + w * (ind[k] ?? 0), 0);
    return { area, period, index: comp, dimensions: { d: comp }, components: { c: comp }, indicators: ind, flags: {}, reasons: {}, ranks: { index: 1, dimensions: {}, components: {} } };
  });
  return {
    engineVersion: "1.0.0",
    frameworkId: "f",
    frameworkEdition: "1",
    inputHash: "h",
    options: {},
    periods: [...new Set(rows.map((r) => r.period))].sort(),
    areas: [...new Set(rows.map((r) => r.area))],
    weights: { c: weights },
    scores,
    diagnostics: { components: [{ code: "c", weighting: "equal", weightingFallback: null, completeCases: 0, scoredRows: 0, cronbachAlpha: null, kmo: null, firstComponentShare: null, eigenvalues: null, loadings: null, nonPositiveLoadings: [], weights, zBasisWeights: null, pcaWeights: null, mean: {}, sd: {}, notes: [] }], indicators: [] },
    travel: [],
    strengthsWeaknesses: [],
    aggregates: [],
    uncertainty: null,
    problems: [],
    ...extra,
  };
}
const side = (r: TSpiResult, options: Record<string, unknown> = { weighting: "edition" }, edition = "1"): TCompareSide => ({ result: r, options, edition });

describe("chooseBasis", () => {
  it.each([
    { name: "different latest years", cur: [2013, 2014], prev: [2012, 2013], basis: "latest" as const, kind: "latest", c: 2014, p: 2013, common: [2013] },
    { name: "same latest year is a revision", cur: [2013, 2014], prev: [2014], basis: "latest" as const, kind: "same-period", c: 2014, p: 2014, common: [2014] },
    { name: "common period on request", cur: [2013, 2014, 2015], prev: [2012, 2013, 2014], basis: "common" as const, kind: "common", c: 2014, p: 2014, common: [2013, 2014] },
    { name: "common requested, none shared → latest with a note", cur: [2015], prev: [2012], basis: "common" as const, kind: "latest", c: 2015, p: 2012, common: [] },
  ])("$name", ({ cur, prev, basis, kind, c, p, common }) => {
    const b = chooseBasis(cur, prev, basis);
    expect([b.kind, b.currentPeriod, b.previousPeriod, b.commonPeriods]).toEqual([kind, c, p, common]);
    expect(b.description).toContain(String(c));
    if (basis === "common" && kind === "latest") expect(b.description).toMatch(/no year in common/);
  });
});

describe("attribute", () => {
  type TCase = { name: string; wNow: Record<string, number>; wBefore: Record<string, number>; sNow: Record<string, number>; sBefore: Record<string, number>; expect: Record<string, number[]>; weightsChanged: boolean };
  it.each<TCase>([
    {
      name: "same weights: contributions are w × Δs and sum to the change",
      wNow: { a: 0.5, b: 0.5 }, wBefore: { a: 0.5, b: 0.5 }, sNow: { a: 60, b: 40 }, sBefore: { a: 50, b: 42 },
      expect: { a: [5, 0], b: [-1, 0] }, weightsChanged: false,
    },
    {
      name: "weights moved: score effect with current weights, the rest is the weight effect",
      wNow: { a: 0.75, b: 0.25 }, wBefore: { a: 0.5, b: 0.5 }, sNow: { a: 60, b: 40 }, sBefore: { a: 50, b: 40 },
      expect: { a: [7.5, 12.5], b: [0, -10] }, weightsChanged: true,
    },
    {
      name: "new and removed indicators are all weight effect",
      wNow: { a: 0.5, n: 0.5 }, wBefore: { a: 0.5, r: 0.5 }, sNow: { a: 50, n: 80 }, sBefore: { a: 50, r: 20 },
      expect: { n: [0, 40], r: [0, -10], a: [0, 0] }, weightsChanged: true,
    },
  ])("$name", ({ wNow, wBefore, sNow, sBefore, expect: want, weightsChanged }) => {
    const sum = (w: Record<string, number>, s: Record<string, number>) => Object.entries(w).reduce((t, [k, v]) => t + v * s[k], 0);
    const before = sum(wBefore, sBefore);
    const now = sum(wNow, sNow);
    const a = attribute("W1", "c", before, now, wNow, wBefore, sNow, sBefore);
    for (const [ind, [se, we]] of Object.entries(want)) {
      const d = a.drivers.find((x) => x.indicator === ind)!;
      expect(d.scoreEffect).toBeCloseTo(se, 9);
      expect(d.weightEffect).toBeCloseTo(we, 9);
    }
    expect(a.weightsChanged).toBe(weightsChanged);
    expect(a.residual).toBeCloseTo(0, 9);
    expect(a.drivers.map((d) => Math.abs(d.total))).toEqual([...a.drivers.map((d) => Math.abs(d.total))].sort((x, y) => y - x));
  });

  it("puts an indicator missing on one side into the residual, not a driver", () => {
    const a = attribute("W1", "c", 50, 56, { a: 0.5, b: 0.5 }, { a: 0.5, b: 0.5 }, { a: 60, b: null }, { a: 50, b: 50 });
    expect(a.drivers.find((d) => d.indicator === "b")!.total).toBe(0);
    expect(a.residual).toBeCloseTo(1, 9);
  });
});

describe("compareReleases", () => {
  const prev = result({ x: 0.5, y: 0.5 }, [
    { area: "W1", period: 2013, ind: { x: 40, y: 40 } },
    { area: "W2", period: 2013, ind: { x: 70, y: 30 } },
    { area: "W3", period: 2013, ind: { x: 50, y: 50 } },
  ]);
  const cur = result({ x: 0.5, y: 0.5 }, [
    { area: "W1", period: 2013, ind: { x: 40, y: 40 } },
    { area: "W1", period: 2014, ind: { x: 52, y: 40 } },
    { area: "W2", period: 2014, ind: { x: 70, y: 20 } },
    { area: "W3", period: 2014, ind: { x: 51, y: 50 } },
  ]);

  it("changes per ward and level, movers by |change|, attribution per component", () => {
    const c = compareReleases(side(cur), side(prev), { topN: 2 });
    expect(c.basis).toMatchObject({ kind: "latest", currentPeriod: 2014, previousPeriod: 2013 });
    const idx = (area: string) => c.changes.find((x) => x.area === area && x.level === "index")!.change;
    expect([idx("W1"), idx("W2"), idx("W3")]).toEqual([6, -5, 0.5]);
    expect(c.movers.index.map((m) => m.area)).toEqual(["W1", "W2"]);
    expect(c.movers.byComponent.c.map((m) => m.area)).toEqual(["W1", "W2"]);
    expect(c.movers.byWard.W3.map((m) => m.change)).toEqual([0.5]);
    const w2 = c.attributions.find((a) => a.area === "W2")!;
    expect(w2.drivers[0]).toMatchObject({ indicator: "y", scoreEffect: -5, weightEffect: 0 });
    expect(c.indicators).toEqual({ added: [], removed: [] });
    expect(c.methodology).toEqual([]);
  });

  it("common basis compares the same year", () => {
    const c = compareReleases(side(cur), side(prev), { basis: "common" });
    expect(c.basis.kind).toBe("common");
    expect(c.changes.find((x) => x.area === "W1" && x.level === "index")!.change).toBe(0);
    // W2 has no 2013 row in the current release: no change, no attribution
    expect(c.changes.find((x) => x.area === "W2" && x.level === "index")!.change).toBeNull();
    expect(c.attributions.map((a) => a.area)).toEqual(["W1"]);
  });

  it("reports new and removed indicators", () => {
    const next = result({ x: 0.5, z: 0.5 }, [{ area: "W1", period: 2014, ind: { x: 40, z: 60 } }]);
    const c = compareReleases(side(next), side(prev));
    expect(c.indicators).toEqual({ added: ["z"], removed: ["y"] });
    const a = c.attributions[0];
    expect(a.change).toBeCloseTo(10, 9);
    expect(a.residual).toBeCloseTo(0, 9);
  });
});

describe("methodologyChanges", () => {
  const r = result({ x: 1 }, [{ area: "W1", period: 2014, ind: { x: 50 } }]);
  const fw = (utopia: number) => ({ dimensions: [{ code: "d", name: "D", components: [{ code: "c", name: "C", indicators: [{ code: "x", name: "X", utopia, dystopia: 0, direction: 1 }] }] }] });
  it.each([
    { name: "nothing changed", a: side(r), b: side(r), want: [] as string[] },
    { name: "edition", a: side(r, {}, "2"), b: side(r, {}, "1"), want: ["Framework edition"] },
    { name: "weighting and carry-forward options", a: side(r, { weighting: "pca", carryForwardYears: 1 }), b: side(r, { weighting: "equal", carryForwardYears: 2 }), want: ["Weighting", "Carry-forward window (years)"] },
    { name: "engine version", a: side({ ...r, engineVersion: "2.0.0" }), b: side(r), want: ["Engine version"] },
    { name: "bounds", a: { ...side(r), framework: fw(100) }, b: { ...side(r), framework: fw(90) }, want: ["Bounds of x (best to worst)"] },
  ])("$name", ({ a, b, want }) => {
    expect(methodologyChanges(a, b).map((m) => m.what)).toEqual(want);
  });
});

describe("describeAttribution", () => {
  const names = frameworkNames({ dimensions: [{ code: "d", name: "D", components: [{ code: "ps", name: "Personal Safety", indicators: [{ code: "crime", name: "crime rate" }, { code: "vio", name: "violence" }] }] }] });
  it.each([
    { name: "rise with drivers", wNow: { crime: 0.5, vio: 0.5 }, sNow: { crime: 58.2, vio: 53 }, sBefore: { crime: 50, vio: 50 }, want: "Heath's Personal Safety rose 5.6 points: crime rate +4.1, violence +1.5." },
    { name: "fall", wNow: { crime: 0.5, vio: 0.5 }, sNow: { crime: 46, vio: 50 }, sBefore: { crime: 50, vio: 50 }, want: "Heath's Personal Safety fell 2.0 points: crime rate −2.0." },
    { name: "no change", wNow: { crime: 0.5, vio: 0.5 }, sNow: { crime: 50, vio: 50 }, sBefore: { crime: 50, vio: 50 }, want: "Heath's Personal Safety did not change." },
  ])("$name", ({ wNow, sNow, sBefore, want }) => {
    const sum = (s: Record<string, number>) => Object.entries(wNow).reduce((t, [k, w]) => t + w * s[k], 0);
    const a = attribute("H", "ps", sum(sBefore), sum(sNow), wNow, wNow, sNow, sBefore);
    expect(describeAttribution(a, names, "Heath")).toBe(want);
  });
});
