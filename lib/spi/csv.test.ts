import { describe, expect, it } from "vitest";
import { createObservationsCsvParser, parseAreasCsv, parseObservationsCsv, parseRecords, scoresToCsv } from "./csv";
import { loadSmall } from "./__fixtures__/small";
import { scoreFramework } from "./engine";

const rowsOf = (text: string) => {
  const p = parseObservationsCsv(text);
  const c = p.columns;
  return { problems: p.problems, rows: Array.from({ length: c.length }, (_, r) => [c.areaCodes[c.area[r]], c.indicatorCodes[c.indicator[r]], c.period[r], Number.isNaN(c.value[r]) ? null : c.value[r]]) };
};

describe("observations CSV", () => {
  it.each([
    ["plain", "area_code,indicator_code,period,value\nE1,x,2020,1.5\n", [["E1", "x", 2020, 1.5]]],
    ["CRLF, BOM, no final newline", "\uFEFFarea_code,indicator_code,period,value\r\nE1,x,2020,2\r\nE2,x,2021,", [["E1", "x", 2020, 2], ["E2", "x", 2021, null]]],
    ["reordered and extra columns", "note,value,period,indicator_code,area_code\nhi,3,2019,y,E9\n", [["E9", "y", 2019, 3]]],
    ["quoted fields with commas, quotes and newlines", 'area_code,indicator_code,period,value,note\n"E,1","a ""b""",2020,"4","multi\nline"\nE2,x,2020,5,\n', [["E,1", 'a "b"', 2020, 4], ["E2", "x", 2020, 5]]],
    ["blank lines skipped, whitespace trimmed", "area_code,indicator_code,period,value\n\n E1 , x , 2020 , 7 \n", [["E1", "x", 2020, 7]]],
    ["scientific notation and sign", "area_code,indicator_code,period,value\nE1,x,2020,-1.5e2\n", [["E1", "x", 2020, -150]]],
  ])("%s", (_name, text, want) => {
    const r = rowsOf(text);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual(want);
  });

  it.each([
    ["missing column", "area_code,period,value\nE1,2020,1\n", { line: 1, column: "indicator_code" }, /missing required column/],
    ["bad period", "area_code,indicator_code,period,value\nE1,x,20x0,1\n", { line: 2, column: "period" }, /integer year/],
    ["bad value", "area_code,indicator_code,period,value\nE1,x,2020,1\nE1,y,2020,NA\n", { line: 3, column: "value" }, /number or empty/],
    ["hex value", "area_code,indicator_code,period,value\nE1,x,2020,0x10\n", { line: 2, column: "value" }, /number or empty/],
    ["short row", "area_code,indicator_code,period,value\nE1,x\n", { line: 2 }, /at least 4 columns/],
    ["empty area", "area_code,indicator_code,period,value\n,x,2020,1\n", { line: 2, column: "area_code" }, /empty area/],
    ["line numbers count embedded newlines", 'area_code,indicator_code,period,value,n\nE1,x,2020,1,"a\nb"\nE1,x,bad,1,\n', { line: 4, column: "period" }, /integer/],
  ])("%s → problem with line and column", (_n, text, where, msg) => {
    const p = parseObservationsCsv(text).problems;
    expect(p.length).toBeGreaterThan(0);
    expect(p[0]).toMatchObject({ severity: "error", ...where });
    expect(p[0].message).toMatch(msg);
  });

  it("gives the same result for every chunking of the input", () => {
    const text = 'area_code,indicator_code,period,value,note\r\nE1,x,2020,1,"q,\r\n""z"""\r\nE2,y,2021,,\r\n"E3",z,2022,3.25,n\r\n';
    const whole = JSON.stringify(rowsOf(text));
    for (let cut = 1; cut < text.length; cut++) {
      for (const size of [1, 3, cut]) {
        const p = createObservationsCsvParser();
        for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size));
        const r = p.end();
        const c = r.columns;
        const rows = Array.from({ length: c.length }, (_, k) => [c.areaCodes[c.area[k]], c.indicatorCodes[c.indicator[k]], c.period[k], Number.isNaN(c.value[k]) ? null : c.value[k]]);
        expect(JSON.stringify({ problems: r.problems, rows }), `chunk ${size}`).toBe(whole);
      }
    }
  });

  it("stops listing after 100 problems and says how many more", () => {
    const text = "area_code,indicator_code,period,value\n" + "E1,x,bad,1\n".repeat(150);
    const p = parseObservationsCsv(text).problems;
    expect(p.length).toBe(101);
    expect(p[100].message).toMatch(/50 more problems/);
  });
});

describe("areas CSV and records", () => {
  it("parses areas with optional columns", () => {
    const r = parseAreasCsv("area_code,area_name,parent_code,population,peer_value\nW1,\"Ward, one\",B1,1200,0.3\nW2,,,,\n");
    expect(r.problems).toEqual([]);
    expect(r.areas).toEqual([
      { code: "W1", name: "Ward, one", parent: "B1", population: 1200, peerValue: 0.3 },
      { code: "W2", name: null, parent: null, population: null, peerValue: null },
    ]);
    expect(parseAreasCsv("area_code,population\nW1,lots\n").problems[0]).toMatchObject({ line: 2, column: "population" });
  });
  it("parseRecords handles quotes", () => expect(parseRecords('a,"b ""c"""\n1,2')).toEqual([["a", 'b "c"'], ["1", "2"]]));
});

describe("scoresToCsv", () => {
  it("writes one row per score row with a header", () => {
    const s = loadSmall();
    const out = scoreFramework({ framework: s.framework, observations: s.observations, options: { peers: false } });
    if (!out.ok) throw new Error("failed");
    const lines = scoresToCsv(out.result).trimEnd().split("\n");
    expect(lines.length).toBe(out.result.scores.length + 1);
    expect(lines[0].startsWith("area_code,period,index,d0,d1,d2,c0,")).toBe(true);
    expect(lines[1].split(",").length).toBe(lines[0].split(",").length);
  });
});
