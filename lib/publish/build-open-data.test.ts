import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { openDataFixture } from "./__fixtures__/open-data-input";
import { buildGeoJson, buildIndicatorValuesCsv, buildResultJson, buildScoresCsv } from "./build-open-data";
import { csvCell, toCsv } from "./csv";

const parse = (csv: string) => Papa.parse<string[]>(csv.trimEnd(), { newline: "\r\n" }).data;

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["=1,2", `"'=1,2"`],
    [null, ""],
    [undefined, ""],
    [-1.5, "-1.5"],
    [Number.NaN, ""],
    [true, "true"],
  ] as const)("%j → %s", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("writes CRLF lines in header order", () => {
    expect(toCsv(["b", "a"], [{ a: 1, b: "x" }])).toBe("b,a\r\nx,1\r\n");
  });
});

describe("scores.csv", () => {
  const rows = parse(buildScoresCsv(openDataFixture()));
  it("is tidy: one row per ward, year, level and code", () => {
    expect(rows[0]).toEqual(["area", "area_name", "period", "level", "code", "score", "rank"]);
    // 2 wards × 2 years × (index + 1 dimension + 1 component)
    expect(rows.length - 1).toBe(12);
    expect(rows[1]).toEqual(["E05000001", "Abbey", "2014", "index", "index", "60", "1"]);
    expect(rows.find((r) => r[2] === "2015" && r[0] === "E05000001" && r[3] === "index")?.[5]).toBe("61.2346");
  });
  it("defuses a ward name that would run as a formula", () => {
    expect(rows.find((r) => r[0] === "E05000002")?.[1]).toBe("'=HYPERLINK(\"http://x\")");
  });
});

describe("indicator-values.csv", () => {
  const rows = parse(buildIndicatorValuesCsv(openDataFixture()));
  it("has the raw value the run used, unit, score and flags", () => {
    expect(rows[0]).toEqual(["area", "area_name", "indicator", "period", "value", "unit", "score", "flags"]);
    expect(rows.length - 1).toBe(8);
    expect(rows[1]).toEqual(["E05000001", "Abbey", "crime", "2014", "80.5", "per 1,000", "61", ""]);
    // a negative number stays a number (not defused as a formula)
    expect(rows.find((r) => r[0] === "E05000001" && r[2] === "crime" && r[3] === "2015")?.[4]).toBe("-3");
    expect(rows.find((r) => r[0] === "E05000002" && r[2] === "crime" && r[3] === "2015")?.[7]).toBe("imputed;clampedUtopia");
    expect(rows.find((r) => r[0] === "E05000002" && r[2] === "fires" && r[3] === "2014")?.[4]).toBe("");
  });
});

describe("result.json and wards.geojson", () => {
  it("publishes the engine result unchanged, with its release", () => {
    const input = openDataFixture();
    const json = JSON.parse(buildResultJson(input));
    expect(json.result).toEqual(input.result);
    expect(json.release).toEqual({ version: 2, title: "Second release", publishAt: "2026-01-15T09:30:00.000Z" });
    expect(json.council.slug).toBe("tiny-borough");
  });
  it("is a FeatureCollection of wards with the latest year's scores", () => {
    const g = JSON.parse(buildGeoJson(openDataFixture()));
    expect(g.type).toBe("FeatureCollection");
    expect(g.features).toHaveLength(2);
    const abbey = g.features.find((f: { id: string }) => f.id === "E05000001");
    expect(abbey.geometry.type).toBe("Polygon");
    expect(abbey.properties).toMatchObject({ code: "E05000001", name: "Abbey", period: 2015, index: 61.2346, index_rank: 1, basic: 61.2346, safety: 61.2346 });
  });
});
