import { describe, expect, it } from "vitest";
import { loadSmall } from "./__fixtures__/small";
import { syntheticFramework, syntheticObservations } from "./__fixtures__/synthetic";
import { columnarToRows } from "./columnar";
import { scoresToCsv } from "./csv";
import { scoreFramework, type TScoreInput } from "./engine";
import type { TSpiColumnarResult } from "./result-types";
import { resultJsonChunks, scoresCsvChunks } from "./serialize";

const small = loadSmall();
const sparseFw = syntheticFramework({ indicatorsPerComponent: [2, 3], weighting: "pca" });
const inputs: Array<[string, TScoreInput]> = [
  ["small fixture", { framework: small.framework, observations: small.observations, areas: small.areas, options: { uncertainty: { draws: 20, seed: 3 } } }],
  ["sparse data (null scores, reasons, flags)", { framework: sparseFw, observations: syntheticObservations(sparseFw, { areas: 30, periods: 4, missing: 0.5 }), options: { peers: { k: 100 } } }],
  ["one period (no travel)", { framework: sparseFw, observations: syntheticObservations(sparseFw, { areas: 5, periods: 1 }) }],
  [
    "300 scorecards (more than one batch), some areas without a peer value",
    {
      framework: sparseFw,
      observations: syntheticObservations(sparseFw, { areas: 300, periods: 2 }),
      areas: Array.from({ length: 300 }, (_, i) => ({ code: `A${String(i).padStart(6, "0")}`, peerValue: i % 7 === 0 ? null : (i * 37) % 101 })),
    },
  ],
];

function columnar(input: TScoreInput): TSpiColumnarResult {
  const out = scoreFramework({ ...input, resultLayout: "columnar" });
  if (!out.ok) throw new Error("run failed");
  return out.result;
}

/** The columnar result as plain JSON data: typed arrays as arrays, NaN as null. */
function plain(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return Array.from(v as Float64Array, (x) => (Number.isFinite(x) ? x : null));
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
}

describe("streamed result JSON", () => {
  describe.each(inputs)("%s", (_name, input) => {
    const cols = columnar(input);
    it.each([undefined, 1, 2])("rows layout, indent %s: the bytes of JSON.stringify of the rows result", (indent) => {
      expect([...resultJsonChunks(cols, { layout: "rows", indent })].join("")).toBe(JSON.stringify(columnarToRows(cols), null, indent));
    });
    it.each([undefined, 1])("columnar layout, indent %s: JSON.stringify with typed arrays as arrays", (indent) => {
      const text = [...resultJsonChunks(cols, { layout: "columnar", indent })].join("");
      expect(text).toBe(JSON.stringify(plain(cols), null, indent));
    });
    it("CSV: the text of scoresToCsv", () => {
      expect([...scoresCsvChunks(cols)].join("")).toBe(scoresToCsv(columnarToRows(cols)));
    });
  });

  it("comes in bounded chunks", () => {
    const fw = syntheticFramework({ indicatorsPerComponent: [4, 5] });
    const cols = columnar({ framework: fw, observations: syntheticObservations(fw, { areas: 300, periods: 3 }) });
    const chunks = [...resultJsonChunks(cols, { layout: "rows" })];
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1 << 18);
  });
});
