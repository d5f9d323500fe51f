import type { TProblem, TScoreMap, TScoreRow } from "./types";

export interface TComponentDiagnostics {
  code: string;
  /** Weighting actually used ("pca" may fall back to "equal": see weightingFallback). */
  weighting: "equal" | "pca" | "fixed";
  weightingFallback: string | null;
  /** Complete cases of the pooled reference set (all indicators present before imputation). */
  completeCases: number;
  /** Rows of the reference set with a component score. */
  scoredRows: number;
  /** Standardised Cronbach's alpha k·r̄/(1 + (k−1)·r̄); threshold ≥ 0.7. */
  cronbachAlpha: number | null;
  /** Kaiser–Meyer–Olkin measure; threshold ≥ 0.5. */
  kmo: number | null;
  /** λ1 / k: share of standardised variance on the first principal component. */
  firstComponentShare: number | null;
  eigenvalues: number[] | null;
  /** Correlation loadings e1·√λ1 per indicator (oriented). */
  loadings: TScoreMap | null;
  nonPositiveLoadings: string[];
  /** Weights used, 0–100 basis (sum 1). */
  weights: Record<string, number>;
  /** The same weights on the z-score basis (w ∝ v·σ/|U − D|). */
  zBasisWeights: Record<string, number> | null;
  /** PCA weights on the 0–100 basis, whether or not they were used. */
  pcaWeights: Record<string, number> | null;
  /** Mean and sample SD of each transformed indicator on the complete cases. */
  mean: TScoreMap;
  sd: TScoreMap;
  /** Why alpha/KMO/PCA are null, if they are. */
  notes: string[];
}

export interface TIndicatorDiagnostics {
  code: string;
  component: string;
  /** Rows of the reference set. */
  rows: number;
  /** Values observed in the input (not carried), after transform. */
  observed: number;
  /** observed / rows. */
  coverage: number;
  carried: number;
  imputed: number;
  /** Rows with no score for this indicator. */
  missing: number;
  clampedUtopia: number;
  clampedDystopia: number;
  /** Values dropped because a transform step was outside its domain (e.g. ln of 0). */
  transformDropped: number;
  outliers: { threshold: number; count: number; examples: Array<{ area: string; period: number; value: number; modifiedZ: number }> };
}

export interface TTravelEntry {
  from: number;
  to: number;
  /** Points on the 0–100 scale; positive = better. */
  change: number;
  /** Least-squares slope, points per year, over every period with a score. */
  slope: number;
  periods: number;
  status: "improving" | "stable" | "worsening";
}

export interface TTravel {
  area: string;
  index: TTravelEntry | null;
  dimensions: Record<string, TTravelEntry | null>;
  components: Record<string, TTravelEntry | null>;
  indicators: Record<string, TTravelEntry | null>;
}

export interface TScorecardItem {
  level: "index" | "dimension" | "component" | "indicator";
  code: string;
  value: number;
  peerMedian: number;
  /** Mean absolute deviation of the peers' values around their median. */
  peerAad: number;
}

export interface TScorecard {
  area: string;
  period: number;
  peerBasis: "covariate" | "all-other-areas";
  peers: string[];
  strengths: TScorecardItem[];
  weaknesses: TScorecardItem[];
  note?: string;
}

export interface TAggregateRow {
  method: "score" | "indicator";
  area: string;
  period: number;
  members: number;
  population: number;
  index: number | null;
  dimensions: TScoreMap;
  components: TScoreMap;
  indicators: TScoreMap;
  reasons: Record<string, string>;
}

export interface TUncertaintyRow {
  area: string;
  score: number;
  rank: number;
  scoreP5: number;
  scoreP50: number;
  scoreP95: number;
  rankP5: number;
  rankP95: number;
}

export interface TUncertainty {
  period: number;
  draws: number;
  seed: number;
  weightConcentration: number;
  boundsFraction: number;
  alternativeWeightingShare: number;
  areas: TUncertaintyRow[];
}

/** What the engine returns for a valid input. Plain JSON; numbers at full precision. */
export interface TSpiResult {
  engineVersion: string;
  frameworkId: string;
  frameworkEdition: string;
  /** SHA-256 (hex) of the canonical framework + observations + areas + options. */
  inputHash: string;
  options: Record<string, unknown>;
  periods: number[];
  areas: string[];
  weights: Record<string, Record<string, number>>;
  scores: TScoreRow[];
  diagnostics: { components: TComponentDiagnostics[]; indicators: TIndicatorDiagnostics[] };
  travel: TTravel[];
  strengthsWeaknesses: TScorecard[];
  aggregates: TAggregateRow[];
  uncertainty: TUncertainty | null;
  problems: TProblem[];
}

