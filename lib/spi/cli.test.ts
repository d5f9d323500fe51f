import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDir } from "./__fixtures__/small";
import { main } from "./cli";
import type { TSpiResult } from "./result-types";

const fx = (f: string) => path.join(fixturesDir, f);
async function cli(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(""), err: err.join("\n") };
}

describe("spi CLI", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "spi-cli-"));

  it("score writes the same JSON as the golden file (streamed CSV → engine → file)", async () => {
    const out = path.join(dir, "r.json");
    const r = await cli("score", "--framework", fx("small-framework.json"), "--observations", fx("small-observations.csv"), "--areas", fx("small-areas.csv"), "--draws", "200", "--seed", "3", "--out", out, "--pretty");
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(fx("small-result.golden.json"), "utf8"));
  });

  it("scores the product's London edition with its own areas file, aggregating the two demo boroughs", async () => {
    const london = path.resolve(fixturesDir, "../../../data/frameworks/london-wards-2015");
    const out = path.join(dir, "london.json");
    const r = await cli("score", "--framework", path.join(london, "framework.json"), "--observations", path.join(london, "observations-lbbd-havering.csv"), "--areas", path.join(london, "areas.csv"), "--out", out);
    expect(r.err).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8")) as TSpiResult;
    expect([...new Set(result.aggregates.map((a) => `${a.area} ${a.method}`))].sort()).toEqual(["E09000002 indicator", "E09000002 score", "E09000016 indicator", "E09000016 score"]);
    // the 30 other boroughs have no observations here: one warning each (the City of London is its own borough, no parent)
    expect(result.problems.map((p) => p.message.replace(/\d+/, "n"))).toEqual(Array(30).fill("none of its n member area(s) has observations, so it is not aggregated"));
  });

  it("score --format csv writes the scores table to stdout", async () => {
    const r = await cli("score", "--framework", fx("small-framework.json"), "--observations", fx("small-observations.csv"), "--format", "csv");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toMatch(/^area_code,period,index,d0/);
  });

  it("validate-framework: 0 for a good file, 1 with a problem list for a bad one", async () => {
    expect((await cli("validate-framework", fx("small-framework.json"))).code).toBe(0);
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ id: "x", edition: "1", name: "x", dimensions: [{ code: "d", name: "d", components: [] }] }));
    const r = await cli("validate-framework", bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error \(dimensions\[0\]\.components\): a dimension needs at least one component/);
  });

  it("input problems exit 1 with line numbers", async () => {
    const obs = path.join(dir, "o.csv");
    writeFileSync(obs, "area_code,indicator_code,period,value\nE1,c0i0,2020,abc\n");
    const r = await cli("score", "--framework", fx("small-framework.json"), "--observations", obs);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 2, column value/);
  });

  it.each([[[]], [["nope"]], [["score", "--framework", "x.json"]], [["score", "--framework", fx("small-framework.json"), "--observations", fx("small-observations.csv"), "--format", "xml"]]])(
    "usage errors exit 2: %j",
    async (argv) => expect((await cli(...argv)).code).toBe(2),
  );

  it("propose-bounds prints one proposal per framework indicator", async () => {
    const r = await cli("propose-bounds", "--framework", fx("small-framework.json"), "--observations", fx("small-observations.csv"));
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out) as Array<{ indicator: string }>;
    expect(p.length).toBe(18);
  });
});
