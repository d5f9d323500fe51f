import { describe, expect, it } from "vitest";
import { loadSmall } from "./__fixtures__/small";
import { cronbachAlpha, kmo } from "./diagnostics";
import { scoreFramework } from "./engine";
import { validateFramework } from "./framework";
import { buildGrid, toColumns } from "./observations";
import { computeRun } from "./pipeline";
import type { TFramework, TObservation } from "./types";

/** One component of k indicators (U 100, D 0, higher is better) with the given rows. */
function oneComponent(k: number, rows: Array<Array<number | null>>, extra: Partial<TFramework["dimensions"][0]["components"][0]> = {}) {
  const fw: TFramework = {
    id: "t",
    edition: "1",
    name: "t",
    dimensions: [{ code: "d", name: "d", components: [{ code: "c", name: "c", ...extra, indicators: Array.from({ length: k }, (_, i) => ({ code: `i${i}`, name: `i${i}`, unit: "", direction: 1 as const, utopia: 100, dystopia: 0 })) }] }],
  };
  const obs: TObservation[] = rows.flatMap((r, a) => r.map((v, i) => ({ area: `a${String(a).padStart(3, "0")}`, indicator: `i${i}`, period: 2020, value: v })));
  return { fw, obs };
}

function runOf(fw: TFramework, obs: TObservation[]) {
  const v = validateFramework(fw);
  if (!v.ok) throw new Error("bad framework");
  return computeRun(v.framework, buildGrid(v.framework, toColumns(obs, []), []));
}

describe("imputation (§2 step 3)", () => {
  it("recovers an exact linear relation fitted on complete cases", () => {
    // i2 = 10 + 0.5·i0 + 0.25·i1 on complete cases; the last area misses i2
    const rows: Array<Array<number | null>> = [];
    for (let a = 0; a < 10; a++) rows.push([a * 7 % 10 * 5, a * 3 % 7 * 6, null]);
    rows.forEach((r) => (r[2] = 10 + 0.5 * (r[0] as number) + 0.25 * (r[1] as number)));
    rows.push([40, 20, null]);
    const { fw, obs } = oneComponent(3, rows);
    const run = runOf(fw, obs);
    expect(run.x[10 * 3 + 2]).toBeCloseTo(10 + 20 + 5, 9);
    expect(run.impute[0].imputedCounts[2]).toBe(1);
  });

  it.each([
    { name: "too many missing", rows: 10, last: [1, null, null], maxMissing: 1, reason: /2 of 3 indicators missing \(maxMissing 1\)/ },
    { name: "no values", rows: 10, last: [null, null, null], maxMissing: 2, reason: /no indicator values/ },
    { name: "too few complete cases", rows: 4, last: [1, 2, null], maxMissing: 1, reason: /fewer than 5 complete cases/ },
  ])("$name → component null with reason", ({ rows, last, maxMissing, reason }) => {
    const data: Array<Array<number | null>> = Array.from({ length: rows }, (_, a) => [a * 10, (a * 37) % 100, (a * 53) % 100]);
    data.push(last);
    const { fw, obs } = oneComponent(3, data, { maxMissing });
    const out = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    const s = out.result.scores.find((r) => r.area === `a${String(rows).padStart(3, "0")}`);
    if (s) {
      expect(s.components.c).toBeNull();
      expect(s.reasons["components.c"]).toMatch(reason);
    } else expect(last.every((v) => v === null)).toBe(true);
  });

  it("singular regression (collinear predictors) → not scored", () => {
    const data: Array<Array<number | null>> = Array.from({ length: 10 }, (_, a) => [a, 2 * a, (a * 37) % 100]);
    data.push([3, 6, null]);
    const { fw, obs } = oneComponent(3, data);
    const out = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    expect(out.result.scores.at(-1)!.reasons["components.c"]).toMatch(/singular/);
  });
});

