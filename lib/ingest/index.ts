/**
 * Upload validation core (issue 4) — public entry. Pure: bytes in, plain data out; no
 * database, framework, file or network access. The wizard (lib/uploads) and the
 * `spi validate` CLI call the same functions.
 */
import { targetOfHeader } from "./mapping";
import { containsPii, piiKindOfHeader } from "./pii";
import { openTable } from "./source";
import type { TDetected, TRefusal } from "./types";

export { proposeMapping } from "./mapping";
export { validateUpload, type TValidateInput } from "./validate";
export { problemsToCsv, cleanCellForExport } from "./export";
export { INPUT_FORMAT, type TInputField, type TInputFormat } from "./input-format";
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS } from "./source";
export type * from "./types";

const SAMPLE_ROWS = 20;
const REDACTED = "(personal data: not shown)";

/**
 * First look at a file for the wizard: type, encoding, delimiter, sheets, header and up
 * to 20 sample rows — or why it is refused. Columns whose names say personal data, and
 * single cells that look like it, are blanked in the samples.
 */
export async function inspectFile(
  bytes: Uint8Array,
  filename: string,
  opts: { sheet?: string; maxBytes?: number } = {},
): Promise<{ ok: true; detected: TDetected; sampleRows: string[][] } | { ok: false; refused: TRefusal }> {
  let opened: Awaited<ReturnType<typeof openTable>>;
  try {
    opened = await openTable(bytes, filename, opts);
  } catch (e) {
    return { ok: false, refused: { code: "FILE_UNREADABLE", message: `The file cannot be read (${(e as Error).message.slice(0, 120)}).` } };
  }
  if (!opened.ok) return opened;
  const t = opened.table;
  let header: string[] | null = null;
  const sampleRows: string[][] = [];
  try {
    await t.each((cells) => {
      if (cells.every((c) => c.trim() === "")) return;
      if (!header) header = cells.map((c) => c.trim());
      else sampleRows.push(cells.map((c, j) => (piiKindOfHeader(header![j] ?? "") || containsPii(c) ? REDACTED : c)));
      return sampleRows.length < SAMPLE_ROWS;
    });
  } catch (e) {
    return { ok: false, refused: { code: "FILE_UNREADABLE", message: `The file cannot be read (${(e as Error).message.slice(0, 120)}). Save it again as .xlsx or CSV.` } };
  }
  const h: string[] = header ?? [];
  if (!header) return { ok: false, refused: { code: "FILE_EMPTY", message: "The file has no header row (it is empty or blank)." } };
  const targets = new Set(h.map(targetOfHeader));
  const format = targets.has("indicator_code") || targets.has("value") ? "long" : "wide";
  return { ok: true, detected: { fileType: t.fileType, encoding: t.encoding, delimiter: t.delimiter, sheet: t.sheet, sheets: t.sheets, header: h, format }, sampleRows };
}

