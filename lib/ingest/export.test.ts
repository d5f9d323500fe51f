import { describe, expect, it } from "vitest";
import { parseRecords } from "../spi/csv";
import { cleanCellForExport, problemsToCsv } from "./index";
import type { TIssue } from "./types";

/* CSV injection: nothing in an exported report can start a formula in a spreadsheet. */

describe("cleanCellForExport", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"], ["+1", "'+1"], ["-1+2", "'-1+2"], ["@cmd", "'@cmd"], ["\t=1", "'\t=1"], ["\r=1", "'\r=1"],
    ["E05000026", "E05000026"], ["12.5", "12.5"], ["", ""], ["a=b", "a=b"],
  ])("%j → %j", (input, out) => expect(cleanCellForExport(input)).toBe(out));
});

describe("problemsToCsv", () => {
  const hostile: TIssue[] = [
    { row: 2, column: "=cmd|'/c calc'!A1", code: "AREA_UNKNOWN", severity: "error", message: "=HYPERLINK(\"http://evil\",\"x\")", suggestion: "@SUM(1)", area: "+1", indicator: "-2" },
    { row: null, column: null, code: "COVERAGE_SUMMARY", severity: "info", message: "plain, with a comma and \"quotes\"\nand a newline" },
  ];
  const csv = problemsToCsv(hostile);
  const records = parseRecords(csv);

  it("round-trips as RFC 4180 with one record per issue plus the header", () => {
    expect(records[0]).toEqual(["row", "column", "severity", "code", "area", "indicator", "period", "message", "suggestion"]);
    expect(records).toHaveLength(3);
    expect(records[2][7]).toBe("plain, with a comma and \"quotes\"\nand a newline");
  });

  it("no cell starts with a formula character", () => {
    for (const rec of records) for (const cell of rec) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(records[1][1]).toBe("'=cmd|'/c calc'!A1");
    expect(records[1][7]).toBe("'=HYPERLINK(\"http://evil\",\"x\")");
  });
});
