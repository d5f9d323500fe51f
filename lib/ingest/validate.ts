import { computeCoverage } from "./coverage";
import { createIssueSink } from "./issues";
import { proposeMapping } from "./mapping";
import { decideColumn, newTally, PII_LABEL, PERSON_LEVEL_KINDS, tallyCell, type TPiiColumnTally } from "./pii";
import { personLevelRefusal, planColumns, type TPlan } from "./plan";
import { checkChanges, checkDuplicates, checkOutliers } from "./post-checks";
import { createRowChecker } from "./rows";
import { DEFAULT_MAX_ROWS, openTable } from "./source";
import { createStore, toObservations, type TExtraField } from "./store";
import type { TColumnMapping, TDetected, TIngestContext, TLimits, TRefusal, TValidationResult } from "./types";

/*
 * validateUpload: bytes → table → header plan → row rules → cross-row checks → personal
 * data decisions → result. One pass over the records; the only state kept per row is
 * the accepted observation in typed arrays.
 */

export interface TValidateInput {
  bytes: Uint8Array;
  filename: string;
  context: TIngestContext;
  mapping?: TColumnMapping;
  sheet?: string;
  limits?: TLimits;
}

/** Rows per (area, indicator, period) at or above which a file is taken as person-level. */
const PERSON_LEVEL_ROWS_PER_KEY = 3;

const emptyDetected = (): TDetected => ({ fileType: "csv", header: [], format: "long" });

function refusedResult(refused: TRefusal, detected: TDetected, mapping: TColumnMapping, droppedColumns: TValidationResult["droppedColumns"], rows = 0): TValidationResult {
  return {
    ok: false,
    refused,
    detected,
    mapping,
    summary: { rows, observations: 0, errors: 1, warnings: 0, infos: 0, cleaned: 0, droppedColumns: droppedColumns.length },
    issues: [{ row: null, column: null, code: refused.code, severity: "error", message: refused.message }],
    droppedColumns,
    observations: [],
    coverage: [],
  };
}

/**
 * Validate an upload against a council's framework edition and wards. Never throws for
 * bad data: every problem is an issue, and only unreadable, unsafe or person-level
 * files are `refused`. Personal-data columns are dropped before observations are built
 * and no issue message quotes them.
 */
