import { isDescriptiveHeader } from "./mapping";
import { isBirthHeader, PERSON_LEVEL_KINDS, PII_LABEL, piiKindOfHeader } from "./pii";
import type { TIssueSink } from "./issues";
import type { TColumnMapping, TIngestContext, TRefusal } from "./types";

/*
 * From header + mapping to a column plan: which index feeds which field, which columns
 * are dropped as personal data (by name), and the structural problems of the header.
 */

export interface TPlan {
  header: string[];
  area: number;
  indicator: number;
  period: number;
  value: number;
  numerator: number;
  denominator: number;
  lowerCi: number;
  upperCi: number;
  note: number;
  /** Wide format: value columns and the indicator (index into context.indicators) each holds. */
  wide: Array<{ col: number; indicator: number }>;
  /** Columns whose cells are read at all (not dropped). */
  dropped: boolean[];
  birth: boolean[];
  /** Required columns present: rows can be validated. */
  structural: boolean;
  refused?: TRefusal;
}

export const personLevelRefusal = (why: string): TRefusal => ({
  code: "PERSON_LEVEL_DATA",
  message: `This looks like person-level data (${why}). Only aggregates are accepted: one value per ward, indicator and period. Aggregate the records before uploading, and do not upload personal data.`,
});

export function planColumns(header: string[], mapping: TColumnMapping, ctx: TIngestContext, sink: TIssueSink, droppedColumns: Array<{ column: string; reason: string }>): TPlan {
  const plan: TPlan = { header, area: -1, indicator: -1, period: -1, value: -1, numerator: -1, denominator: -1, lowerCi: -1, upperCi: -1, note: -1, wide: [], dropped: header.map(() => false), birth: header.map(isBirthHeader), structural: true };
  const field: Record<string, keyof Pick<TPlan, "area" | "indicator" | "period" | "value" | "numerator" | "denominator" | "lowerCi" | "upperCi" | "note">> = {
    area_code: "area", indicator_code: "indicator", period: "period", value: "value", numerator: "numerator", denominator: "denominator", lower_ci: "lowerCi", upper_ci: "upperCi", note: "note",
  };
  const indIndex = new Map(ctx.indicators.map((i, k) => [i.code, k]));
  const seen = new Map<string, number>();
  header.forEach((raw, j) => {
    const h = raw.trim();
    const kind = piiKindOfHeader(h);
    if (kind) {
      plan.dropped[j] = true;
      if (PERSON_LEVEL_KINDS.has(kind)) plan.refused ??= personLevelRefusal(`column '${h}' is ${PII_LABEL[kind]}`);
      droppedColumns.push({ column: h, reason: `column '${h}' looks like ${PII_LABEL[kind]} (by its name): dropped` });
      sink.add({ row: null, column: h, code: "PII_COLUMN_DROPPED", severity: "warning", message: `column '${h}' looks like ${PII_LABEL[kind]} (by its name): dropped before anything was stored`, suggestion: "Remove personal data from the file before uploading: a ward-level aggregate never needs it." });
      return;
    }
    if (h === "") {
      sink.add({ row: 1, column: `#${j + 1}`, code: "HEADER_EMPTY", severity: "info", message: `column ${j + 1} has no header: ignored` });
      return;
    }
    const target = mapping.columns[raw] ?? mapping.columns[h] ?? "ignore";
    const first = seen.get(h);
    if (first !== undefined) {
      const mapped = target !== "ignore";
      sink.add({ row: 1, column: h, code: "DUPLICATE_HEADER", severity: mapped ? "error" : "warning", message: `the header '${h}' appears more than once (columns ${first + 1} and ${j + 1})${mapped ? "; the file is ambiguous" : "; the later one is ignored"}`, suggestion: "Give every column a distinct name." });
      return;
    }
    seen.set(h, j);
    if (target === "ignore") {
      if (!isDescriptiveHeader(h)) sink.add({ row: 1, column: h, code: "UNKNOWN_COLUMN", severity: "info", message: `column '${h}' is not part of the input format: ignored` });
      return;
    }
    if (target.startsWith("indicator:")) {
      const k = indIndex.get(target.slice(10));
      if (k === undefined) sink.add({ row: 1, column: h, code: "INDICATOR_UNKNOWN", severity: "error", message: `column '${h}' is mapped to ${target.slice(10)}, which is not an indicator of this framework edition` });
      else if (mapping.format === "wide") plan.wide.push({ col: j, indicator: k });
      return;
    }
    const f = field[target];
    if (!f) {
      sink.add({ row: 1, column: h, code: "MAPPING_INVALID", severity: "error", message: `column '${h}' is mapped to an unknown field '${target}'` });
      return;
    }
    if (plan[f] >= 0) {
      sink.add({ row: 1, column: h, code: "DUPLICATE_HEADER", severity: "error", message: `column '${h}' and column '${header[plan[f]]}' are both mapped to ${target}`, suggestion: "Map each field from one column only." });
      return;
    }
    plan[f] = j;
  });
  const missing = (name: string, hint: string) => {
    plan.structural = false;
    sink.add({ row: 1, column: name, code: "MISSING_COLUMN", severity: "error", message: `required column '${name}' is missing (header: ${header.map((h) => h.trim()).join(", ")})`, suggestion: hint });
  };
  if (plan.area < 0) missing("area_code", "Add a column area_code with the ward's ONS code (E05…).");
  if (mapping.format === "long") {
    if (plan.indicator < 0) missing("indicator_code", "Add a column indicator_code with the framework's indicator code.");
    if (plan.period < 0) missing("period", "Add a column period with the year (the year the period ends, e.g. 2015 for 2014/15).");
    if (plan.value < 0) missing("value", "Add a column value with the number.");
  } else {
    if (plan.wide.length === 0) missing("indicator columns", "Name each value column with an indicator code or name of the framework.");
    if (plan.period < 0 && ctx.period === undefined) {
      plan.structural = false;
      sink.add({ row: null, column: null, code: "WIDE_PERIOD_MISSING", severity: "error", message: "a wide file (one column per indicator) needs the period it is for, and none was chosen", suggestion: "Choose the period in the upload form, or add a period column." });
    }
  }
  return plan;
}
