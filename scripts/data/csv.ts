/**
 * Minimal RFC 4180 CSV reader/writer for the one-off data build scripts.
 * Not used at run time; no npm CSV package is needed for these small files.
 */

/** Parses CSV text (quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

/** Parses CSV text with a header row into records keyed by header. */
export function readRecords(text: string): Array<Record<string, string>> {
  const [header, ...body] = parseCsv(text.replace(/^\uFEFF/, ""));
  return body.map((r) =>
    Object.fromEntries(header.map((h, j) => [h, r[j] ?? ""])),
  );
}

function quote(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Serialises rows (first row = header) as LF-terminated CSV. */
export function toCsv(rows: Array<Array<string | number>>): string {
  return rows.map((r) => r.map(quote).join(",")).join("\n") + "\n";
}

/** Parses a numeric cell; empty, "n/a" and non-numeric cells become null. */
export function num(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  const t = cell.trim();
  if (t === "" || t.toLowerCase() === "n/a") return null;
  const v = Number(t.replace(/,/g, ""));
  return Number.isFinite(v) ? v : null;
}
