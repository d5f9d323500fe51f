import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { lbbdRows, londonContext } from "./__fixtures__/london";
import { buildZip } from "./__fixtures__/zip-builder";
import { inspectFile, validateUpload } from "./index";

/* XLSX: good workbooks (first sheet, chosen sheet, formulas, errors) and every refusal built by hand. */

const ctx = londonContext({ period: 2013 });
const rows = lbbdRows((r) => r.indicator === "le_male" && r.period === 2013).map((l) => l.split(","));

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const longSheet = (wb: ExcelJS.Workbook, name = "Data") => {
  const ws = wb.addWorksheet(name);
  ws.addRow(["area_code", "indicator_code", "period", "value"]);
  for (const [a, i, p, v] of rows) ws.addRow([a, i, Number(p), Number(v)]);
  return ws;
};

describe("XLSX uploads", () => {
  it("long format on the first sheet", async () => {
    const bytes = await workbook((wb) => longSheet(wb));
    const r = await validateUpload({ bytes, filename: "data.xlsx", context: ctx });
    expect(r.ok).toBe(true);
    expect(r.detected).toMatchObject({ fileType: "xlsx", sheet: "Data", sheets: ["Data"], format: "long" });
    expect(r.observations).toHaveLength(17);
    expect(r.observations[0]).toMatchObject({ area: rows[0][0], indicator: "le_male", period: 2013, value: Number(rows[0][3]), sourceRow: 2 });
  });

  it("a chosen sheet, wide format, and the sheet list for the wizard", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Read me").addRow(["This workbook holds LBBD data"]);
      const ws = wb.addWorksheet("Wide & more");
      ws.addRow(["Ward code", "Male life expectancy at birth"]);
      for (const [a, , , v] of rows) ws.addRow([a, Number(v)]);
    });
    const first = await inspectFile(bytes, "w.xlsx");
    expect(first.ok && first.detected.sheets).toEqual(["Read me", "Wide & more"]);
    const r = await validateUpload({ bytes, filename: "w.xlsx", sheet: "Wide & more", context: ctx });
    expect(r.ok).toBe(true);
    expect(r.detected.format).toBe("wide");
    expect(r.observations.map((o) => o.value)).toEqual(rows.map((x) => Number(x[3])));
  });

  it("formula results are read (never formulas), Excel errors become missing with a warning, shared strings work", async () => {
    const bytes = await workbook((wb) => {
      const ws = longSheet(wb);
      ws.getCell("D2").value = { formula: "70+7", result: 77 };
      ws.getCell("D3").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      ws.getCell("D4").value = "1,234";
    });
    const r = await validateUpload({ bytes, filename: "f.xlsx", context: ctx });
    expect(r.observations[0].value).toBe(77);
    expect(r.observations[1].value).toBeNull();
    expect(r.issues.find((i) => i.code === "VALUE_EXCEL_ERROR")).toMatchObject({ row: 3, column: "value" });
    expect(r.issues.find((i) => i.code === "VALUE_THOUSANDS_SEPARATOR")).toMatchObject({ row: 4 });
  });

  it("a sheet that does not exist is refused with the list of sheets", async () => {
    const bytes = await workbook((wb) => longSheet(wb));
    const r = await validateUpload({ bytes, filename: "d.xlsx", sheet: "Nope", context: ctx });
    expect(r.refused).toEqual({ code: "SHEET_NOT_FOUND", message: expect.stringContaining("sheets: Data") });
  });

  it("refuses a macro-enabled workbook (vbaProject.bin), before reading it", async () => {
    const zip = buildZip([{ name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>") }, { name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>") }, { name: "xl/vbaProject.bin", data: new Uint8Array([1, 2, 3]) }]);
    const r = await validateUpload({ bytes: zip, filename: "data.xlsx", context: ctx });
    expect(r.refused?.code).toBe("FILE_MACRO_ENABLED");
    expect(r.ok).toBe(false);
  });

  it("refuses a .xlsm name even when the content is a plain workbook", async () => {
    const bytes = await workbook((wb) => longSheet(wb));
    expect((await validateUpload({ bytes, filename: "data.xlsm", context: ctx })).refused?.code).toBe("FILE_MACRO_ENABLED");
  });

  it("refuses an encrypted workbook (OLE/CFB container) and old .xls", async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await validateUpload({ bytes: cfb, filename: "secret.xlsx", context: ctx });
    expect(r.refused?.code).toBe("FILE_ENCRYPTED");
    expect(r.refused?.message).toMatch(/password/);
    expect((await inspectFile(cfb, "old.xls")).ok).toBe(false);
  });

  it("refuses a zip bomb: a tiny zip whose directory claims gigabytes", async () => {
    const bomb = buildZip([{ name: "xl/workbook.xml", data: new Uint8Array(10) }, { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(100), claimUncompressed: 0xfffffff0 }]);
    expect(bomb.length).toBeLessThan(1000);
    const r = await validateUpload({ bytes: bomb, filename: "b.xlsx", context: ctx });
    expect(r.refused?.code).toBe("FILE_ZIP_BOMB");
  });

  it("refuses an entry inflating more than 100-fold even under the total limit", async () => {
    const bomb = buildZip([{ name: "xl/workbook.xml", data: new Uint8Array(10) }, { name: "xl/worksheets/sheet1.xml", data: new Uint8Array(1000), claimUncompressed: 20_000_000 }]);
    const r = await validateUpload({ bytes: bomb, filename: "b.xlsx", context: ctx });
    expect(r.refused?.code).toBe("FILE_ZIP_BOMB");
    expect(r.refused?.message).toMatch(/100-fold/);
  });

  it("refuses a zip that is not a workbook, and a truncated workbook, without throwing", async () => {
    const notXlsx = buildZip([{ name: "hello.txt", data: new TextEncoder().encode("hi") }]);
    expect((await validateUpload({ bytes: notXlsx, filename: "x.xlsx", context: ctx })).refused?.code).toBe("FILE_NOT_XLSX");
    const good = await workbook((wb) => longSheet(wb));
    for (const cut of [30, good.length >> 1, good.length - 10]) {
      const r = await validateUpload({ bytes: good.subarray(0, cut), filename: "t.xlsx", context: ctx });
      expect(r.refused?.code).toBe("FILE_UNREADABLE");
    }
  });
});
