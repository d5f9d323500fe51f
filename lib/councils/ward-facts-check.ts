import { parseNumberCell, type TNumberOutcome } from "@/lib/ingest/cells";
import { createIssueSink, quote, type TIssueSink } from "@/lib/ingest/issues";
import { targetOfHeader } from "@/lib/ingest/mapping";
import { createAreaResolver, fold } from "@/lib/ingest/resolve";
import { openTable } from "@/lib/ingest/source";
import type { TIngestArea, TIssue, TRefusal } from "@/lib/ingest/types";
import { finishReport } from "./ward-facts-plan";

/*
 * Checking an areas file (docs/formats/areas.schema.json: area_code, area_name, parent_code,
 * population, peer_value) against a council's wards before anything changes. Pure: bytes and
 * the council's wards in, a report out; problems are issues with the spreadsheet row number
 * (header = row 1), never exceptions. Only a file that cannot be read at all is refused.
 */

/** Largest areas file accepted: a national file of every ward is about 0.5 MB. */
export const AREAS_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const AREAS_COLUMNS = ["area_code", "area_name", "parent_code", "population", "peer_value"] as const;
/** More residents than any UK ward has (the largest have about 35,000): a borough total or a slip. */
export const MAX_WARD_POPULATION = 100_000;
/** Fewer residents than almost any ward (only the City of London's are this small). */
const SMALL_WARD_POPULATION = 100;

export interface TWardFactsWard {
  code: string;
  name: string;
  peerValue: number | null;
  populations: Array<{ year: number; population: number }>;
}

export interface TWardFactsContext {
  councilName: string;
  /** The council's own GSS code: the parent_code of its wards. */
  laCode: string;
  /** The council's wards (current boundaries) with what is held for them now. */
  wards: TWardFactsWard[];
  /** Other councils' wards, to say "that is a Havering ward". */
  otherAreas?: Array<TIngestArea & { councilName: string }>;
  peerCovariateLabel: string | null;
  /** This calendar year, to notice projections. */
  currentYear: number;
}

/** What the officer says about the file: the year and source of its populations, what its peer values measure. */
export interface TWardFactsForm {
  populationYear?: number;
  populationSource?: string;
  peerCovariateLabel?: string;
  peerCovariateSource?: string;
}

export interface TWardFactRow {
  row: number;
  code: string;
  population: number | null;
  peerValue: number | null;
}

export interface TWardFactsPlan {
  /** Populations for one year, replacing that year's figures for these wards. */
  populations: { year: number; source: string; wards: number; added: number; replaced: number; changed: number } | null;
  /** Peer values replacing the current ones: wards not given one are left with none. */
  peerValues: { label: string; source: string; wards: number; changed: number; cleared: number; without: number; labelChanged: boolean } | null;
}

export interface TWardFactsReport {
  refused?: TRefusal;
  /** Errors first, then warnings, then information; by row within each. */
  issues: TIssue[];
  summary: { rows: number; ignoredRows: number; errors: number; warnings: number; infos: number };
  /** Details the form must give for this file (year, sources, label), by field name. */
  fieldErrors: Record<string, string>;
  rows: TWardFactRow[];
  plan: TWardFactsPlan;
  /** No refusal, no errors and nothing missing from the form. */
  canApply: boolean;
}

const nf = new Intl.NumberFormat("en-GB");
const CLEANED: Record<string, string> = {
  thousands: "thousands separators removed",
  apostrophe: "a leading apostrophe removed",
  spaces: "surrounding spaces removed",
  "decimal-comma": "decimal comma read as a point",
  "minus-sign": "typographic minus read as -",
};
const normHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");

function emptyReport(refused: TRefusal): TWardFactsReport {
  return {
    refused,
    issues: [],
    summary: { rows: 0, ignoredRows: 0, errors: 0, warnings: 0, infos: 0 },
    fieldErrors: {},
    rows: [],
    plan: { populations: null, peerValues: null },
    canApply: false,
  };
}

