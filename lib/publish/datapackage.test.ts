import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { openDataFixture } from "./__fixtures__/open-data-input";
import { buildIndicatorValuesCsv, buildScoresCsv } from "./build-open-data";
import { buildDataPackage } from "./datapackage";
import { validateDescriptor, validateSchema, validateTable } from "./validate-datapackage";

const parse = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;

describe("datapackage.json", () => {
  const input = openDataFixture();
  const pkg = buildDataPackage(input, { "scores.csv": { bytes: 10, sha256: "00" } });

  it("is a valid Frictionless descriptor with OGL-3.0, sources and attribution", () => {
    expect(validateDescriptor(JSON.parse(JSON.stringify(pkg)))).toEqual([]);
    expect(pkg.licenses[0].path).toMatch(/open-government-licence\/version\/3/);
    expect(pkg.sources.length).toBeGreaterThan(0);
    expect(pkg.attribution).toMatch(/Open Government Licence v3\.0/);
    expect(pkg.resources.map((r) => r.path)).toEqual(["scores.csv", "indicator-values.csv", "result.json", "wards.geojson"]);
    expect(pkg.resources[0]).toMatchObject({ bytes: 10, hash: "sha256:00" });
  });

  it("every CSV matches its resource's table schema, header and cells", () => {
    const files: Record<string, string> = { "scores.csv": buildScoresCsv(input), "indicator-values.csv": buildIndicatorValuesCsv(input) };
    const tabular = pkg.resources.filter((r) => r.profile === "tabular-data-resource");
    expect(tabular).toHaveLength(2);
    for (const r of tabular) expect(validateTable(parse(files[r.path]), r.schema!), r.path).toEqual([]);
  });
});

describe("the validator finds what breaks the rules", () => {
  const good = () => JSON.parse(JSON.stringify(buildDataPackage(openDataFixture())));
  it.each([
    ["a bad package name", (p: Record<string, unknown>) => (p.name = "Has Spaces"), /name must be/],
    ["no licence", (p: Record<string, unknown>) => (p.licenses = []), /licenses/],
    ["no resources", (p: Record<string, unknown>) => (p.resources = []), /resources/],
    ["a resource with no path", (p: { resources: Array<Record<string, unknown>> }) => delete p.resources[2].path, /needs a path or data/],
    ["a path that escapes", (p: { resources: Array<Record<string, unknown>> }) => (p.resources[2].path = "../x"), /relative/],
    ["duplicate resource names", (p: { resources: Array<Record<string, unknown>> }) => (p.resources[1].name = "scores"), /not unique/],
    ["an unknown field type", (p: { resources: Array<{ schema: { fields: Array<Record<string, unknown>> } }> }) => (p.resources[0].schema.fields[0].type = "text"), /not a Table Schema type/],
  ])("%s", (_label, mutate, message) => {
    const p = good();
    mutate(p as never);
    expect(validateDescriptor(p).join("\n")).toMatch(message);
  });

  it("a primary key must name fields", () => {
    expect(validateSchema({ fields: [{ name: "a", type: "string" }], primaryKey: ["b"] })).toEqual(['primaryKey names "b", which is not a field']);
  });

  it("rejects a header out of order, a bad cell, a missing required value, an enum miss and a repeated key", () => {
    const schema = { fields: [{ name: "k", type: "string", constraints: { required: true } }, { name: "n", type: "integer" }, { name: "e", type: "string", constraints: { enum: ["x"] } }], primaryKey: ["k"], missingValues: [""] };
    expect(validateTable([["n", "k", "e"]], schema)[0]).toMatch(/does not match/);
    const problems = validateTable([["k", "n", "e"], ["a", "1.5", "x"], ["", "2", "x"], ["b", "3", "y"], ["b", "4", "x"]], schema);
    expect(problems).toEqual(['row 2: n "1.5" is not a integer', "row 3: k is required", 'row 4: e "y" is not one of x', "row 5: primary key (k) repeats"]);
  });
});
