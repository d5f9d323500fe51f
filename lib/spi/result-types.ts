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
