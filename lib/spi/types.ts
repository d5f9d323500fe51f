/**
 * Types of the Local SPI scoring engine. Plain data only: everything here can be
 * JSON-serialised, except the columnar observation form, which uses typed arrays
 * so a national-scale run (millions of rows) does not allocate an object per row.
 */

/** One step of an indicator's transform pipeline, applied in the listed order. */
export type TransformStep =
  | { floor: number }
  | { cap: number }
  | { log: true }
  | { log1p: true }
  | { parity: number };

export type TWeighting = "equal" | "pca" | { fixed: Record<string, number> };
export type TAggregation = "arithmetic" | { powerMean: number };
export type TDirection = 1 | -1;

export interface TIndicator {
  code: string;
  name: string;
  unit: string;
  direction: TDirection;
  /** Best case, in transformed units. */
  utopia: number;
  /** Worst case, in transformed units. */
  dystopia: number;
  transform?: TransformStep[];
  source?: string;
  boundsRationale?: string;
}

export interface TComponent {
  code: string;
  name: string;
  weighting?: TWeighting;
  maxMissing?: number;
  indicators: TIndicator[];
}

export interface TDimension {
  code: string;
  name: string;
  components: TComponent[];
}

/** The framework file, as written by people (defaults not yet applied). */
export interface TFramework {
  id: string;
  edition: string;
  name: string;
  clamp?: boolean;
  carryForwardYears?: number;
  aggregation?: { dimension?: TAggregation; index?: TAggregation };
  dimensions: TDimension[];
}

/** One observation: `period` is a year; `value` null (or absent row) = missing. */
export interface TObservation {
  area: string;
  indicator: string;
  period: number;
  value: number | null;
}

/**
 * Columnar observations (what the CSV parser produces). Row i is
 * (areaCodes[area[i]], indicatorCodes[indicator[i]], period[i], value[i]);
 * NaN in `value` means missing.
 */
export interface TObservationColumns {
  areaCodes: string[];
  indicatorCodes: string[];
  area: Int32Array;
  indicator: Int32Array;
  period: Int32Array;
  value: Float64Array;
  length: number;
}

export interface TArea {
  code: string;
  name?: string | null;
  parent?: string | null;
  population?: number | null;
  /** Covariate used to choose peer groups (e.g. income deprivation score). */
  peerValue?: number | null;
}

export interface TUncertaintyOptions {
  /** Number of Monte Carlo draws (default 1000). */
  draws?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Dirichlet concentration: alpha_i = concentration * v_i (default 50). */
  weightConcentration?: number;
  /** U and D each move by up to this fraction of |U - D| (default 0.1). */
  boundsFraction?: number;
  /** Probability that a draw uses the alternative weighting (equal <-> pca; default 0.5). */
  alternativeWeightingShare?: number;
  /** Period analysed (default: latest period of the run). */
  period?: number;
}

export interface TScoreOptions {
  /** |change| below this (points on 0-100) is "stable" (default 1). */
  travelThreshold?: number;
  /** Peer group size for strengths/weaknesses (default 15); false disables. */
  peers?: { k?: number; period?: number } | false;
  /** Modified z-score (median/MAD) above which a value is an outlier (default 3.5). */
  outlierThreshold?: number;
  /** Aggregate to parent areas (needs areas with parent and population; default true). */
  aggregate?: boolean;
  /** Monte Carlo uncertainty; omitted = not run. */
  uncertainty?: TUncertaintyOptions;
}

export type TSeverity = "error" | "warning";

/** A problem in the inputs. Never thrown: returned as data. */
export interface TProblem {
  severity: TSeverity;
  /** Where in a JSON input (framework/options), e.g. "dimensions[0].components[1].maxMissing". */
  path?: string;
  area?: string;
  indicator?: string;
  period?: number;
  /** 1-based line number in a CSV input (header = line 1). */
  line?: number;
  column?: string;
  message: string;
}

export type TIndicatorFlag = "carried" | "imputed" | "clampedUtopia" | "clampedDystopia";

export type TScoreMap = Record<string, number | null>;

export interface TScoreRow {
  area: string;
  period: number;
  index: number | null;
  dimensions: TScoreMap;
  components: TScoreMap;
  /** Indicator scores on 0-100, higher is better. */
  indicators: TScoreMap;
  /** Only indicators with at least one flag are listed. */
  flags: Record<string, TIndicatorFlag[]>;
  /** Why a score is null, keyed "index", "dimensions.<code>", "components.<code>", "indicators.<code>". */
  reasons: Record<string, string>;
  ranks: { index: number | null; dimensions: TScoreMap; components: TScoreMap };
}