/** Column positions from the header row; problems with the header go to the sink. */
function readHeader(cells: string[], sink: TIssueSink) {
  const names = cells.map((c) => c.trim().toLowerCase());
  const col: Record<(typeof AREAS_COLUMNS)[number], number> = { area_code: -1, area_name: -1, parent_code: -1, population: -1, peer_value: -1 };
  names.forEach((n, j) => {
    const known = (AREAS_COLUMNS as readonly string[]).includes(n) ? (n as keyof typeof col) : null;
    if (known && col[known] >= 0) {
      sink.add({ row: 1, column: cells[j], code: "DUPLICATE_HEADER", severity: "error", message: `the column ${known} appears twice (columns ${col[known] + 1} and ${j + 1})`, suggestion: "Keep one column of each name." });
    } else if (known) col[known] = j;
  });
  names.forEach((n, j) => {
    if (n === "" || (AREAS_COLUMNS as readonly string[]).includes(n)) return;
    const near = AREAS_COLUMNS.find((c) => normHeader(n) === c && col[c] < 0);
    if (near) sink.add({ row: 1, column: cells[j], code: "HEADER_NOT_STANDARD", severity: "error", message: `column ${quote(cells[j].trim())} looks like ${near}, but is not named exactly that`, suggestion: `Rename the column ${near}: the areas file uses these names exactly.` });
    else sink.add({ row: 1, column: cells[j], code: "UNKNOWN_COLUMN", severity: "info", message: `column ${quote(cells[j].trim())} is not part of the areas file: it is ignored` });
  });
  if (col.area_code < 0) {
    const like = cells.find((h) => targetOfHeader(h) === "area_code");
    sink.add({
      row: 1,
      column: "area_code",
      code: "MISSING_COLUMN",
      severity: "error",
      message: `required column area_code is missing (header: ${cells.map((c) => c.trim()).join(", ")})`,
      suggestion: like ? `Rename the column ${quote(like.trim())} area_code.` : "The first row must name the columns: area_code,area_name,parent_code,population,peer_value.",
    });
  }
  return col;
}

/** A numeric cell: its value, null when empty (or a missing marker, with a warning), undefined when it is an error. */
function readNumber(raw: string, row: number, column: string, decimalComma: boolean, sink: TIssueSink, what: string, area: string): number | null | undefined {
  const r: TNumberOutcome = parseNumberCell(raw, false, decimalComma);
  if (r.kind === "number") {
    if (r.cleaned && r.cleaned !== "spaces") sink.add({ row, column, code: "VALUE_CLEANED", severity: "info", message: `${quote(raw)} read as ${r.value} (${CLEANED[r.cleaned]})`, area });
    return r.value;
  }
  if (r.kind === "missing") {
    if (r.reason !== "empty") sink.add({ row, column, code: "VALUE_MISSING_TOKEN", severity: "warning", message: `${quote(raw)} is read as missing: this ward's ${what} is not changed by this row`, suggestion: "Leave the cell empty when there is no figure.", area });
    return null;
  }
  const currency = /^\s*[£$€]/.test(raw) ? " without the currency sign" : "";
  sink.add({
    row,
    column,
    code: column === "population" ? "POPULATION_NOT_NUMERIC" : "PEER_VALUE_NOT_NUMERIC",
    severity: "error",
    message: `${what} ${quote(raw)} is not a number`,
    suggestion: `Write the number${currency}, like ${column === "population" ? "12150" : "33920"}.`,
    area,
  });
  return undefined;
}

function checkPopulation(p: number, row: number, area: string, name: string, sink: TIssueSink): boolean {
  const at = { row, column: "population", area };
  if (p < 0) return sink.add({ ...at, code: "POPULATION_NEGATIVE", severity: "error", message: `population ${p} for ${name} is negative`, suggestion: "A population is a count of residents: 0 or more." }), false;
  if (!Number.isInteger(p))
    return sink.add({ ...at, code: "POPULATION_NOT_INTEGER", severity: "error", message: `population ${p} for ${name} is not a whole number of people`, suggestion: p < 1000 ? "If the figure is in thousands, multiply it by 1,000; otherwise round it to whole people." : `Round it to whole people, like ${Math.round(p)}.` }), false;
  if (p > MAX_WARD_POPULATION)
    return sink.add({ ...at, code: "POPULATION_IMPLAUSIBLE", severity: "error", message: `population ${nf.format(p)} for ${name} is more than any UK ward has (the largest have about 35,000 residents)`, suggestion: "Check it is the ward's figure, not the borough's total, and that no digit is repeated." }), false;
  if (p < SMALL_WARD_POPULATION) sink.add({ ...at, code: "POPULATION_SMALL", severity: "warning", message: `population ${p} for ${name} is very small for a ward`, suggestion: "Check the figure is a count of people, not thousands; if it is right, go on." });
  return true;
}

/**
 * Check an areas file for a council. Rows are the council's wards by GSS code; the council's own
 * row (its local-authority code) and rows whose parent_code names another local authority are
 * ignored, so a London-wide (or national) file can be used as it is. Populations are for the
 * year given in the form; peer values replace the council's current ones as a whole.
 */
