import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { entrySpans, readEntryText, type TZipEntry } from "./zip";

/*
 * XLSX rows through exceljs's streaming WorkbookReader. The zip has already been
 * checked (zip.ts). We hand exceljs a re-ordered copy-free view of the archive —
 * relationships, workbook, shared strings, then only the chosen sheet — because exceljs
 * spills worksheets that come before the shared strings (Excel's usual order) to temp
 * files, and the core does no file I/O.
 */

export interface TSheetRef {
  name: string;
  path: string;
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Sheet names in workbook order with their part paths; null when the workbook XML is unreadable. */
export function listSheets(bytes: Uint8Array, entries: TZipEntry[]): TSheetRef[] | null {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wb = byName.get("xl/workbook.xml");
  const rels = byName.get("xl/_rels/workbook.xml.rels");
  if (!wb || wb.uncompressedSize > 5e6 || (rels && rels.uncompressedSize > 5e6)) return null;
  const wbXml = readEntryText(bytes, wb);
  if (wbXml === null) return null;
  const relXml = rels ? readEntryText(bytes, rels) ?? "" : "";
  const targets = new Map<string, string>();
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: TSheetRef[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id") ?? attr(m[0], "[a-z0-9]+:id");
    if (name) sheets.push({ name: unescapeXml(name), path: (rid && targets.get(rid)) ?? `xl/worksheets/sheet${sheets.length + 1}.xml` });
  }
  return sheets;
}

/** Cell value (as exceljs gives it) → the text a CSV export would show. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (o.error) return o.error;
    if (o.richText) return o.richText.map((r) => r.text).join("");
    // a formula's cached result, never the formula itself
    if ("result" in o || o.formula || o.sharedFormula) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return String(v);
}

/**
 * Stream one sheet's rows: `onRow(cells, rowNumber)`; return false to stop. Throws on a
 * malformed archive (the caller turns that into a refusal).
 */
export async function readSheetRows(bytes: Uint8Array, entries: TZipEntry[], cdOffset: number, sheetPath: string, onRow: (cells: string[], row: number) => boolean | void): Promise<void> {
  const spans = entrySpans(entries, cdOffset);
  const order = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", sheetPath].filter((n) => spans.has(n));
  const parts = order.map((n) => spans.get(n)!).map(([a, z]) => Buffer.from(bytes.buffer, bytes.byteOffset + a, z - a));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(parts, { objectMode: false }), { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  // pre-seeded so a workbook without shared strings or rels never takes exceljs's temp-file path
  const internals = reader as unknown as { sharedStrings?: unknown[]; workbookRels?: unknown[] };
  internals.sharedStrings = [];
  internals.workbookRels = [];
  const cells: string[] = [];
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      cells.length = 0;
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
      if (onRow(cells.slice(), row.number) === false) return;
    }
  }
}
