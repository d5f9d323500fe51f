import { isNonNegativeUnit, isPercentUnit, parseNumberCell, parsePeriodCell, unitScale, type TNumberOutcome, type TPeriodOutcome } from "./cells";
import { quote, type TIssueSink } from "./issues";
import type { TPlan } from "./plan";
import { createAreaResolver, createIndicatorResolver } from "./resolve";
import type { TStore } from "./store";
import type { TIngestContext, TIssue } from "./types";

/*
 * The per-row rules: period, area, indicator, value, numerator/denominator, CI, note.
 * Hot path for a million rows: per-distinct-string caches, no per-row closures or
 * objects unless there is a problem to report.
 */

const CLEANED: Record<string, [string, string]> = {
  thousands: ["VALUE_THOUSANDS_SEPARATOR", "thousands separators removed"],
  percent: ["VALUE_PERCENT_SIGN", "% sign removed (the indicator is in %)"],
  apostrophe: ["VALUE_APOSTROPHE", "leading apostrophe (Excel's text marker) removed"],
  spaces: ["VALUE_WHITESPACE", "surrounding spaces removed"],
  "decimal-comma": ["VALUE_DECIMAL_COMMA", "decimal comma read as a decimal point"],
  "minus-sign": ["VALUE_MINUS_SIGN", "typographic minus sign read as '-'"],
};