/** problems are also in result.problems on success (warnings only). */
export type TSpiOutcome = { ok: true; result: TSpiResult; problems: TProblem[] } | { ok: false; problems: TProblem[] };

/**
 * The `scores` of a columnar result: one entry per reference-set row in every column
 * (rows ordered by area, then period: the order of the rows layout). NaN in a
 * Float64Array is a null score; it becomes null only when serialised.
 */
export interface TScoreColumns {
  length: number;
  /** Index into the result's `areas`, per row. */
  areaIndex: Int32Array;
  /** Index into the result's `periods`, per row. */
  periodIndex: Int32Array;
  index: Float64Array;
  dimensions: Record<string, Float64Array>;
  components: Record<string, Float64Array>;
  /** Indicator scores on 0-100, higher is better. */
  indicators: Record<string, Float64Array>;
  /** Flag bits per indicator and row: 1 carried, 2 imputed, 4 clampedUtopia, 8 clampedDystopia. */
  flags: Record<string, Uint8Array>;
  /**
   * Why scores are null, as parallel lists ordered by row and, within a row, in the
   * key order of the rows layout (keys as in TScoreRow.reasons).
   */
  reasons: { row: Int32Array; key: string[]; text: string[] };
  ranks: { index: Float64Array; dimensions: Record<string, Float64Array>; components: Record<string, Float64Array> };
}

/** One series of direction of travel, per travel row; `periods` 0 = null entry. */
export interface TTravelColumn {
  periods: Int32Array;
  from: Int32Array;
  to: Int32Array;
  change: Float64Array;
  slope: Float64Array;
  /** 1 improving, 0 stable, −1 worsening. */
  status: Int8Array;
}

/** `travel` of a columnar result: one travel row per area with at least two periods. */
export interface TTravelColumns {
  length: number;
  /** Index into the result's `areas`, per travel row. */
  areaIndex: Int32Array;
  index: TTravelColumn;
  dimensions: Record<string, TTravelColumn>;
  components: Record<string, TTravelColumn>;
  indicators: Record<string, TTravelColumn>;
}

/**
 * `strengthsWeaknesses` of a columnar result: one card per area scored in the peer
 * period (in area order), peers and items in flat arrays.
 */
export interface TScorecardColumns {
  /** Number of cards (0 when strengths and weaknesses were not computed). */
  length: number;
  period: number | null;
  peerBasis: TScorecard["peerBasis"] | null;
  /** Index into the result's `areas`, per card. */
  areaIndex: Int32Array;
  /** 1 when the card's area has no peer value (no peers, no items). */
  noPeerValue: Uint8Array;
  /** Peers of card c: peerAreaIndex[peerStart[c] … peerStart[c + 1]) (indices into `areas`, in code order). */
  peerStart: Int32Array;
  peerAreaIndex: Int32Array;
  /** The scores compared, in order: the index, dimensions, components, indicators. */
  series: Array<{ level: TScorecardItem["level"]; code: string }>;
  /** Strengths and weaknesses, ordered by card, then by series. */
  items: {
    card: Int32Array;
    series: Int32Array;
    /** 1 strength (above median + AAD), 0 weakness (below median − AAD). */
    strength: Uint8Array;
    value: Float64Array;
    peerMedian: Float64Array;
    peerAad: Float64Array;
  };
}

/**
 * The result with `scores`, `travel` and `strengthsWeaknesses` held in columns (typed
 * arrays) instead of one object per row or item: what national-scale runs use
 * (`resultLayout: "columnar"`). Every other field is as in TSpiResult;
 * `columnarToRows` gives the rows layout exactly.
 */
export interface TSpiColumnarResult extends Omit<TSpiResult, "scores" | "travel" | "strengthsWeaknesses"> {
  layout: "columnar";
  scores: TScoreColumns;
  travel: TTravelColumns;
  strengthsWeaknesses: TScorecardColumns;
}

export type TSpiColumnarOutcome = { ok: true; result: TSpiColumnarResult; problems: TProblem[] } | { ok: false; problems: TProblem[] };
