import { createCsvReader } from "./csv-reader";
import { decodeChunks, decodePrefix, detectEncoding, looksBinary, sniffDelimiter } from "./decode";
import { listSheets, readSheetRows } from "./xlsx";
import { checkZip, readZipDirectory } from "./zip";
import type { TIssue, TRefusal } from "./types";

/*
 * Opening an upload: refuse what must never be parsed (too big, encrypted, macros, zip
 * bombs, binary), then offer one way to walk the records whatever the file type.
 */

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_ROWS = 1_000_000;

export interface TTable {
  fileType: "csv" | "xlsx";
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
  /** File-level notes (e.g. the encoding conversion). */
  notes: TIssue[];
  /** Walk records in order: cells and the file row number (1-based). Return false to stop. */
  each(onRecord: (cells: string[], row: number) => boolean | void): Promise<void>;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export async function openTable(bytes: Uint8Array, filename: string, opts: { sheet?: string; maxBytes?: number } = {}): Promise<{ ok: true; table: TTable } | { ok: false; refused: TRefusal }> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return { ok: false, refused: { code: "FILE_TOO_LARGE", message: `The file is ${mb(bytes.length)}; the limit is ${mb(maxBytes)}. Split it by indicator or period and upload the parts.` } };
  if (bytes.length === 0) return { ok: false, refused: { code: "FILE_EMPTY", message: "The file is empty (0 bytes)." } };
  const b0 = bytes[0], b1 = bytes[1];
  if (bytes.length >= 4 && b0 === 0xd0 && b1 === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { ok: false, refused: { code: "FILE_ENCRYPTED", message: "This is a password-protected (encrypted) workbook or an old-style .xls file, which cannot be read safely. Remove the password and save as .xlsx, or save as CSV, then upload again." } };
  if (bytes.length >= 4 && b0 === 0x50 && b1 === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) return openXlsx(bytes, filename, opts.sheet, maxBytes);
  if (/\.(xlsx|xlsm|xls)$/i.test(filename)) return { ok: false, refused: { code: "FILE_UNREADABLE", message: "The file is named as an Excel workbook but is not one (no zip signature). It may be damaged or truncated; save it again as .xlsx or CSV." } };
  return openCsv(bytes);
}

function openCsv(bytes: Uint8Array): { ok: true; table: TTable } | { ok: false; refused: TRefusal } {
  const { encoding, bom } = detectEncoding(bytes);
  if (looksBinary(bytes, encoding)) return { ok: false, refused: { code: "FILE_UNREADABLE", message: "This file is not text (it contains binary data). Upload a CSV file or an .xlsx workbook." } };
  const prefix = decodePrefix(bytes, encoding);
  const delimiter = sniffDelimiter(prefix);
  const notes: TIssue[] = [];
  if (encoding === "windows-1252") notes.push({ row: null, column: null, code: "ENCODING_CONVERTED", severity: "info", message: "The file is not valid UTF-8; it was read as Windows-1252 (Excel's CSV on Windows) and converted to UTF-8.", suggestion: "Save as \"CSV UTF-8\" next time to be sure accented names survive." });
  if (encoding.startsWith("utf-16")) notes.push({ row: null, column: null, code: "ENCODING_CONVERTED", severity: "info", message: `The file is ${encoding.toUpperCase()} (Excel's "Unicode text"); it was converted to UTF-8.` });
  return {
    ok: true,
    table: {
      fileType: "csv",
      encoding: bom && encoding === "utf-8" ? "utf-8-bom" : encoding,
      delimiter,
      notes,
      async each(onRecord) {
        const reader = createCsvReader(delimiter, onRecord);
        decodeChunks(bytes, encoding, (text) => {
          reader.push(text);
          return !reader.stopped;
        });
        reader.end();
      },
    },
  };
}

async function openXlsx(bytes: Uint8Array, filename: string, sheet: string | undefined, maxBytes: number): Promise<{ ok: true; table: TTable } | { ok: false; refused: TRefusal }> {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return { ok: false, refused: { code: "FILE_UNREADABLE", message: `The workbook cannot be read: ${dir.reason}. Save it again as .xlsx or CSV.` } };
  // a real 50 MB workbook inflates to about 10× that; more is a bomb, whatever the ratio
  const verdict = checkZip(dir.entries, filename, Math.max(maxBytes * 10, 64 * 1024 * 1024));
  if (verdict) return { ok: false, refused: verdict };
  const sheets = listSheets(bytes, dir.entries);
  if (!sheets || sheets.length === 0) return { ok: false, refused: { code: "FILE_UNREADABLE", message: "The workbook has no readable sheets. Save it again as .xlsx or CSV." } };
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen) return { ok: false, refused: { code: "SHEET_NOT_FOUND", message: `There is no sheet named "${sheet}" (sheets: ${sheets.map((s) => s.name).join(", ")}).` } };
  if (!dir.entries.some((e) => e.name === chosen.path)) return { ok: false, refused: { code: "FILE_UNREADABLE", message: `Sheet "${chosen.name}" has no data part in the workbook. Save it again as .xlsx or CSV.` } };
  return {
    ok: true,
    table: {
      fileType: "xlsx",
      sheet: chosen.name,
      sheets: sheets.map((s) => s.name),
      notes: [],
      each: (onRecord) => readSheetRows(bytes, dir.entries, dir.cdOffset, chosen.path, onRecord),
    },
  };
}