export async function validateUpload(input: TValidateInput): Promise<TValidationResult> {
  const { context: ctx } = input;
  const maxRows = input.limits?.maxRows ?? DEFAULT_MAX_ROWS;
  const opened = await openTable(input.bytes, input.filename, { sheet: input.sheet, maxBytes: input.limits?.maxBytes });
  if (!opened.ok) return refusedResult(opened.refused, emptyDetected(), input.mapping ?? { format: "long", columns: {} }, []);
  const table = opened.table;
  const sink = createIssueSink();
  for (const n of table.notes) sink.add(n);
  const droppedColumns: TValidationResult["droppedColumns"] = [];
  let header: string[] | null = null;
  let mapping: TColumnMapping = input.mapping ?? { format: "long", columns: {} };
  let plan: TPlan | null = null;
  let checker: ReturnType<typeof createRowChecker> | null = null;
  let store = createStore([], false);
  let tallies: TPiiColumnTally[] = [];
  let rows = 0;
  let refused: TRefusal | undefined;

  try {
    await table.each((cells, row) => {
      let blank = true;
      for (let j = 0; j < cells.length; j++) if (cells[j] !== "" && cells[j].trim() !== "") { blank = false; break; }
      if (!header) {
        if (blank) return;
        header = cells.map((c) => c.trim());
        mapping = input.mapping ?? proposeMapping(header, ctx);
        plan = planColumns(header, mapping, ctx, sink, droppedColumns);
        if (plan.refused) return (refused = plan.refused), false;
        const extras = (["numerator", "denominator", "lowerCi", "upperCi"] as TExtraField[]).filter((f) => plan![f] >= 0 && mapping.format === "long");
        store = createStore(extras, plan.note >= 0 && mapping.format === "long");
        checker = createRowChecker(ctx, plan, sink, store, table.delimiter === ";");
        tallies = header.map(() => newTally());
        return;
      }
      if (blank) return void sink.add({ row, column: null, code: "ROW_EMPTY", severity: "info", message: "empty row: skipped" });
      if (++rows > maxRows) {
        refused = { code: "TOO_MANY_ROWS", message: `The file has more than ${maxRows.toLocaleString("en-GB")} data rows (the limit). Split it by indicator or period and upload the parts.` };
        return false;
      }
      const p = plan!;
      const width = p.header.length;
      if (cells.length > width && cells.slice(width).some((c) => c.trim() !== "")) sink.add({ row, column: null, code: "ROW_FIELD_COUNT", severity: "warning", message: `row has ${cells.length} cells but the header has ${width} columns: the extra cells are ignored`, suggestion: "Check for unquoted separators inside a cell." });
      else if (cells.length < width && cells.length > 1) sink.add({ row, column: null, code: "ROW_FIELD_COUNT", severity: "warning", message: `row has ${cells.length} cells but the header has ${width} columns: the missing cells are read as empty` });
      for (let j = 0; j < width && j < cells.length; j++) if (!p.dropped[j]) tallyCell(tallies[j], cells[j], p.birth[j]);
      if (p.structural) checker!.row(cells, row);
    });
  } catch (e) {
    refused = { code: "FILE_UNREADABLE", message: `The file cannot be read (${(e as Error).message.slice(0, 120)}). Save it again as .xlsx or CSV.` };
  }
  const hdr: string[] = header ?? [];
  const detected: TDetected = { fileType: table.fileType, encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet, sheets: table.sheets, header: hdr, format: mapping.format };
  if (!refused && !header) refused = { code: "FILE_EMPTY", message: "The file has no header row (it is empty or blank)." };
  if (refused) return refusedResult(refused, detected, mapping, droppedColumns, rows);
  const p = plan!;

  // personal data found in values: drop the column (or refuse the file) before building anything
  const droppedNow = new Set<string>();
  const numericCols = new Set([p.area, p.indicator, p.period, p.value, p.numerator, p.denominator, p.lowerCi, p.upperCi, ...p.wide.map((w) => w.col)]);
  tallies.forEach((t, j) => {
    if (p.dropped[j]) return;
    const d = decideColumn(t, !numericCols.has(j), p.birth[j]);
    if (!d) return;
    const h = hdr[j];
    if (PERSON_LEVEL_KINDS.has(d.kind) && d.rows / Math.max(1, t.nonEmpty) >= 0.5) refused ??= personLevelRefusal(`column '${h}' looks like ${PII_LABEL[d.kind]}, found in ${d.rows} rows`);
    p.dropped[j] = true;
    droppedNow.add(h);
    droppedColumns.push({ column: h, reason: `column '${h}' looks like ${PII_LABEL[d.kind]} (found in ${d.rows} rows): dropped` });
  });
  const requiredDropped = [...droppedNow].some((h) => numericCols.has(hdr.indexOf(h)));
  if (droppedNow.size) {
    sink.dropColumns(droppedNow);
    for (const h of droppedNow) sink.add({ row: null, column: h, code: "PII_COLUMN_DROPPED", severity: "warning", message: `column '${h}' looks like personal data: dropped before anything was stored`, suggestion: "Remove personal data from the file before uploading: a ward-level aggregate never needs it." });
    // a code or value column that holds personal data: nothing from these rows may be loaded
    if (requiredDropped) sink.add({ row: null, column: null, code: "MISSING_COLUMN", severity: "error", message: "a column mapped to a required field holds personal data and was dropped, so no rows can be loaded", suggestion: "Check the column mapping; upload ward-level aggregates only." });
  }
  if (refused) return refusedResult(refused, detected, mapping, droppedColumns, rows);
  if (rows === 0) sink.add({ row: null, column: null, code: "NO_DATA_ROWS", severity: "error", message: "the file has a header but no data rows" });

  const c = checker!;
  if (requiredDropped) store.n = 0; // cross-row checks would quote the dropped values
  const valueCol = p.value >= 0 ? hdr[p.value] : null;
  const dup = checkDuplicates(store, sink, c.areaCodes, c.indicatorCodes, valueCol);
  if (store.n >= 30 && store.n / Math.max(1, dup.distinctKeys) >= PERSON_LEVEL_ROWS_PER_KEY)
    return refusedResult(personLevelRefusal(`${store.n} rows for only ${dup.distinctKeys} ward–indicator–period combinations, up to ${dup.maxPerKey} rows each`), detected, mapping, droppedColumns, rows);
  checkOutliers(store, dup.skip, sink, c.areaCodes, c.indicatorCodes, valueCol);
  checkChanges(store, dup.skip, ctx, sink, c.areaCodes, c.indicatorCodes, valueCol);
  const coverage = computeCoverage(store, dup.skip, ctx, c.areaCodes, sink);
  const observations = requiredDropped ? [] : toObservations(store, c.areaCodes, c.indicatorCodes, dup.skip, p.note >= 0 && p.dropped[p.note]);
  const fin = sink.finish();
  return {
    ok: fin.errors === 0,
    detected,
    mapping,
    summary: { rows, observations: observations.length, errors: fin.errors, warnings: fin.warnings, infos: fin.infos, cleaned: c.cleaned(), droppedColumns: droppedColumns.length },
    issues: fin.issues,
    droppedColumns,
    observations,
    coverage,
  };
}
