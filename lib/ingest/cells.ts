/*
 * Cell cleaning: the artefacts spreadsheets leave in numbers and periods. Each result
 * says what was done, so the report can tell the officer (rule 4: problems are data).
 */

export type TNumberOutcome =
  | { kind: "number"; value: number; cleaned?: "thousands" | "percent" | "apostrophe" | "spaces" | "decimal-comma" | "minus-sign" }
  | { kind: "missing"; reason: "empty" | "excel-error" | "na-token" | "suppressed" }
  | { kind: "percent-wrong-unit"; value: number }
  | { kind: "invalid" };

const PLAIN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
const EXCEL_ERRORS = new Set(["#div/0!", "#n/a", "#value!", "#ref!", "#name?", "#num!", "#null!", "#spill!", "#calc!", "#getting_data"]);
const NA_TOKENS = new Set(["n/a", "na", "nan", "null", "none", "-", "--", "–", "—", "..", "...", ":", "?", "missing", "not available"]);
const SUPPRESSED = new Set(["x", "*", "**", "c", "s", "supp", "suppressed", "<5", "<3", "~"]);

/**
 * Parse a numeric cell. Fast path for plain decimals (the common case, millions of
 * times). `percentUnit`: the indicator is in %, so "12%" means 12. `decimalComma`: the
 * file is semicolon-separated, where "12,5" is a European decimal.
 */
export function parseNumberCell(raw: string, percentUnit: boolean, decimalComma: boolean): TNumberOutcome {
  if (raw === "") return { kind: "missing", reason: "empty" };
  if (PLAIN.test(raw)) return { kind: "number", value: Number(raw) };
  let s = raw;
  let cleaned: "apostrophe" | "spaces" | undefined;
  if (s.charCodeAt(0) === 39) {
    s = s.slice(1);
    cleaned = "apostrophe";
  }
  const t = s.trim();
  if (t !== s) cleaned ??= "spaces";
  s = t;
  if (s === "") return { kind: "missing", reason: "empty" };
  if (PLAIN.test(s)) return { kind: "number", value: Number(s), cleaned };
  const lower = s.toLowerCase();
  if (EXCEL_ERRORS.has(lower)) return { kind: "missing", reason: "excel-error" };
  if (NA_TOKENS.has(lower)) return { kind: "missing", reason: "na-token" };
  if (SUPPRESSED.has(lower)) return { kind: "missing", reason: "suppressed" };
  if (s.charCodeAt(0) === 0x2212 && PLAIN.test(`-${s.slice(1)}`)) return { kind: "number", value: -Number(s.slice(1)), cleaned: "minus-sign" };
  // in a semicolon-separated (European) file the comma is the decimal mark: "12,527" is 12.527
  if (decimalComma && DECIMAL_COMMA.test(s)) return { kind: "number", value: Number(s.replace(",", ".")), cleaned: "decimal-comma" };
  if (decimalComma && /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return { kind: "number", value: Number(s.replace(/\./g, "").replace(",", ".")), cleaned: "thousands" };
  if (!decimalComma && THOUSANDS.test(s)) return { kind: "number", value: Number(s.replace(/,/g, "")), cleaned: "thousands" };
  if (s.endsWith("%")) {
    const inner = s.slice(0, -1).trim();
    if (PLAIN.test(inner)) return percentUnit ? { kind: "number", value: Number(inner), cleaned: "percent" } : { kind: "percent-wrong-unit", value: Number(inner) };
  }
  return { kind: "invalid" };
}

export type TPeriodOutcome =
  | { kind: "year"; value: number; fromRange?: string; cleaned?: boolean }
  | { kind: "invalid" }
  | { kind: "not-integer"; value: number };

const YEAR = /^\d{4}$/;
// "2014/15", "2014-15", "2014/2015", "FY 2014/15", "2014–15": stamped with the end year
const SPAN = /^(?:fy\s*)?(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/i;

/** Parse a period: an integer year, or a financial/academic year span → its end year. */
export function parsePeriodCell(raw: string): TPeriodOutcome {
  if (YEAR.test(raw)) return { kind: "year", value: Number(raw) };
  let s = raw;
  let cleaned = false;
  if (s.charCodeAt(0) === 39) s = s.slice(1);
  s = s.trim();
  if (s !== raw) cleaned = true;
  if (YEAR.test(s)) return { kind: "year", value: Number(s), cleaned };
  if (/^\d{4}\.0+$/.test(s)) return { kind: "year", value: Number(s), cleaned: true };
  const m = SPAN.exec(s);
  if (m) {
    const start = Number(m[1]);
    const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) + (Number(m[2]) < start % 100 ? 100 : 0) : Number(m[2]);
    if (end === start + 1) return { kind: "year", value: end, fromRange: s };
    return { kind: "invalid" };
  }
  if (PLAIN.test(s)) return { kind: "not-integer", value: Number(s) };
  return { kind: "invalid" };
}

/** Unit helpers. A unit is a percentage when it is "%" or says percent. */
export const isPercentUnit = (unit: string) => /%|percent/i.test(unit);

/** Units for which a negative value is impossible (rates, counts, shares, ratios, durations). */
export const isNonNegativeUnit = (unit: string) => /%|percent|per\b|rate|count|number|ratio|persons|residents|years|points|ug\/m3|µg|score/i.test(unit);

/** Scale of a rate unit: "per 1,000" → 1000, "%" → 100; null when the unit names none. */
export function unitScale(unit: string): number | null {
  if (isPercentUnit(unit)) return 100;
  const m = /per\s+([\d,]+)/i.exec(unit);
  if (m) return Number(m[1].replace(/,/g, ""));
  return null;
}