describe("weights (§2 step 5)", () => {
  it("PCA falls back to equal weights with a warning when an indicator is constant", () => {
    const data = Array.from({ length: 10 }, (_, a) => [a * 10, 50, (a * 37) % 100]);
    const { fw, obs } = oneComponent(3, data, { weighting: "pca" });
    const out = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    expect(out.result.weights.c).toEqual({ i0: 1 / 3, i1: 1 / 3, i2: 1 / 3 });
    expect(out.result.diagnostics.components[0].weightingFallback).toMatch(/constant/);
    expect(out.result.problems.some((p) => /equal weights used/.test(p.message))).toBe(true);
  });

  it("PCA on two equally correlated indicators gives equal z-basis weights; v reflects |U − D| / σ", () => {
    const data = Array.from({ length: 30 }, (_, a) => [a, 2 * a + ((a * 7) % 5)]);
    const { fw, obs } = oneComponent(2, data, { weighting: "pca" });
    const out = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    const d = out.result.diagnostics.components[0];
    expect(d.zBasisWeights!.i0).toBeCloseTo(0.5, 12);
    // v ∝ w·|U−D|/σ: the indicator with the larger spread gets the smaller 0–100 weight
    expect(out.result.weights.c.i0 / out.result.weights.c.i1).toBeCloseTo(d.sd.i1! / d.sd.i0!, 10);
  });

  it("reports non-positive loadings", () => {
    const data = Array.from({ length: 30 }, (_, a) => [a, a + ((a * 7) % 3), 100 - a]);
    const { fw, obs } = oneComponent(3, data, { weighting: "pca" });
    const out = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    expect(out.result.diagnostics.components[0].nonPositiveLoadings).toEqual(["i2"]);
  });
});

describe("diagnostics (§3)", () => {
  it.each([
    { corr: [1, 0.5, 0.5, 1], k: 2, alpha: 2 / 3, kmo: 0.5 },
    { corr: [1, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 1], k: 3, alpha: 0.75, kmo: null },
  ])("alpha and KMO of $corr", ({ corr, k, alpha, kmo: want }) => {
    const c = Float64Array.from(corr);
    expect(cronbachAlpha(c, k)).toBeCloseTo(alpha, 12);
    if (want !== null) expect(kmo(c, k)).toBeCloseTo(want, 12);
    else {
      // equicorrelation 0.5, k = 3: partial correlations 1/3, so KMO = 0.75 / (0.75 + 1/3)
      expect(kmo(c, k)).toBeCloseTo(0.75 / (0.75 + 1 / 3), 12);
    }
  });

  it("counts coverage, carried, imputed, clamped values and finds an outlier", () => {
    const { result } = (() => {
      const s = loadSmall();
      const out = scoreFramework({ framework: s.framework, observations: s.observations, areas: s.areas });
      if (!out.ok) throw new Error("failed");
      return out;
    })();
    const totals = result.diagnostics.indicators.reduce((t, d) => ({ carried: t.carried + d.carried, imputed: t.imputed + d.imputed, cu: t.cu + d.clampedUtopia }), { carried: 0, imputed: 0, cu: 0 });
    expect(totals.carried).toBeGreaterThan(0);
    expect(totals.imputed).toBeGreaterThan(0);
    expect(totals.cu).toBeGreaterThan(0);
    for (const d of result.diagnostics.indicators) expect(d.observed + d.carried + d.imputed + d.missing).toBe(d.rows);
    const data = Array.from({ length: 30 }, (_, a) => [50 + (a % 5), 50 + (a % 3)]);
    data[7][0] = 500;
    const { fw, obs } = oneComponent(2, data);
    const out = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    expect(out.result.diagnostics.indicators[0].outliers.count).toBe(1);
    expect(out.result.diagnostics.indicators[0].outliers.examples[0]).toMatchObject({ area: "a007", value: 500 });
  });
});