export function createRowChecker(ctx: TIngestContext, plan: TPlan, sink: TIssueSink, store: TStore, decimalComma: boolean) {
  const areas = createAreaResolver(ctx);
  const inds = createIndicatorResolver(ctx.indicators);
  const areaIndex = new Map<string, number>();
  const areaCodes: string[] = [];
  for (const a of ctx.areas) if (!areaIndex.has(a.code)) areaIndex.set(a.code, areaCodes.push(a.code) - 1);
  const indIndex = new Map(ctx.indicators.map((i, k) => [i.code, k]));
  const pct = ctx.indicators.map((i) => isPercentUnit(i.unit));
  const nonNeg = ctx.indicators.map((i) => isNonNegativeUnit(i.unit));
  const scale = ctx.indicators.map((i) => unitScale(i.unit));
  const periodCache = new Map<string, TPeriodOutcome>();
  const { min, max } = ctx.periodRange;
  const H = plan.header.map((h) => h.trim());
  let cleaned = 0;

  const add = (row: number, col: number, code: string, severity: TIssue["severity"], message: string, extra?: Partial<TIssue>) =>
    sink.add({ row, column: col >= 0 ? H[col] : null, code, severity, message, ...extra });

  /** Period of a row, or null after reporting why not. */
  function period(raw: string, row: number, col: number): number | null {
    let r = periodCache.get(raw);
    if (!r) {
      r = parsePeriodCell(raw);
      if (periodCache.size < 10_000) periodCache.set(raw, r);
    }
    if (r.kind === "invalid") return add(row, col, raw.trim() === "" ? "PERIOD_EMPTY" : "PERIOD_INVALID", "error", raw.trim() === "" ? "period is empty" : `period ${quote(raw)} is not a year`, { suggestion: "Use the year the period ends, e.g. 2015 (or 2014/15 for a financial year)." }), null;
    if (r.kind === "not-integer") return add(row, col, "PERIOD_NOT_INTEGER", "error", `period ${quote(raw)} is not a whole year`, { suggestion: `Use a whole year, e.g. ${Math.round(r.value)}.` }), null;
    if (r.fromRange) add(row, col, "PERIOD_FINANCIAL_YEAR", "info", `period ${quote(raw)} read as ${r.value}, the year it ends`, { period: r.value });
    else if (r.cleaned) cleaned++;
    if (r.value < min || r.value > max) return add(row, col, "PERIOD_OUT_OF_RANGE", "error", `period ${r.value} is outside this framework edition's range ${min}–${max}`, { period: r.value, suggestion: "Remove rows for other periods, or check the year." }), null;
    return r.value;
  }

  /** Parse an optional numeric column; NaN when empty/missing or reported invalid. */
  function extra(raw: string | undefined, row: number, col: number, percent: boolean): number {
    if (raw === undefined) return NaN;
    const r = parseNumberCell(raw, percent, decimalComma);
    if (r.kind === "number") {
      if (r.cleaned) cleaned++;
      if (!Number.isFinite(r.value)) return add(row, col, "VALUE_NOT_NUMERIC", "error", `${H[col]} ${quote(raw)} is not a finite number`), NaN;
      return r.value;
    }
    if (r.kind === "missing") return NaN;
    add(row, col, "VALUE_NOT_NUMERIC", "error", `${H[col]} ${quote(raw)} is not a number`);
    return NaN;
  }

  function value(r: TNumberOutcome, raw: string, row: number, col: number, k: number, tag: Partial<TIssue>): number | undefined {
    const ind = ctx.indicators[k];
    switch (r.kind) {
      case "number": {
        if (r.cleaned) {
          cleaned++;
          const [code, what] = CLEANED[r.cleaned];
          add(row, col, code, "info", `value ${quote(raw)} read as ${r.value}: ${what}`, tag);
        }
        const v = r.value;
        if (!Number.isFinite(v)) return add(row, col, "VALUE_NOT_NUMERIC", "error", `value ${quote(raw)} is not a finite number`, tag), undefined;
        if (pct[k] && (v < 0 || v > 100)) return add(row, col, "VALUE_OUT_OF_RANGE", "error", `value ${v} is outside 0–100, but ${ind.code} is a percentage`, { ...tag, suggestion: "Check the value: percentages are written 0–100 (12 for 12 %)." }), undefined;
        if (nonNeg[k] && v < 0) return add(row, col, "VALUE_NEGATIVE", "error", `value ${v} is negative, but ${ind.code} (${ind.unit}) cannot be`, tag), undefined;
        return v;
      }
      case "missing":
        if (r.reason === "empty") add(row, col, "VALUE_EMPTY", "info", "value is empty: read as missing", tag);
        else if (r.reason === "excel-error") add(row, col, "VALUE_EXCEL_ERROR", "warning", `value ${quote(raw)} is an Excel error: read as missing`, { ...tag, suggestion: "Fix the formula in the source workbook, or leave the cell empty." });
        else if (r.reason === "suppressed") add(row, col, "VALUE_SUPPRESSED", "warning", `value ${quote(raw)} marks a suppressed figure: read as missing`, tag);
        else add(row, col, "VALUE_MISSING_TOKEN", "warning", `value ${quote(raw)} read as missing`, { ...tag, suggestion: "Leave missing values empty." });
        return NaN;
      case "percent-wrong-unit":
        return add(row, col, "VALUE_PERCENT_WRONG_UNIT", "error", `value ${quote(raw)} has a % sign, but ${ind.code} is in ${ind.unit}`, tag), undefined;
      default:
        return add(row, col, "VALUE_NOT_NUMERIC", "error", `value ${quote(raw)} is not a number`, { ...tag, suggestion: "Write plain numbers: no units, text or formulas." }), undefined;
    }
  }

  /** Check one (area, indicator, period, value) cell and store it when acceptable. */
  function cell(cells: string[], row: number, areaRaw: string, k: number, p: number, valueCol: number): void {
    const ar = areas.resolve(areaRaw, ctx.vintageForPeriod?.(p), p);
    const ind = ctx.indicators[k];
    if (!ar.ok) {
      // keep the code as written, so the report can be filtered by it (only code-like text: never free text)
      const written = areaRaw.trim();
      const area = /^[A-Za-z0-9]{1,12}$/.test(written) ? written : undefined;
      return void add(row, plan.area, ar.code, ar.severity, ar.message, { suggestion: ar.suggestion, area, indicator: ind.code, period: p });
    }
    const tag = { area: ar.code, indicator: ind.code, period: p };
    const raw = cells[valueCol] ?? "";
    const r = parseNumberCell(raw, pct[k], decimalComma);
    const v = r.kind === "number" && r.cleaned === undefined && Number.isFinite(r.value) && !(pct[k] && (r.value < 0 || r.value > 100)) && !(nonNeg[k] && r.value < 0) ? r.value : value(r, raw, row, valueCol, k, tag);
    if (v === undefined) return;
    const at = store.push(areaIndex.get(ar.code)!, k, p, v, row);
    if (plan.wide.length) return;
    const e = store.extras;
    const num = e.numerator ? (e.numerator[at] = extra(cells[plan.numerator], row, plan.numerator, false)) : NaN;
    const den = e.denominator ? (e.denominator[at] = extra(cells[plan.denominator], row, plan.denominator, false)) : NaN;
    const lo = e.lowerCi ? (e.lowerCi[at] = extra(cells[plan.lowerCi], row, plan.lowerCi, pct[k])) : NaN;
    const hi = e.upperCi ? (e.upperCi[at] = extra(cells[plan.upperCi], row, plan.upperCi, pct[k])) : NaN;
    if (num < 0) add(row, plan.numerator, "VALUE_NEGATIVE", "error", `numerator ${num} is negative`, tag);
    if (den <= 0) add(row, plan.denominator, "DENOMINATOR_NOT_POSITIVE", "warning", `denominator ${den} is not positive: the value cannot be checked against it`, tag);
    else if (num === num && den === den && v === v) {
      const ratio = num / den;
      const scales = scale[k] !== null ? [scale[k]!] : [1, 100, 1000, 10000, 100000];
      if (!scales.some((s) => Math.abs(ratio * s - v) <= 0.01 * Math.max(Math.abs(v), 1e-12)))
        add(row, plan.value, "VALUE_RATIO_MISMATCH", "warning", `value ${v} does not match numerator ÷ denominator (${num} ÷ ${den} = ${+(ratio * scales[0]).toPrecision(6)}${scale[k] !== null ? ` per ${scales[0]}` : ""}) within 1 %`, { ...tag, suggestion: "Check the value, numerator and denominator come from the same row of the source." });
    }
    if (lo === lo && hi === hi && lo > hi) add(row, plan.lowerCi, "CI_INVERTED", "error", `lower confidence limit ${lo} is above the upper limit ${hi}`, tag);
    else if (v === v && ((lo === lo && v < lo) || (hi === hi && v > hi))) add(row, plan.value, "CI_NOT_BRACKETING", "error", `value ${v} lies outside its confidence interval ${lo === lo ? lo : "…"} to ${hi === hi ? hi : "…"}`, { ...tag, suggestion: "Check the columns are not swapped." });
    if (plan.note >= 0) {
      const note = cells[plan.note];
      if (note !== undefined && note.trim() !== "") {
        store.notes!.set(at, note);
        if (/^[=+\-@\t\r]/.test(note)) add(row, plan.note, "TEXT_FORMULA_LIKE", "info", "note starts with a formula character: stored as plain text and neutralised when exported", tag);
      }
    }
  }

  return {
    areaCodes,
    indicatorCodes: ctx.indicators.map((i) => i.code),
    cleaned: () => cleaned,
    /** Validate one data row (long or wide). */
    row(cells: string[], row: number): void {
      const areaRaw = cells[plan.area] ?? "";
      if (plan.wide.length) {
        const p = plan.period >= 0 ? period(cells[plan.period] ?? "", row, plan.period) : ctx.period!;
        if (p === null) return;
        for (const w of plan.wide) cell(cells, row, areaRaw, w.indicator, p, w.col);
        return;
      }
      const indRaw = cells[plan.indicator] ?? "";
      let k = indIndex.get(indRaw);
      if (k === undefined) {
        const ir = inds.resolve(indRaw);
        if (!ir.ok) return void add(row, plan.indicator, ir.code, ir.severity, ir.message, { suggestion: ir.suggestion });
        k = indIndex.get(ir.code)!;
      }
      const p = period(cells[plan.period] ?? "", row, plan.period);
      if (p === null) return;
      cell(cells, row, areaRaw, k, p, plan.value);
    },
  };
}
