import { describe, expect, it } from "vitest";
import { loadSmall } from "./__fixtures__/small";
import { syntheticFramework, syntheticObservations } from "./__fixtures__/synthetic";
import { columnarToRows } from "./columnar";
import { scoreFramework, type TScoreInput } from "./engine";

const small = loadSmall();

function both(input: TScoreInput) {
  const rows = scoreFramework(input);
  const cols = scoreFramework({ ...input, resultLayout: "columnar" });
  if (!rows.ok || !cols.ok) throw new Error("run failed");
  return { rows: rows.result, cols: cols.result };
}

describe("columnar result layout", () => {
  const sparseFw = syntheticFramework({ indicatorsPerComponent: [2, 3], weighting: "pca" });
  it.each([
    ["small fixture with uncertainty", { framework: small.framework, observations: small.observations, areas: small.areas, options: { uncertainty: { draws: 50, seed: 3 } } }],
    ["sparse synthetic data with null scores and reasons", { framework: sparseFw, observations: syntheticObservations(sparseFw, { areas: 40, periods: 4, missing: 0.5 }), options: { peers: { k: 100 } } }],
  ] as Array<[string, TScoreInput]>)("%s: columnarToRows gives exactly the rows layout", (_name, input) => {
    const { rows, cols } = both(input);
    expect(JSON.stringify(columnarToRows(cols))).toBe(JSON.stringify(rows));
  });

  it("holds scores and travel as typed-array columns indexed by areas and periods", () => {
    const { rows, cols } = both({ framework: small.framework, observations: small.observations, areas: small.areas });
    expect(cols.layout).toBe("columnar");
    expect(cols.inputHash).toBe(rows.inputHash);
    const s = cols.scores;
    expect(s.length).toBe(rows.scores.length);
    expect(s.index).toBeInstanceOf(Float64Array);
    expect(Object.keys(s.indicators)).toEqual(Object.keys(rows.scores[0].indicators));
    rows.scores.forEach((r, k) => {
      expect(cols.areas[s.areaIndex[k]]).toBe(r.area);
      expect(cols.periods[s.periodIndex[k]]).toBe(r.period);
      expect(Number.isNaN(s.index[k]) ? null : s.index[k]).toBe(r.index);
    });
    expect(cols.travel.length).toBe(rows.travel.length);
    expect(cols.areas[cols.travel.areaIndex[0]]).toBe(rows.travel[0].area);
  });
});
