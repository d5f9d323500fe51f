import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { goodDir, lbbdRows, londonContext } from "./__fixtures__/london";
import { inspectFile, validateUpload } from "./index";

/* Good files: every encoding, delimiter and layout loads with ok:true and the same observations. */

const ctx = londonContext({ period: 2013 });
const expected = lbbdRows((r) => ["obese_reception_pct", "le_male", "le_female"].includes(r.indicator) && r.period === 2013)
  .map((l) => l.split(","))
  .map(([area, indicator, period, value]) => `${area}|${indicator}|${period}|${Number(value)}`)
  .sort();

async function load(file: string) {
  return validateUpload({ bytes: readFileSync(path.join(goodDir, file)), filename: file, context: ctx });
}
const keys = (obs: Array<{ area: string; indicator: string; period: number; value: number | null }>) => obs.map((o) => `${o.area}|${o.indicator}|${o.period}|${o.value}`).sort();

describe("good files load", () => {
  it.each([
    ["long.csv", "utf-8", ","],
    ["long-bom.csv", "utf-8-bom", ","],
    ["long-semicolon.csv", "utf-8", ";"],
    ["long-tab.csv", "utf-8", "\t"],
    ["long-windows-1252.csv", "windows-1252", ","],
  ])("%s (%s, delimiter %j)", async (file, encoding, delimiter) => {
    const r = await load(file);
    expect(r.ok).toBe(true);
    expect(r.detected).toMatchObject({ fileType: "csv", encoding, delimiter, format: "long" });
    expect(keys(r.observations)).toEqual(expected);
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  it("Windows-1252: reported as converted and accented text survives in notes", async () => {
    const r = await load("long-windows-1252.csv");
    expect(r.issues.map((i) => i.code)).toContain("ENCODING_CONVERTED");
    expect(r.observations[0].note).toBe("café source: Fingertips £");
  });

  it("semicolon file: decimal commas read as decimals, and said so", async () => {
    const r = await load("long-semicolon.csv");
    expect(r.issues.find((i) => i.code === "VALUE_DECIMAL_COMMA")?.message).toMatch(/read as 15\.1286/);
    expect(r.summary.cleaned).toBeGreaterThan(40);
  });

  it("wide file with the period chosen in the form", async () => {
    const r = await load("wide-2013.csv");
    expect(r.ok).toBe(true);
    expect(r.detected.format).toBe("wide");
    expect(r.mapping.columns).toMatchObject({ area_code: "area_code", obese_reception_pct: "indicator:obese_reception_pct", le_male: "indicator:le_male" });
    expect(keys(r.observations)).toEqual(expected.filter((k) => !k.includes("le_female")));
  });

  it("messy headers and cells: mapped by synonym, 2012/13 → 2013, apostrophes and spaces cleaned, with infos", async () => {
    const r = await load("long-messy.csv");
    expect(r.mapping.columns).toEqual({ "Ward code": "area_code", Indicator: "indicator_code", Year: "period", Value: "value" });
    expect(r.ok).toBe(true);
    expect(keys(r.observations)).toEqual(expected);
    const codes = new Set(r.issues.map((i) => i.code));
    for (const c of ["PERIOD_FINANCIAL_YEAR", "VALUE_APOSTROPHE", "VALUE_WHITESPACE"]) expect(codes).toContain(c);
    expect(r.issues.find((i) => i.code === "PERIOD_FINANCIAL_YEAR")!.message).toMatch(/"2012\/13" read as 2013/);
  });

  it("observations carry their source row", async () => {
    const r = await load("long.csv");
    expect(r.observations[0]).toMatchObject({ sourceRow: 2, area: "E05000026", indicator: "obese_reception_pct", period: 2013 });
  });

  it("inspectFile returns detection, header and sample rows without validating", async () => {
    const r = await inspectFile(readFileSync(path.join(goodDir, "long-semicolon.csv")), "x.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.detected.header).toEqual(["area_code", "indicator_code", "period", "value"]);
    expect(r.detected.delimiter).toBe(";");
    expect(r.sampleRows).toHaveLength(20);
    expect(r.sampleRows[0]).toEqual(["E05000026", "obese_reception_pct", "2013", "15,1286"]);
  });
});
