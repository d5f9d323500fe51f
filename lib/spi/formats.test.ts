import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./__fixtures__/reference";
import { loadSmall, read } from "./__fixtures__/small";

/* The published schemas in docs/formats must describe what the engine emits. */
const schema = (f: string) => JSON.parse(readFileSync(path.join(repoRoot, "docs/formats", f), "utf8"));

describe("docs/formats schemas", () => {
  const golden = JSON.parse(read("small-result.golden.json"));
  const result = schema("result.schema.json");

  it("result: top-level and row keys are exactly the schema's required keys", () => {
    expect(Object.keys(golden).sort()).toEqual([...result.required].sort());
    expect(Object.keys(golden.scores[0]).sort()).toEqual([...result.$defs.scoreRow.required].sort());
    expect(Object.keys(golden.aggregates[0]).sort()).toEqual([...result.$defs.aggregate.required].sort());
    expect(Object.keys(golden.uncertainty.areas[0]).sort()).toEqual([...result.$defs.uncertainty.properties.areas.items.required].sort());
  });

  it("framework: the fixture's keys are all declared", () => {
    const fw = schema("framework.schema.json");
    const { framework } = loadSmall();
    for (const k of Object.keys(framework)) expect(Object.keys(fw.properties)).toContain(k);
    const comp = framework.dimensions[0].components[0];
    for (const k of Object.keys(comp)) expect(Object.keys(fw.$defs.component.properties)).toContain(k);
  });

  it("observations and areas: field names match the CSV headers", () => {
    expect(schema("observations.schema.json").fields.map((f: { name: string }) => f.name)).toEqual(["area_code", "indicator_code", "period", "value"]);
    expect(schema("areas.schema.json").fields.map((f: { name: string }) => f.name).join(",")).toBe(read("small-areas.csv").split("\n")[0]);
  });
});
