import type { TIssue } from "@/lib/ingest/types";
import type { TIssueSink } from "@/lib/ingest/issues";
import type { TWardFactRow, TWardFactsContext, TWardFactsForm, TWardFactsPlan, TWardFactsReport } from "./ward-facts-check";

/*
 * The second half of checking an areas file: with its rows read, the checks that look at the
 * council's wards as a whole (the details the form must give, populations far from those held,
 * missing peer values, wards left out) and what applying the file would change.
 */

/** A new figure this many times larger or smaller than the one held for the nearest year is queried. */
const CHANGE_FACTOR = 1.5;
/** …and one this many times off the file's median, when nothing is held to compare with. */
const OUTLIER_FACTOR = 4;
/** Only figures held for a year this close are compared. */
const CHANGE_YEARS = 5;
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const nf = new Intl.NumberFormat("en-GB");

/** Ward-level checks and the plan, then the finished report (errors first, by row within each severity). */
export function finishReport(
  ctx: TWardFactsContext,
  form: TWardFactsForm,
  r: { header: { population: number; peer_value: number; area_code: number }; rows: TWardFactRow[]; sink: TIssueSink; dataRows: number; ignored: number },
): TWardFactsReport {
  const { rows, sink, header } = r;
  const fieldErrors: Record<string, string> = {};
  const withPop = rows.filter((x): x is TWardFactRow & { population: number } => x.population !== null);
  const withPeer = rows.filter((x): x is TWardFactRow & { peerValue: number } => x.peerValue !== null);
  const byCode = new Map(ctx.wards.map((w) => [w.code, w]));
  if (header.population >= 0 && withPop.length === 0 && rows.length > 0) sink.add({ row: null, column: "population", code: "COLUMN_EMPTY", severity: "info", message: "the population column is empty: populations are left as they are" });
  if (header.peer_value >= 0 && withPeer.length === 0 && rows.length > 0) sink.add({ row: null, column: "peer_value", code: "COLUMN_EMPTY", severity: "info", message: "the peer_value column is empty: peer values are left as they are" });
  if (header.area_code >= 0 && withPop.length === 0 && withPeer.length === 0 && sink.errorCount() === 0)
    sink.add({ row: null, column: null, code: "NOTHING_TO_LOAD", severity: "error", message: "the file has no populations and no peer values for this council's wards", suggestion: "Fill in the population column, the peer_value column, or both." });

  let populations: TWardFactsPlan["populations"] = null;
  if (withPop.length > 0) {
    const year = form.populationYear;
    const source = form.populationSource?.trim() ?? "";
    if (year === undefined) fieldErrors.populationYear = "Enter the year the populations are for, like 2021";
    else if (year > ctx.currentYear)
      sink.add({ row: null, column: null, code: "POPULATION_YEAR_FUTURE", severity: "warning", message: `${year} is in the future, so these figures are projections`, suggestion: "Regional views weight each ward by its latest figure, so a projection will be used in place of an estimate. Go on only if that is intended." });
    if (source === "") fieldErrors.populationSource = "Enter where the population figures come from, like ONS mid-year estimates";
    const sorted = withPop.map((x) => x.population).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    let added = 0, replaced = 0, changed = 0;
    for (const x of withPop) {
      const w = byCode.get(x.code)!;
      const same = year === undefined ? undefined : w.populations.find((p) => p.year === year);
      if (same) {
        replaced++;
        if (same.population !== x.population) changed++;
      } else added++;
      const near = year === undefined ? undefined : [...w.populations].filter((p) => Math.abs(p.year - year) <= CHANGE_YEARS).sort((a, b) => Math.abs(a.year - year!) - Math.abs(b.year - year!))[0];
      const ratio = (a: number, b: number) => Math.max(a, b) / Math.max(1, Math.min(a, b));
      if (near && ratio(x.population, near.population) > CHANGE_FACTOR)
        sink.add({ row: x.row, column: "population", code: "POPULATION_CHANGE", severity: "warning", message: `population ${nf.format(x.population)} for ${w.name} is far from the ${nf.format(near.population)} held for ${near.year}`, suggestion: "Check for a missing or extra digit; if the figure is right, go on.", area: w.code });
      else if (!near && sorted.length >= 5 && ratio(x.population, median) > OUTLIER_FACTOR)
        sink.add({ row: x.row, column: "population", code: "POPULATION_OUTLIER", severity: "warning", message: `population ${nf.format(x.population)} for ${w.name} is far from the other wards' (median ${nf.format(median)})`, suggestion: "Check for a missing or extra digit; if the figure is right, go on.", area: w.code });
    }
    if (year !== undefined) populations = { year, source, wards: withPop.length, added, replaced, changed };
  }

  let peerValues: TWardFactsPlan["peerValues"] = null;
  if (withPeer.length > 0) {
    const label = form.peerCovariateLabel?.trim() ?? "";
    const source = form.peerCovariateSource?.trim() ?? "";
    if (label === "") fieldErrors.peerCovariateLabel = "Say what the peer values measure, like Median household income, 2021 (£)";
    if (source === "") fieldErrors.peerCovariateSource = "Enter where the peer values come from";
    for (const x of rows)
      if (x.peerValue === null)
        sink.add({ row: x.row, column: "peer_value", code: "PEER_VALUE_MISSING", severity: "warning", message: `${byCode.get(x.code)!.name} has no peer value: it will have none, so it gets no strengths and weaknesses`, suggestion: "Give every ward a peer value.", area: x.code });
    if (withPeer.length > 1 && withPeer.every((x) => x.peerValue === withPeer[0].peerValue))
      sink.add({ row: null, column: "peer_value", code: "PEER_VALUE_CONSTANT", severity: "warning", message: `every ward has the same peer value (${withPeer[0].peerValue}), so it cannot tell wards apart`, suggestion: "Check the column holds each ward's own figure." });
    const next = new Map(withPeer.map((x) => [x.code, x.peerValue]));
    peerValues = {
      label,
      source,
      wards: withPeer.length,
      changed: withPeer.filter((x) => byCode.get(x.code)!.peerValue !== x.peerValue).length,
      cleared: ctx.wards.filter((w) => !next.has(w.code) && w.peerValue !== null).length,
      without: ctx.wards.length - withPeer.length,
      labelChanged: label !== (ctx.peerCovariateLabel ?? ""),
    };
  }

  const inFile = new Set(rows.map((x) => x.code));
  const missingWards = ctx.wards.filter((w) => !inFile.has(w.code));
  if (rows.length > 0 && (withPop.length > 0 || withPeer.length > 0)) {
    const effects = [withPop.length > 0 ? "its population is not changed" : "", withPeer.length > 0 ? "it will have no peer value (and so no strengths and weaknesses)" : ""].filter(Boolean).join("; ");
    for (const w of missingWards) sink.add({ row: null, column: "area_code", code: "WARD_MISSING", severity: "warning", message: `${w.name} (${w.code}) is not in the file: ${effects}`, suggestion: "Add a row for every ward.", area: w.code });
  }

  const done = sink.finish();
  const rowOf = (i: TIssue) => i.row ?? Number.MAX_SAFE_INTEGER;
  const issues = done.issues.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || rowOf(a) - rowOf(b));
  const blocked = done.errors > 0 || Object.keys(fieldErrors).length > 0;
  return {
    issues,
    summary: { rows: r.dataRows, ignoredRows: r.ignored, errors: done.errors, warnings: done.warnings, infos: done.infos },
    fieldErrors,
    rows,
    plan: { populations, peerValues },
    canApply: !blocked,
  };
}
