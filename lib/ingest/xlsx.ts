import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { entryData, localHeader, readEntryText, type TZipEntry } from "./zip";

/*
 * XLSX rows through exceljs's streaming WorkbookReader. The zip has already been
 * checked (zip.ts). We hand exceljs a re-ordered archive — relationships, workbook,
 * shared strings, then only the chosen sheet — because exceljs spills worksheets that
 * come before the shared strings (Excel's usual order) to temp files, and the core does
 * no file I/O. Each entry gets a fresh local header written from the central directory
 * (sizes known, no data descriptor): damaged local headers made exceljs's unzipper wait
 * forever in the fuzz tests.
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
 * The chosen entries as one zip stream of STORED entries, inflated here. exceljs's
 * unzipper swallows inflate errors and then waits forever (found by the fuzz tests), so
 * inflation is ours: any damage or a size that differs from the directory's claim calls
 * `fail`, which ends the read with an error.
 */
async function* storedEntries(bytes: Uint8Array, entries: TZipEntry[], cdOffset: number, fail: (e: Error) => void): AsyncGenerator<Buffer> {
  try {
    for (const e of entries) {
      const data = entryData(bytes, e, cdOffset);
      if (!data) throw new Error(`damaged entry ${e.name}`);
      yield localHeader({ ...e, method: 0, compressedSize: e.uncompressedSize });
      const source = Buffer.from(data.buffer, data.byteOffset, data.length);
      let produced = 0;
      const chunks = e.method === 0 ? [source] : (Readable.from([source], { objectMode: false }).pipe(createInflateRaw()) as AsyncIterable<Buffer>);
      for await (const chunk of chunks) {
        produced += chunk.length;
        if (produced > e.uncompressedSize) throw new Error(`${e.name} is larger than the workbook directory says`);
        yield chunk;
      }
      if (produced !== e.uncompressedSize) throw new Error(`${e.name} is smaller than the workbook directory says`);
    }
    // an empty end-of-directory record, so the unzipper ends cleanly instead of FILE_ENDED
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    yield eocd;
  } catch (err) {
    fail(err as Error);
  }
}

/**
 * Stream one sheet's rows: `onRow(cells, rowNumber)`; return false to stop. Rejects on
 * a damaged archive (the caller turns that into a refusal).
 */
export async function readSheetRows(bytes: Uint8Array, entries: TZipEntry[], cdOffset: number, sheetPath: string, onRow: (cells: string[], row: number) => boolean | void): Promise<void> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wanted = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", sheetPath].map((n) => byName.get(n)).filter((e): e is TZipEntry => e !== undefined);
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(storedEntries(bytes, wanted, cdOffset, fail), { objectMode: false }), { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  // pre-seeded so a workbook without shared strings or rels never takes exceljs's temp-file path
  const internals = reader as unknown as { sharedStrings?: unknown[]; workbookRels?: unknown[] };
  internals.sharedStrings = [];
  internals.workbookRels = [];
  const read = async () => {
    for await (const ws of reader) {
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        if (onRow(cells, row.number) === false) return;
      }
    }
  };
  await Promise.race([read(), failed]);
}
