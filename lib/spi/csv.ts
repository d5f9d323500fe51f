import { parseNumber, parseRecords } from "./csv-records";
import type { TSpiResult } from "./result-types";
import type { TArea, TProblem } from "./types";

/*
 * CSV reading and writing for the standard formats. Pure: takes and returns strings
 * (and, for observations, UTF-8 bytes), so the CLI streams files through it. Records
 * and numbers: csv-records.ts; the streaming observations parser (typed-array rows,
 * interned codes, a byte fast path for simple lines): csv-observations.ts and
 * csv-fast.ts.
 */

export { readRecord, parseRecords, parseNumber } from "./csv-records";
export { createObservationsCsvParser, parseObservationsCsv, type TObservationsParse } from "./csv-observations";

/** Parse `area_code,area_name,parent_code,population,peer_value` (only area_code required). */
export function parseAreasCsv(text: string): { areas: TArea[]; problems: TProblem[] } {
  const recs = parseRecords(text);
  const problems: TProblem[] = [];
  if (recs.length === 0) return { areas: [], problems: [{ severity: "error", line: 1, message: "empty file: no header row" }] };
  const names = recs[0].map((f) => f.trim().toLowerCase());
  const col = (c: string) => names.indexOf(c);
  const [ci, ni, pi, popi, pvi] = ["area_code", "area_name", "parent_code", "population", "peer_value"].map(col);
  if (ci < 0) return { areas: [], problems: [{ severity: "error", line: 1, column: "area_code", message: 'missing required column "area_code"' }] };
  const areas: TArea[] = [];
  recs.slice(1).forEach((f, k) => {
    const line = k + 2;
    const get = (i: number) => (i >= 0 && i < f.length ? f[i].trim() : "");
    const num = (i: number, column: string) => {
      const v = parseNumber(get(i));
      if (v !== null && !Number.isFinite(v)) {
        problems.push({ severity: "error", line, column, message: `not a number: "${get(i)}"` });
        return null;
      }
      return v;
    };
    const code = get(ci);
    if (!code) return problems.push({ severity: "error", line, column: "area_code", message: "empty area code" });
    areas.push({ code, name: get(ni) || null, parent: get(pi) || null, population: num(popi, "population"), peerValue: num(pvi, "peer_value") });
  });
  return { areas, problems };
}

function csvCell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The result's scores as one CSV table: area, period, index, dimensions, components, indicators (full precision). */
export function scoresToCsv(result: TSpiResult): string {
  const first = result.scores[0];
  const dimCodes = first ? Object.keys(first.dimensions) : [];
  const compCodes = first ? Object.keys(first.components) : [];
  const indCodes = first ? Object.keys(first.indicators) : [];
  const lines = [["area_code", "period", "index", ...dimCodes, ...compCodes, ...indCodes].map(csvCell).join(",")];
  for (const s of result.scores) {
    lines.push(
      [s.area, s.period, s.index, ...dimCodes.map((c) => s.dimensions[c]), ...compCodes.map((c) => s.components[c]), ...indCodes.map((c) => s.indicators[c])]
        .map(csvCell)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}
