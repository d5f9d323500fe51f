import { piiKindOfHeader } from "./pii";
import { createIndicatorResolver, fold } from "./resolve";
import type { TColumnMapping, TIngestContext } from "./types";

/*
 * Column mapping: which source header feeds which field. Proposed from the header (so
 * "Ward code", "WD13CD" or "Year" work without the officer doing anything), then
 * confirmed or changed in the wizard, and remembered for the next upload.
 */

export const LONG_TARGETS = ["area_code", "indicator_code", "period", "value", "numerator", "denominator", "lower_ci", "upper_ci", "note"] as const;
export type TTarget = (typeof LONG_TARGETS)[number];

const SYNONYMS: Array<[RegExp, TTarget]> = [
  [/^(area ?code|area|area id|ward ?code|ward|code|gss ?code|ons ?code|geography ?code|wd\d\dcd|lsoa\d\dcd|geo ?code)$/, "area_code"],
  [/^(indicator ?code|indicator|indicator ?id|measure|measure ?code|metric|metric ?code)$/, "indicator_code"],
  [/^(period|year|time ?period|period ?end|year ?ending|financial ?year|academic ?year)$/, "period"],
  [/^(value|val|indicator ?value|measure ?value|figure|result)$/, "value"],
  [/^(numerator|num|count)$/, "numerator"],
  [/^(denominator|denom|den|population|base)$/, "denominator"],
  [/^(lower ?ci|lci|lower|lower ?95 ?ci|lower ?cl|lower ?confidence ?(limit|interval)|lower ?ci ?95|ci ?lower)$/, "lower_ci"],
  [/^(upper ?ci|uci|upper|upper ?95 ?ci|upper ?cl|upper ?confidence ?(limit|interval)|upper ?ci ?95|ci ?upper)$/, "upper_ci"],
  [/^(note|notes|comment|comments|remarks)$/, "note"],
];

/** Descriptive columns people add next to codes: ignored without comment. */
const DESCRIPTIVE = /^(area ?name|ward ?name|indicator ?name|measure ?name|unit|units|la ?name|lad\d* ?(code|name|cd|nm)|borough|borough ?name|council|wd\d\dnm|source|sheet)$/;

export const isDescriptiveHeader = (h: string) => DESCRIPTIVE.test(fold(h));

/** The long-format field a header names, or null. */
export function targetOfHeader(h: string): TTarget | null {
  const f = fold(h).replace(/\s+/g, " ");
  for (const [re, t] of SYNONYMS) if (re.test(f)) return t;
  return null;
}

/**
 * Propose a mapping for a header. Long format when an indicator and a value column are
 * found; otherwise wide when some headers are indicator codes or names. Columns that look
 * like personal data are never mapped. `previous` (the officer's last mapping) wins for
 * every header it names that is still present.
 */
export function proposeMapping(header: string[], context: TIngestContext, previous?: TColumnMapping): TColumnMapping {
  const ind = createIndicatorResolver(context.indicators);
  const columns: Record<string, string> = {};
  const used = new Set<string>();
  let wideHits = 0;
  for (const h of header) {
    if (h.trim() === "" || h in columns) continue;
    if (piiKindOfHeader(h)) {
      columns[h] = "ignore";
      continue;
    }
    const t = targetOfHeader(h);
    if (t && !used.has(t)) {
      columns[h] = t;
      used.add(t);
      continue;
    }
    const i = ind.matchHeader(h);
    if (i) {
      columns[h] = `indicator:${i.code}`;
      wideHits++;
      continue;
    }
    columns[h] = "ignore";
  }
  const format = used.has("indicator_code") || used.has("value") || wideHits === 0 ? "long" : "wide";
  for (const [h, t] of Object.entries(columns)) {
    if (format === "long" && t.startsWith("indicator:")) columns[h] = "ignore";
    if (format === "wide" && (t === "indicator_code" || t === "value" || t === "numerator" || t === "denominator" || t === "lower_ci" || t === "upper_ci")) columns[h] = "ignore";
  }
  if (previous && previous.format === format) {
    for (const [h, t] of Object.entries(previous.columns)) if (header.includes(h) && !piiKindOfHeader(h)) columns[h] = t;
  }
  return { format, columns };
}
