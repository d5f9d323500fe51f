import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildTemplateWorkbook, expectedRange, longRows, safeCsvCell, wideRows } from "./templates";

const indicators = [
  { code: "smr", name: "Standardised mortality ratio", unit: "ratio", direction: -1 as const, utopia: 55.5, dystopia: 155, component: "c1" },
  { code: "le_male", name: "Male life expectancy, at birth", unit: "years", direction: 1 as const, utopia: 85.8, dystopia: 68.7553, component: "c2" },
];
const wards = [
  { code: "E05000026", name: "Abbey" },
  { code: "E05000027", name: "=HYPERLINK(\"http://evil\")" },
];

describe("templates", () => {
  it("neutralises cells a spreadsheet would run as formulas, and quotes CSV specials", () => {
    expect(safeCsvCell("=1+1")).toBe("'=1+1");
    expect(safeCsvCell("+44")).toBe("'+44");
    expect(safeCsvCell("-2")).toBe("'-2");
    expect(safeCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCsvCell("\tx")).toBe("'\tx");
    expect(safeCsvCell('a,"b"')).toBe('"a,""b"""');
    expect(safeCsvCell(-2)).toBe("-2"); // numbers are numbers
    expect(safeCsvCell(null)).toBe("");
    expect(safeCsvCell("Abbey")).toBe("Abbey");
  });

  it("states the expected range low to high with the direction", () => {
    expect(expectedRange(indicators[0])).toBe("55.5 to 155 (lower is better)");
    expect(expectedRange(indicators[1])).toBe("68.76 to 85.8 (higher is better)");
  });

  it("lays out long (ward × indicator) and wide (ward × indicator columns) templates", () => {
    const long = longRows({ wards, indicators, period: 2015 });
    expect(long[0]).toEqual(["area_code", "area_name", "indicator_code", "indicator_name", "unit", "expected_range", "period", "value"]);
    expect(long).toHaveLength(1 + wards.length * indicators.length);
    expect(long[1]).toEqual(["E05000026", "Abbey", "smr", "Standardised mortality ratio", "ratio", "55.5 to 155 (lower is better)", 2015, null]);
    const wide = wideRows({ wards, indicators, period: 2015 });
    expect(wide[0]).toEqual(["area_code", "area_name", "smr", "le_male"]);
    expect(wide[2]).toEqual(["E05000027", wards[1].name, null, null]);
  });

  it("writes an XLSX with a data sheet and an indicators reference sheet, formula-like text kept as text", async () => {
    const bytes = await buildTemplateWorkbook({ wards, indicators, period: 2015 }, wideRows({ wards, indicators, period: 2015 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["data", "indicators"]);
    const cell = wb.getWorksheet("data")!.getCell("B3");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${wards[1].name}`);
    expect(wb.getWorksheet("indicators")!.getRow(2).values).toEqual(expect.arrayContaining(["smr", 55.5, 155, "lower is better"]));
  });
});
