import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir, loadSmall, read } from "./__fixtures__/small";
import { shuffled, syntheticFramework, syntheticObservations } from "./__fixtures__/synthetic";
import { scoreFramework, type TScoreInput } from "./engine";
import type { TSpiResult } from "./result-types";
import { resultJsonChunks } from "./serialize";
import type { TFramework, TObservation } from "./types";

const small = loadSmall();
const options = { uncertainty: { draws: 200, seed: 3 } };
function run(input: Partial<TScoreInput> = {}): TSpiResult {
  const out = scoreFramework({ framework: small.framework, observations: small.observations, areas: small.areas, options, ...input });
  if (!out.ok) throw new Error(JSON.stringify(out.problems.slice(0, 5)));
  return out.result;
}

describe("scoreFramework on the small fixture", () => {
  const result = run();

  it("parses the fixture without problems", () => expect(small.problems).toEqual([]));

  it("matches the golden file (set UPDATE_GOLDEN=1 to regenerate after an intended change)", () => {
    const golden = path.join(fixturesDir, "small-result.golden.json");
    const json = JSON.stringify(result, null, 1) + "\n";
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, json);
    expect(json).toBe(read("small-result.golden.json"));
  });

  it("is byte-identical across runs and invariant to row order and to the columnar input form", () => {
    const a = JSON.stringify(result);
    expect(JSON.stringify(run())).toBe(a);
    expect(JSON.stringify(run({ observations: shuffled(small.observations, 99) }))).toBe(a);
    expect(JSON.stringify(run({ observations: small.columns }))).toBe(a);
    expect(JSON.stringify(run({ areas: shuffled(small.areas, 5) }))).toBe(a);
  });

  it("leaves an earlier columnar result alone when it runs again (it reuses its grid memory between runs)", () => {
    const columnar = (observations: TScoreInput["observations"]) => {
      // without aggregation the run's matrix is the grid itself, carried forward in place
      const out = scoreFramework({ framework: small.framework, observations, areas: small.areas, options: { ...options, aggregate: false }, resultLayout: "columnar" });
      if (!out.ok) throw new Error("run failed");
      return out.result;
    };
    const json = (r: ReturnType<typeof columnar>) => [...resultJsonChunks(r, { layout: "columnar" })].join("");
    const first = columnar(small.observations);
    const before = json(first);
    const other = json(columnar(small.observations.map((o) => ({ ...o, value: o.value === null ? null : o.value * 0.9 + 1 }))));
    expect(other).not.toBe(before);
    expect(json(first)).toBe(before);
  });

  it("carries version, edition and a SHA-256 input hash that changes with any input", () => {
    expect(result.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(result.frameworkEdition).toBe("fixture-1");
    expect(result.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const changed = small.observations.map((o, i) => (i === 5 ? { ...o, value: (o.value ?? 0) + 1 } : o));
    expect(run({ observations: changed }).inputHash).not.toBe(result.inputHash);
    expect(run({ options: { ...options, travelThreshold: 2 } }).inputHash).not.toBe(result.inputHash);
  });

  it("weights sum to 1 in every component; fixed weights are normalised", () => {
    for (const w of Object.values(result.weights)) expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(result.weights.c2).toEqual({ c2i0: 2 / 3, c2i1: 1 / 3 });
    expect(result.diagnostics.components.find((c) => c.code === "c1")!.weighting).toBe("pca");
  });

  it("component = Σ v·r, dimension = mean of components, index = mean of dimensions", () => {
    const fw = small.framework;
    for (const s of result.scores) {
      for (const d of fw.dimensions) {
        for (const c of d.components) {
          if (s.components[c.code] === null) continue;
          const sum = c.indicators.reduce((acc, i) => acc + result.weights[c.code][i.code] * s.indicators[i.code]!, 0);
          expect(s.components[c.code]).toBeCloseTo(sum, 10);
        }
        const comps = d.components.map((c) => s.components[c.code]);
        if (comps.every((v) => v !== null)) expect(s.dimensions[d.code]).toBeCloseTo(comps.reduce((a, b) => a! + b!, 0)! / comps.length, 10);
        else expect(s.dimensions[d.code]).toBeNull();
      }
      const dims = Object.values(s.dimensions);
      if (dims.every((v) => v !== null)) expect(s.index).toBeCloseTo(dims.reduce((a, b) => a! + b!, 0)! / dims.length, 10);
      else expect(s.index).toBeNull();
    }
  });

  it("every null score has a reason", () => {
    for (const s of result.scores) {
      if (s.index === null) expect(s.reasons.index).toBeTruthy();
      for (const [k, v] of Object.entries({ ...prefix("dimensions", s.dimensions), ...prefix("components", s.components), ...prefix("indicators", s.indicators) }))
        if (v === null) expect(s.reasons[k], k).toBeTruthy();
    }
  });

  it("flags carried and imputed values, and scores stay within [0, 100] when clamped", () => {
    const flags = result.scores.flatMap((s) => Object.values(s.flags).flat());
    expect(flags).toContain("carried");
    expect(flags).toContain("imputed");
    expect(flags).toContain("clampedUtopia");
    for (const s of result.scores) for (const v of [s.index, ...Object.values(s.components), ...Object.values(s.indicators)]) if (v !== null) expect(v >= 0 && v <= 100).toBe(true);
  });

  it("ranks the index within each period (1 = best)", () => {
    for (const p of result.periods) {
      const rows = result.scores.filter((s) => s.period === p && s.index !== null).sort((a, b) => b.index! - a.index!);
      rows.forEach((s, k) => expect(s.ranks.index).toBe(k + 1));
    }
  });

  it("has direction of travel, scorecards, both aggregation methods and uncertainty", () => {
    expect(result.travel.length).toBe(12);
    expect(result.strengthsWeaknesses.length).toBeGreaterThan(0);
    expect(result.strengthsWeaknesses[0].peers.length).toBe(11);
    expect(new Set(result.aggregates.map((a) => a.method))).toEqual(new Set(["score", "indicator"]));
    expect(result.uncertainty!.areas.length).toBeGreaterThan(0);
    for (const u of result.uncertainty!.areas) expect(u.scoreP5).toBeLessThanOrEqual(u.scoreP95);
  });
});

const prefix = (p: string, m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [`${p}.${k}`, v]));

