/**
 * Validates an uploaded ward-boundary GeoJSON file for council onboarding.
 * Pure: takes the parsed JSON, returns either the wards or every problem found.
 */
import type { TGeoProblem, TGeoProblemCode } from "./geo-problems";
import type { TWardBoundary } from "./types";
import { checkGeometry, type TCheckBudget } from "./validate-geometry";

export type { TGeoProblem, TGeoProblemCode } from "./geo-problems";

export type TValidateWardGeoJsonOptions = {
  /** Property holding the GSS ward code; detected when omitted. */
  codeProperty?: string;
  /** Property holding the ward name; detected when omitted. */
  nameProperty?: string;
  /** Required code prefix, e.g. "E05" for English electoral wards. */
  expectedPrefix?: string;
};

export type TValidateWardGeoJsonResult =
  | { ok: true; wards: TWardBoundary[] }
  | { ok: false; problems: TGeoProblem[] };

/** GSS (Government Statistical Service) codes: country letter + 8 digits. */
export const GSS_CODE_PATTERN = /^[EWSN]\d{8}$/;

// ONS publishes a new ward vintage most years (WD13CD … WD24CD); keep the years in one place.
const WARD_YEARS = Array.from({ length: 12 }, (_, i) => String(13 + i));
export const CODE_PROPERTY_CANDIDATES = [
  "code", "ward_code", "wardcode", "gss_code", ...WARD_YEARS.map((y) => `WD${y}CD`),
];
export const NAME_PROPERTY_CANDIDATES = [
  "name", "ward_name", "wardname", "gss_name", ...WARD_YEARS.map((y) => `WD${y}NM`),
];

/** Total segment-pair tests allowed for self-intersection checks in one file (bounded CPU). */
const SELF_INTERSECTION_BUDGET = 20_000_000;

type TRawFeature = { properties: Record<string, unknown>; geometry: unknown; isFeature: boolean };

function readFeatures(input: unknown): TRawFeature[] | null {
  if (input === null || typeof input !== "object") return null;
  const fc = input as { type?: unknown; features?: unknown };
  if (fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) return null;
  return fc.features.map((f: unknown) => {
    const obj = (f !== null && typeof f === "object" ? f : {}) as { type?: unknown; properties?: unknown; geometry?: unknown };
    const props = obj.properties !== null && typeof obj.properties === "object" ? (obj.properties as Record<string, unknown>) : {};
    return { properties: props, geometry: obj.geometry, isFeature: obj.type === "Feature" };
  });
}

function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * Picks the property (by actual key, matched case-insensitively against the
 * candidates) whose values score best; ties go to the earlier candidate.
 */
function detectProperty(
  features: TRawFeature[],
  candidates: string[],
  score: (value: unknown) => boolean,
): string | null {
  const keys = new Set(features.flatMap((f) => Object.keys(f.properties)));
  let best: { key: string; hits: number } | null = null;
  for (const candidate of candidates) {
    const key = [...keys].find((k) => k === candidate) ?? [...keys].find((k) => k.toLowerCase() === candidate.toLowerCase());
    if (!key) continue;
    const hits = features.filter((f) => score(f.properties[key])).length;
    if (!best || hits > best.hits) best = { key, hits };
  }
  return best?.key ?? null;
}

/**
 * Validates a parsed GeoJSON FeatureCollection of ward boundaries.
 *
 * Checks, per feature: geometry is a Polygon or MultiPolygon; a GSS code
 * (`^[EWSN]\d{8}$`, optional `expectedPrefix`) unique in the file; a name;
 * finite WGS84 coordinates (British National Grid metres get their own
 * message); closed rings of ≥ 4 positions; no ring crossing or touching itself
 * (O(n²) per ring, capped at 20 million segment pairs per file — rings past
 * the cap are not checked rather than slowing the upload); non-zero area.
 * Overlaps between wards and holes outside their shell are NOT checked.
 *
 * On success the wards come back in file order with codes and names trimmed
 * and geometry normalised to RFC 7946 winding (exterior counter-clockwise).
 * Problems name the feature by its 1-based position: "Feature 12 (Abbey, E05000026): …".
 */
export function validateWardGeoJson(input: unknown, opts: TValidateWardGeoJsonOptions = {}): TValidateWardGeoJsonResult {
  const features = readFeatures(input);
  if (!features) {
    return {
      ok: false,
      problems: [{ feature: null, code: "NOT_FEATURE_COLLECTION", message: 'The file is not a GeoJSON FeatureCollection (expected {"type": "FeatureCollection", "features": [...]})' }],
    };
  }
  if (features.length === 0) {
    return { ok: false, problems: [{ feature: null, code: "EMPTY", message: "The FeatureCollection has no features" }] };
  }

  const problems: TGeoProblem[] = [];
  const codeKey = opts.codeProperty ?? detectProperty(features, CODE_PROPERTY_CANDIDATES, (v) => GSS_CODE_PATTERN.test(text(v) ?? ""));
  const nameKey = opts.nameProperty ?? detectProperty(features, NAME_PROPERTY_CANDIDATES, (v) => text(v) !== null);
  if (!codeKey) {
    problems.push({ feature: null, code: "MISSING_CODE", message: `No ward code property found; expected one of ${CODE_PROPERTY_CANDIDATES.slice(0, 5).join(", ")} … WD24CD, or choose the property by name` });
  }
  if (!nameKey) {
    problems.push({ feature: null, code: "MISSING_NAME", message: `No ward name property found; expected one of ${NAME_PROPERTY_CANDIDATES.slice(0, 5).join(", ")} … WD24NM, or choose the property by name` });
  }

  const budget: TCheckBudget = { pairsLeft: SELF_INTERSECTION_BUDGET };
  const firstSeen = new Map<string, number>();
  const wards: TWardBoundary[] = [];
  features.forEach((feature, index) => {
    const n = index + 1;
    const code = codeKey ? text(feature.properties[codeKey]) : null;
    const name = nameKey ? text(feature.properties[nameKey]) : null;
    const label = `Feature ${n}` + (code || name ? ` (${name ?? "no name"}, ${code ?? "no code"})` : "");
    const add = (c: TGeoProblemCode, message: string) => problems.push({ feature: n, code: c, message: `${label}: ${message}` });

    if (!feature.isFeature) add("UNSUPPORTED_GEOMETRY", 'is not a GeoJSON Feature (expected "type": "Feature")');
    if (codeKey && !code) add("MISSING_CODE", `has no ward code in "${codeKey}"`);
    if (code && !GSS_CODE_PATTERN.test(code)) {
      add("INVALID_CODE", `"${code}" is not a GSS code (a letter E, W, S or N followed by 8 digits, e.g. E05000026)`);
    } else if (code && opts.expectedPrefix && !code.startsWith(opts.expectedPrefix)) {
      add("INVALID_CODE", `"${code}" does not start with ${opts.expectedPrefix}`);
    }
    if (code) {
      const earlier = firstSeen.get(code);
      if (earlier !== undefined) add("DUPLICATE_CODE", `code ${code} is also used by feature ${earlier}`);
      else firstSeen.set(code, n);
    }
    if (nameKey && !name) add("MISSING_NAME", `has no ward name in "${nameKey}"`);

    const checked = checkGeometry(feature.geometry, budget);
    for (const f of checked.findings) add(f.code, f.message);
    if (code && name && checked.geometry) wards.push({ code, name, geometry: checked.geometry });
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, wards };
}