describe("aggregation (§6) and uncertainty (§7)", () => {
  const s = loadSmall();
  const linear = { ...s.framework, clamp: false, carryForwardYears: 0 } as TFramework;
  for (const d of linear.dimensions) for (const c of d.components) for (const i of c.indicators) delete i.transform;
  for (const d of linear.dimensions) for (const c of d.components) if (c.weighting === "pca") c.weighting = "equal";
  const full = s.observations.map((o) => ({ ...o, value: o.value ?? 50 }));

  it("score and indicator aggregation agree for a linear framework with complete data", () => {
    const out = scoreFramework({ framework: linear, observations: full, areas: s.areas, options: { peers: false } });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const score = out.result.aggregates.filter((a) => a.method === "score");
    const ind = out.result.aggregates.filter((a) => a.method === "indicator");
    expect(score.length).toBe(6);
    score.forEach((a, k) => {
      expect(ind[k].area).toBe(a.area);
      expect(ind[k].index!).toBeCloseTo(a.index!, 9);
      expect(a.population).toBe(s.areas.filter((x) => x.parent === a.area).reduce((t, x) => t + x.population!, 0));
    });
  });

  it("score aggregation is population-weighted and null (with reason) when a member lacks the score", () => {
    const obs = full.filter((o) => !(o.area === "A000001" && o.period === 2021 && o.indicator.startsWith("c0")));
    const out = scoreFramework({ framework: linear, observations: obs, areas: s.areas, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    const b1 = out.result.aggregates.find((a) => a.method === "score" && a.area === "B1" && a.period === 2021)!;
    expect(b1.components.c0).toBeNull();
    expect(b1.reasons["components.c0"]).toMatch(/1 of 6 member areas/);
    const b1020 = out.result.aggregates.find((a) => a.method === "score" && a.area === "B1" && a.period === 2020)!;
    const members = s.areas.filter((a) => a.parent === "B1");
    const want = members.reduce((t, m) => t + m.population! * out.result.scores.find((r) => r.area === m.code && r.period === 2020)!.index!, 0) / members.reduce((t, m) => t + m.population!, 0);
    expect(b1020.index).toBeCloseTo(want, 10);
  });

  it("a parent with no observed member gets one warning; a partly observed one, a warning per missing member", () => {
    const b1 = s.areas.filter((a) => a.parent === "B1").map((a) => a.code);
    const missing = new Set([...b1, s.areas.find((a) => a.parent === "B2")!.code]);
    const out = scoreFramework({ framework: linear, observations: full.filter((o) => !missing.has(o.area)), areas: s.areas, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    const warnings = out.result.problems.filter((p) => p.severity === "warning");
    expect(warnings.filter((p) => p.area === "B1").map((p) => p.message)).toEqual([`none of its ${b1.length} member area(s) has observations, so it is not aggregated`]);
    expect(warnings.filter((p) => b1.includes(p.area ?? ""))).toEqual([]);
    expect(warnings.filter((p) => /member of B2 has no observations/.test(p.message))).toHaveLength(1);
    expect(new Set(out.result.aggregates.map((a) => a.area)).has("B1")).toBe(false);
    expect(new Set(out.result.aggregates.map((a) => a.area)).has("B2")).toBe(true);
  });

  it("uncertainty is seeded, widens with perturbation and collapses without it", () => {
    const base = { framework: s.framework, observations: s.observations, areas: s.areas };
    const a = scoreFramework({ ...base, options: { uncertainty: { draws: 300, seed: 1 } } });
    const b = scoreFramework({ ...base, options: { uncertainty: { draws: 300, seed: 1 } } });
    const c = scoreFramework({ ...base, options: { uncertainty: { draws: 300, seed: 2 } } });
    const none = scoreFramework({ ...base, options: { uncertainty: { draws: 50, seed: 1, boundsFraction: 0, weightConcentration: 1e9, alternativeWeightingShare: 0 } } });
    if (!a.ok || !b.ok || !c.ok || !none.ok) throw new Error("failed");
    expect(JSON.stringify(a.result.uncertainty)).toBe(JSON.stringify(b.result.uncertainty));
    expect(JSON.stringify(a.result.uncertainty!.areas)).not.toBe(JSON.stringify(c.result.uncertainty!.areas));
    for (const u of a.result.uncertainty!.areas) {
      expect(u.scoreP95 - u.scoreP5).toBeGreaterThan(0);
      expect(u.rankP5).toBeLessThanOrEqual(u.rankP95);
    }
    for (const u of none.result.uncertainty!.areas) {
      expect(u.scoreP5).toBeCloseTo(u.score, 3);
      expect(u.scoreP95).toBeCloseTo(u.score, 3);
    }
  });
});
