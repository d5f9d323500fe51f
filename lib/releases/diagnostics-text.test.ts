import { describe, expect, it } from "vitest";
import type { TComponentDiagnostics, TIndicatorDiagnostics } from "@/lib/spi";
import { diagnosticWarnings } from "./diagnostics-text";

const comp = (over: Partial<TComponentDiagnostics> = {}): TComponentDiagnostics => ({
  code: "shelter",
  weighting: "equal",
  weightingFallback: null,
  completeCases: 30,
  scoredRows: 30,
  cronbachAlpha: 0.85,
  kmo: 0.7,
  firstComponentShare: 0.8,
  eigenvalues: null,
  loadings: null,
  nonPositiveLoadings: [],
  weights: { a: 0.5, b: 0.5 },
  zBasisWeights: null,
  pcaWeights: null,
  mean: {},
  sd: {},
  notes: [],
  ...over,
});
const ind = (over: Partial<TIndicatorDiagnostics> = {}): TIndicatorDiagnostics => ({
  code: "a",
  component: "shelter",
  rows: 100,
  observed: 100,
  coverage: 1,
  carried: 0,
  imputed: 0,
  missing: 0,
  clampedUtopia: 0,
  clampedDystopia: 0,
  transformDropped: 0,
  outliers: { threshold: 3.5, count: 0, examples: [] },
  ...over,
});
const names = { shelter: "Shelter", a: "Crowding", b: "Affordability", E1: "Heath" };

describe("diagnosticWarnings", () => {
  it.each([
    { name: "all fine", c: comp(), i: ind(), want: [] as string[] },
    { name: "alpha very low", c: comp({ cronbachAlpha: 0.42 }), i: ind(), want: ["high alpha Shelter: alpha 0.42 (well below 0.7) — its indicators do not move together."] },
    { name: "alpha low under PCA suggests equal weights", c: comp({ cronbachAlpha: 0.6, weighting: "pca" }), i: ind(), want: ["medium alpha Shelter: alpha 0.60 (below 0.7) — its indicators do not move together; consider equal weights."] },
    { name: "KMO below 0.5", c: comp({ kmo: 0.45 }), i: ind(), want: ["medium kmo"] },
    { name: "KMO below 0.5 under PCA is high", c: comp({ kmo: 0.45, weighting: "pca" }), i: ind(), want: ["high kmo"] },
    { name: "non-positive loadings named", c: comp({ nonPositiveLoadings: ["b"] }), i: ind(), want: ["medium loadings Shelter: Affordability moves against"] },
    { name: "PCA fallback", c: comp({ weightingFallback: "KMO below 0.5" }), i: ind(), want: ["medium fallback"] },
    { name: "alpha not measured", c: comp({ cronbachAlpha: null, notes: ["fewer than 5 complete cases"] }), i: ind(), want: ["low alpha Shelter: consistency not measured — fewer than 5 complete cases."] },
    { name: "coverage under half", c: comp(), i: ind({ coverage: 0.4, observed: 40 }), want: ["high coverage Crowding: only 40% of ward-years have an observed value (40 of 100)."] },
    { name: "coverage under 80%", c: comp(), i: ind({ coverage: 0.7, observed: 70 }), want: ["medium coverage"] },
    { name: "many imputed", c: comp(), i: ind({ imputed: 21 }), want: ["medium imputed Crowding: 21 of 100 values (21%)"] },
    { name: "imputed at threshold is fine", c: comp(), i: ind({ imputed: 20 }), want: [] },
    { name: "many carried", c: comp(), i: ind({ carried: 30 }), want: ["medium carried"] },
    { name: "many clamped", c: comp(), i: ind({ clampedUtopia: 8, clampedDystopia: 4 }), want: ["medium clamped Crowding: 12 of 100 values (12%) lie beyond the bounds (8 at best, 4 at worst)"] },
    { name: "dropped by transform", c: comp(), i: ind({ transformDropped: 2 }), want: ["medium dropped"] },
    { name: "outliers with ward names", c: comp(), i: ind({ outliers: { threshold: 3.5, count: 1, examples: [{ area: "E1", period: 2014, value: 9, modifiedZ: 5 }] } }), want: ["low outliers Crowding: 1 outlier (modified z-score above 3.5), e.g. Heath in 2014"] },
  ])("$name", ({ c, i, want }) => {
    const got = diagnosticWarnings({ diagnostics: { components: [c], indicators: [i] } }, names).map((w) => `${w.severity} ${w.kind} ${w.message}`);
    expect(got.length).toBe(want.length);
    want.forEach((w, k) => expect(got[k].startsWith(w)).toBe(true));
  });

  it("sorts the most severe first and names the component and indicator", () => {
    const got = diagnosticWarnings({ diagnostics: { components: [comp({ kmo: 0.4 })], indicators: [ind({ outliers: { threshold: 3.5, count: 2, examples: [] } }), ind({ code: "b", coverage: 0.3, observed: 30 })] } }, names);
    expect(got.map((w) => w.severity)).toEqual(["high", "medium", "low"]);
    expect(got[0]).toMatchObject({ component: "shelter", indicator: "b" });
  });
});
