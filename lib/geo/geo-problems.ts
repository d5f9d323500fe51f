/**
 * The closed set of problems an uploaded boundary file can have. Problems are
 * data (shown to the operator as a list), never exceptions.
 */
export const GEO_PROBLEM_CODES = [
  "NOT_FEATURE_COLLECTION",
  "EMPTY",
  "UNSUPPORTED_GEOMETRY",
  "MALFORMED_GEOMETRY",
  "MISSING_CODE",
  "INVALID_CODE",
  "DUPLICATE_CODE",
  "MISSING_NAME",
  "NON_FINITE_COORDINATE",
  "NOT_WGS84",
  "LOOKS_LIKE_BNG",
  "UNCLOSED_RING",
  "TOO_FEW_POSITIONS",
  "SELF_INTERSECTION",
  "ZERO_AREA",
] as const;

export type TGeoProblemCode = (typeof GEO_PROBLEM_CODES)[number];

/**
 * One problem. `feature` is the 1-based position of the feature in the file
 * (as a person counts, and as the message says), or null for the whole file.
 */
export type TGeoProblem = { feature: number | null; code: TGeoProblemCode; message: string };
