import { describe, expect, it } from "vitest";
import { syntheticFramework } from "./__fixtures__/synthetic";
import { validateFramework } from "./framework";

// Test inputs are deliberately malformed frameworks: a loose shape lets each case break one part.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TLoose = Record<string, any>;

const base = () => syntheticFramework({ dimensions: 1, componentsPerDimension: 2, indicatorsPerComponent: [2, 3] }) as unknown as TLoose;

describe("validateFramework", () => {
  it("accepts a good framework and applies the defaults", () => {
    const v = validateFramework(base());
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const fw = v.framework;
    expect([fw.clamp, fw.carryForwardYears, fw.dimensionAggregation, fw.indexAggregation]).toEqual([true, 2, "arithmetic", "arithmetic"]);
    expect(fw.components.map((c) => [c.weighting, c.maxMissing, c.indicators])).toEqual([["equal", 1, [0, 1]], ["equal", 1, [2, 3, 4]]]);
    expect(v.problems).toEqual([]);
  });

  it("caps maxMissing at k − 1 (a single-indicator component cannot be imputed)", () => {
    const f = base();
    f.dimensions[0].components[0].indicators.pop();
    f.dimensions[0].components[1].maxMissing = 5;
    const v = validateFramework(f);
    expect(v.ok && v.framework.components.map((c) => c.maxMissing)).toEqual([0, 2]);
  });

  const cases: Array<[string, (f: TLoose) => void, string, RegExp]> = [
    ["not an object", () => {}, "(root)", /expected object/i],
    ["missing edition", (f) => delete f.edition, "edition", /expected string/i],
    ["bad direction", (f) => (f.dimensions[0].components[0].indicators[0].direction = 2), "dimensions[0].components[0].indicators[0].direction", /./],
    ["U = D", (f) => (f.dimensions[0].components[0].indicators[1].utopia = f.dimensions[0].components[0].indicators[1].dystopia), "dimensions[0].components[0].indicators[1].utopia", /must differ/],
    ["U < D with direction 1", (f) => Object.assign(f.dimensions[0].components[0].indicators[0], { direction: 1, utopia: 0, dystopia: 100 }), "dimensions[0].components[0].indicators[0].utopia", /utopia > dystopia/],
    ["U > D with direction -1", (f) => Object.assign(f.dimensions[0].components[0].indicators[0], { direction: -1, utopia: 100, dystopia: 0 }), "dimensions[0].components[0].indicators[0].utopia", /utopia < dystopia/],
    ["duplicate indicator code", (f) => (f.dimensions[0].components[1].indicators[0].code = "c0i0"), "dimensions[0].components[1].indicators[0].code", /duplicate indicator code "c0i0"/],
    ["duplicate component code", (f) => (f.dimensions[0].components[1].code = "c0"), "dimensions[0].components[1].code", /duplicate component/],
    ["unknown transform", (f) => (f.dimensions[0].components[0].indicators[0].transform = [{ sqrt: true }]), "dimensions[0].components[0].indicators[0].transform[0]", /./],
    ["log: false", (f) => (f.dimensions[0].components[0].indicators[0].transform = [{ log: false }]), "dimensions[0].components[0].indicators[0].transform[0]", /./],
    ["fixed weight for unknown indicator", (f) => (f.dimensions[0].components[0].weighting = { fixed: { c0i0: 1, c0i1: 1, zz: 1 } }), "dimensions[0].components[0].weighting.fixed.zz", /not an indicator/],
    ["fixed weight missing", (f) => (f.dimensions[0].components[0].weighting = { fixed: { c0i0: 1 } }), "dimensions[0].components[0].weighting.fixed", /missing weight for indicator "c0i1"/],
    ["negative fixed weight", (f) => (f.dimensions[0].components[0].weighting = { fixed: { c0i0: -1, c0i1: 2 } }), "dimensions[0].components[0].weighting.fixed.c0i0", />= 0/],
    ["weighting typo", (f) => (f.dimensions[0].components[0].weighting = "PCA"), "dimensions[0].components[0].weighting", /./],
    ["maxMissing not integer", (f) => (f.dimensions[0].components[0].maxMissing = 1.5), "dimensions[0].components[0].maxMissing", /int/i],
    ["empty components", (f) => (f.dimensions[0].components = []), "dimensions[0].components", /at least one component/],
    ["infinite utopia", (f) => (f.dimensions[0].components[0].indicators[0].utopia = Infinity), "dimensions[0].components[0].indicators[0].utopia", /./],
    ["power mean too large", (f) => (f.aggregation = { index: { powerMean: 50 } }), "aggregation.index.powerMean", /<= 10/],
    ["negative carryForwardYears", (f) => (f.carryForwardYears = -1), "carryForwardYears", /./],
  ];
  it.each(cases)("rejects %s with a path and message", (_name, mutate, path, message) => {
    const f = _name === "not an object" ? (42 as unknown as TLoose) : base();
    mutate(f);
    const v = validateFramework(f);
    expect(v.ok).toBe(false);
    const hit = v.problems.find((p) => p.severity === "error" && p.path === path);
    expect(hit, JSON.stringify(v.problems)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it("reports unknown keys as warnings, not errors", () => {
    const f = base();
    f.dimensions[0].components[0].maxmissing = 2;
    const v = validateFramework(f);
    expect(v.ok).toBe(true);
    expect(v.problems).toEqual([{ severity: "warning", path: "dimensions[0].components[0]", message: "unknown key(s) ignored: maxmissing" }]);
  });
});