describe("input problems are data", () => {
  it.each([
    ["duplicate observation", (o: TObservation[]) => [...o, { ...o[0] }], /duplicate observation/],
    ["non-finite value", (o: TObservation[]) => [...o.slice(1), { ...o[0], value: Infinity }], /finite number/],
    ["fractional period", (o: TObservation[]) => [...o.slice(1), { ...o[0], period: 2019.5 }], /integer year/],
  ])("%s → ok: false with a located problem", (_n, mutate, msg) => {
    const out = scoreFramework({ framework: small.framework, observations: mutate(small.observations) });
    expect(out.ok).toBe(false);
    const p = out.problems.find((q) => q.severity === "error")!;
    expect(p.message).toMatch(msg);
    expect(p.area).toBe(small.observations[0].area);
  });

  it("unknown indicators are a warning and ignored", () => {
    const out = scoreFramework({ framework: small.framework, observations: [...small.observations, { area: "A000000", indicator: "zz", period: 2020, value: 1 }] });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.result.problems.some((p) => p.indicator === "zz" && p.severity === "warning")).toBe(true);
  });

  it("bad options and areas are reported, not thrown", () => {
    const out = scoreFramework({ framework: small.framework, observations: small.observations, areas: [{ code: "x", population: -1 }], options: { travelThreshold: -1 } });
    expect(out.ok).toBe(false);
    expect(out.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["options.travelThreshold", "areas[0]"]));
  });

  it("a bad framework yields problems with paths", () => {
    const out = scoreFramework({ framework: { id: "x" }, observations: [] });
    expect(out.ok).toBe(false);
    expect(out.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["edition", "dimensions"]));
  });
});

