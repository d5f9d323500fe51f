/**
 * CSV writing for the open data: RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet
 * would run as a formula (starting =, +, -, @, tab or carriage return) prefixed with a single
 * quote (OWASP "CSV injection"). Numbers are written as numbers, so a negative score stays -1.5.
 */

export type TCsvValue = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

/** One cell, quoted when needed and defused when text could be read as a formula. */
export function csvCell(v: TCsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  const s = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV: the header row then one line per row, in the header's column order. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<Record<string, TCsvValue>>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const r of rows) lines.push(header.map((h) => csvCell(r[h])).join(","));
  return lines.join("\r\n") + "\r\n";
}
