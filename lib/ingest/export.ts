import type { TIssue } from "./types";

/*
 * CSV export of a validation report. Cells that a spreadsheet would run as a formula
 * (= + - @, and tab/CR that some apps strip before checking) get a leading apostrophe
 * (OWASP "CSV injection"), so an area code like =HYPERLINK(…) in a bad upload is shown,
 * never executed.
 */

/** Prefix ' to a cell starting with = + - @, tab or CR; other text is unchanged. */
export function cleanCellForExport(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const csvQuote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const COLUMNS = ["row", "column", "severity", "code", "area", "indicator", "period", "message", "suggestion"] as const;

/** The issues as CSV (header + one line per issue, CRLF, RFC 4180), injection-safe. */
export function problemsToCsv(issues: TIssue[]): string {
  const lines = [COLUMNS.join(",")];
  for (const i of issues) {
    const cells = [i.row === null ? "" : String(i.row), i.column ?? "", i.severity, i.code, i.area ?? "", i.indicator ?? "", i.period === undefined ? "" : String(i.period), i.message, i.suggestion ?? ""];
    lines.push(cells.map((c) => csvQuote(cleanCellForExport(c))).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