export async function checkAreasFile(bytes: Uint8Array, filename: string, ctx: TWardFactsContext, form: TWardFactsForm): Promise<TWardFactsReport> {
  let opened: Awaited<ReturnType<typeof openTable>>;
  try {
    opened = await openTable(bytes, filename, { maxBytes: AREAS_FILE_MAX_BYTES });
  } catch (e) {
    return emptyReport({ code: "FILE_UNREADABLE", message: `The file cannot be read (${(e as Error).message.slice(0, 120)}). Save it as CSV (UTF-8) and try again.` });
  }
  if (!opened.ok) return emptyReport(opened.refused);
  const table = opened.table;
  const sink = createIssueSink();
  for (const n of table.notes) sink.add(n);
  const decimalComma = table.delimiter === ";";
  const wards = new Map(ctx.wards.map((w) => [w.code, w]));
  const resolver = createAreaResolver({ indicators: [], periodRange: { min: 0, max: 0 }, areas: ctx.wards.map((w) => ({ code: w.code, name: w.name, vintage: "current" })), otherAreas: ctx.otherAreas, councilName: ctx.councilName });
  let col: ReturnType<typeof readHeader> | null = null;
  const rows: TWardFactRow[] = [];
  const seen = new Map<string, TWardFactRow>();
  let dataRows = 0;
  let otherParent = 0;
  let ignored = 0;
  try {
    await table.each((cells, row) => {
      if (cells.every((c) => c.trim() === "")) return;
      if (!col) {
        col = readHeader(cells, sink);
        return col.area_code >= 0;
      }
      dataRows++;
      const c = col;
      const get = (i: number) => (i >= 0 && i < cells.length ? cells[i] : "");
      const raw = get(c.area_code).trim();
      const parent = get(c.parent_code).trim().toUpperCase();
      if (raw.toUpperCase() === ctx.laCode.toUpperCase()) {
        ignored++;
        return void sink.add({ row, column: "area_code", code: "AREA_IS_COUNCIL", severity: "info", message: `${raw} is ${ctx.councilName} itself, not a ward: the row is ignored`, area: raw });
      }
      const r = resolver.resolve(raw, undefined, 0);
      if (!r.ok) {
        if (parent !== "" && parent !== ctx.laCode.toUpperCase()) {
          otherParent++;
          ignored++;
          return;
        }
        const suggestion = r.code === "AREA_UNKNOWN" && !r.suggestion?.startsWith("Did you mean") ? "The wards and their codes are listed in the table on this page." : r.suggestion;
        return void sink.add({ row, column: "area_code", code: r.code, severity: "error", message: r.message, suggestion, area: raw });
      }
      const ward = wards.get(r.code)!;
      if (parent !== "" && parent !== ctx.laCode.toUpperCase())
        sink.add({ row, column: "parent_code", code: "PARENT_MISMATCH", severity: "warning", message: `${ward.name} (${ward.code}) is a ward of ${ctx.councilName} (${ctx.laCode}), but its parent_code is ${quote(parent)}`, suggestion: "Check the row belongs to this ward. The figures are loaded; parent_code is not stored (a ward's parent is always its council).", area: ward.code });
      const name = get(c.area_name).trim();
      if (name !== "" && fold(name) !== fold(ward.name))
        sink.add({ row, column: "area_name", code: "AREA_NAME_MISMATCH", severity: "warning", message: `the row names ${quote(name)}, but ${ward.code} is ${ward.name}`, suggestion: "Check the code and the figures belong to the same ward (rows may have shifted).", area: ward.code });
      let population = c.population >= 0 ? readNumber(get(c.population), row, "population", decimalComma, sink, "population", ward.code) : null;
      if (typeof population === "number" && !checkPopulation(population, row, ward.code, ward.name, sink)) population = undefined;
      const peerValue = c.peer_value >= 0 ? readNumber(get(c.peer_value), row, "peer_value", decimalComma, sink, "peer value", ward.code) : null;
      if (population === undefined || peerValue === undefined) return;
      const fact: TWardFactRow = { row, code: ward.code, population, peerValue };
      const first = seen.get(ward.code);
      if (first) {
        const same = first.population === population && first.peerValue === peerValue;
        return void sink.add({
          row,
          column: "area_code",
          code: same ? "DUPLICATE_SAME" : "DUPLICATE_CONFLICT",
          severity: same ? "warning" : "error",
          message: same ? `${ward.name} (${ward.code}) appears again with the same figures as row ${first.row}: used once` : `${ward.name} (${ward.code}) appears again with different figures from row ${first.row}`,
          suggestion: "Keep one row per ward.",
          area: ward.code,
        });
      }
      seen.set(ward.code, fact);
      rows.push(fact);
    });
  } catch (e) {
    return emptyReport({ code: "FILE_UNREADABLE", message: `The file cannot be read (${(e as Error).message.slice(0, 120)}). Save it as CSV (UTF-8) and try again.` });
  }
  const header = col as ReturnType<typeof readHeader> | null;
  if (!header) return emptyReport({ code: "FILE_EMPTY", message: "The file has no header row (it is empty or blank)." });
  if (header.area_code >= 0 && dataRows === 0) sink.add({ row: null, column: null, code: "NO_DATA_ROWS", severity: "error", message: "the file has a header row but no rows of wards" });
  if (otherParent > 0)
    sink.add({ row: null, column: "parent_code", code: "AREA_OTHER_PARENT", severity: "info", message: `${nf.format(otherParent)} ${otherParent === 1 ? "row is" : "rows are"} for areas outside ${ctx.councilName} (parent_code is another local authority): ignored`, count: otherParent });
  return finishReport(ctx, form, { header, rows, sink, dataRows, ignored });
}
