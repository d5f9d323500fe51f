import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./__fixtures__/reference";
import { fixturesDir, loadSmall } from "./__fixtures__/small";
import { main } from "./cli";
import { scoreFramework } from "./engine";

const fx = (f: string) => path.join(fixturesDir, f);
const args = ["score", "--framework", fx("small-framework.json"), "--observations", fx("small-observations.csv"), "--areas", fx("small-areas.csv")];
async function cli(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(""), err: err.join("\n") };
}

describe("spi score output formats", () => {
  const small = loadSmall();
  const rows = scoreFramework({ framework: small.framework, observations: small.observations, areas: small.areas });
  if (!rows.ok) throw new Error("run failed");

  it("json (default, compact) to stdout: JSON.stringify of the engine's rows result", async () => {
    const r = await cli(...args);
    expect(r.code).toBe(0);
    expect(r.out).toBe(JSON.stringify(rows.result) + "\n");
  });

  it("columnar-json: the same scores as columns, with layout and the same input hash", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "spi-cols-")), "c.json");
    expect((await cli(...args, "--format", "columnar-json", "--out", out)).code).toBe(0);
    const c = JSON.parse(readFileSync(out, "utf8"));
    expect(c.layout).toBe("columnar");
    expect(c.inputHash).toBe(rows.result.inputHash);
    expect(c.scores.length).toBe(rows.result.scores.length);
    rows.result.scores.forEach((s, k) => {
      expect([c.areas[c.scores.areaIndex[k]], c.periods[c.scores.periodIndex[k]], c.scores.index[k]]).toEqual([s.area, s.period, s.index]);
      for (const [code, v] of Object.entries(s.indicators)) expect(c.scores.indicators[code][k]).toBe(v);
    });
    expect(c.diagnostics).toEqual(rows.result.diagnostics);
    // keys are exactly those docs/formats/result-columnar.schema.json requires
    const schema = JSON.parse(readFileSync(path.join(repoRoot, "docs/formats/result-columnar.schema.json"), "utf8"));
    const sorted = (o: object) => Object.keys(o).sort();
    expect(sorted(c)).toEqual([...schema.required].sort());
    expect(sorted(c.scores)).toEqual([...schema.$defs.scoreColumns.required].sort());
    expect(sorted(c.travel)).toEqual([...schema.$defs.travelColumns.required].sort());
    expect(sorted(c.travel.index)).toEqual([...schema.$defs.travelColumn.required].sort());
    expect(sorted(c.strengthsWeaknesses)).toEqual([...schema.$defs.scorecardColumns.required].sort());
    expect(sorted(c.strengthsWeaknesses.items)).toEqual([...schema.$defs.scorecardColumns.properties.items.required].sort());
  });
});