describe("properties (seeded generator)", () => {
  const seeds = [1, 2, 3, 4, 5];
  it.each(seeds)("seed %i: clamped scores in [0, 100]; equal weights = mean of indicator scores", (seed) => {
    const fw = syntheticFramework({ dimensions: 2, componentsPerDimension: 2, indicatorsPerComponent: [2 + (seed % 3), 3] });
    const obs = syntheticObservations(fw, { areas: 20, periods: 2, seed, missing: 0.05 });
    const out = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    for (const s of out.result.scores) {
      for (const v of [s.index, ...Object.values(s.dimensions), ...Object.values(s.components), ...Object.values(s.indicators)])
        if (v !== null) expect(v >= 0 && v <= 100, String(v)).toBe(true);
      for (const c of fw.dimensions.flatMap((d) => d.components)) {
        const vals = c.indicators.map((i) => s.indicators[i.code]);
        if (s.components[c.code] !== null) expect(s.components[c.code]).toBeCloseTo(vals.reduce((a, b) => a! + b!, 0)! / vals.length, 10);
      }
    }
  });

  it.each(seeds)("seed %i: monotone — improving one indicator in its direction never lowers any score", (seed) => {
    const fw = syntheticFramework({ dimensions: 2, componentsPerDimension: 2, indicatorsPerComponent: [3], weighting: "equal" });
    const obs = syntheticObservations(fw, { areas: 15, periods: 1, seed, missing: 0 });
    const base = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    const inds = fw.dimensions.flatMap((d) => d.components.flatMap((c) => c.indicators));
    const target = inds[seed % inds.length];
    const k = obs.findIndex((o) => o.indicator === target.code && o.area === "A000003");
    const better = obs.map((o, i) => (i === k ? { ...o, value: o.value! + target.direction * 10 } : o));
    const after = scoreFramework({ framework: fw, observations: better, options: { peers: false } });
    if (!base.ok || !after.ok) throw new Error("failed");
    const b = base.result.scores.find((s) => s.area === "A000003")!;
    const a = after.result.scores.find((s) => s.area === "A000003")!;
    expect(a.indicators[target.code]!).toBeGreaterThanOrEqual(b.indicators[target.code]!);
    expect(a.index!).toBeGreaterThanOrEqual(b.index!);
    for (const c of Object.keys(b.components)) expect(a.components[c]!).toBeGreaterThanOrEqual(b.components[c]! - 1e-12);
  });

  it.each(seeds)("seed %i: invariant to row order (byte-identical JSON)", (seed) => {
    const fw: TFramework = syntheticFramework({ weighting: "pca", indicatorsPerComponent: [2, 3] });
    const obs = syntheticObservations(fw, { areas: 25, periods: 3, seed, missing: 0.1 });
    const a = scoreFramework({ framework: fw, observations: obs, options: { uncertainty: { draws: 20 } } });
    const b = scoreFramework({ framework: fw, observations: shuffled(obs, seed + 100), options: { uncertainty: { draws: 20 } } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("without clamping, a PCA component equals the published z-score form", () => {
    const fw = syntheticFramework({ dimensions: 1, componentsPerDimension: 1, indicatorsPerComponent: [4], weighting: "pca", clamp: false });
    const obs = syntheticObservations(fw, { areas: 40, periods: 1, seed: 8, missing: 0 });
    const out = scoreFramework({ framework: fw, observations: obs, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    const d = out.result.diagnostics.components[0];
    const inds = fw.dimensions[0].components[0].indicators;
    const w = d.zBasisWeights!;
    const z = (code: string, x: number) => {
      const ind = inds.find((i) => i.code === code)!;
      return (ind.direction * (x - d.mean[code]!)) / d.sd[code]!;
    };
    const sum = (f: (i: (typeof inds)[number]) => number) => inds.reduce((s, i) => s + w[i.code] * f(i), 0);
    for (const s of out.result.scores) {
      const x = (code: string) => obs.find((o) => o.area === s.area && o.indicator === code)!.value!;
      const published = (100 * (sum((i) => z(i.code, x(i.code))) - sum((i) => z(i.code, i.dystopia)))) / (sum((i) => z(i.code, i.utopia)) - sum((i) => z(i.code, i.dystopia)));
      expect(s.components.c0).toBeCloseTo(published, 9);
    }
  });
});
