/*
 * Contract of the upload validation core (issue 4). The wizard, persistence and the
 * `spi validate` CLI all build on these types: fields may be added, never renamed.
 */

export type TSeverity = "error" | "warning" | "info";

/** One problem found in an upload: data, never an exception (ARCHITECTURE rule 4). */
export interface TIssue {
  /** File row (header = row 1, as a spreadsheet shows it); null for file- or column-level issues. */
  row: number | null;
  /** Source header as written in the file; null when not about one column. */
  column: string | null;
  /** Stable machine code, e.g. AREA_UNKNOWN (see INPUT_FORMAT / docs/formats/README.md). */
  code: string;
  severity: TSeverity;
  /** Human message; never contains a value from a column judged to be personal data. */
  message: string;
  suggestion?: string;
  area?: string;
  indicator?: string;
  period?: number;
  /** For aggregate issues ("… and N more"): how many occurrences this entry stands for. */
  count?: number;
}

export interface TIngestIndicator {
  code: string;
  name: string;
  unit: string;
  direction: 1 | -1;
  utopia: number;
  dystopia: number;
  /** Component code; lets the coverage report say whether the engine can impute. */
  component?: string;
}

export interface TIngestArea {
  code: string;
  name: string;
  vintage: string;
  validFrom?: number;
  validTo?: number;
}

export interface TIngestContext {
  /** The framework edition's indicators. */
  indicators: TIngestIndicator[];
  /** Periods (end years) the edition accepts, inclusive. */
  periodRange: { min: number; max: number };
  /** The council's own areas (wards), all vintages. */
  areas: TIngestArea[];
  /** Other councils' wards, to say "that is a Havering ward". */
  otherAreas?: Array<TIngestArea & { councilName: string }>;
  /** Which boundary vintage a period uses (default: every period accepts all of `areas`). */
  vintageForPeriod?: (period: number) => string;
  /** The council's data already loaded, for plausibility and coverage. */
  previous?: Array<{ area: string; indicator: string; period: number; value: number }>;
  /** For the wide format: the period the officer chose. */
  period?: number;
  /** Engine carry-forward window in years (default 2, as the framework's default). */
  carryForwardYears?: number;
  /** Engine's per-component missing allowance (default 1). */
  maxMissing?: number;
  /** Name of this council, for messages (default "this council"). */
  councilName?: string;
}

export type TFormat = "long" | "wide";

/**
 * Source header → target field: "area_code", "indicator_code", "period", "value",
 * "numerator", "denominator", "lower_ci", "upper_ci", "note", "indicator:<code>" (wide),
 * or "ignore". Headers not listed are ignored.
 */
export interface TColumnMapping {
  format: TFormat;
  columns: Record<string, string>;
}

export interface TCleanObservation {
  area: string;
  indicator: string;
  period: number;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  lowerCi?: number | null;
  upperCi?: number | null;
  /** Plain text; never interpreted. Export through cleanCellForExport. */
  note?: string | null;
  sourceRow: number;
}

export interface TDetected {
  fileType: "csv" | "xlsx";
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
  header: string[];
  format: TFormat;
}

export interface TRefusal {
  code: string;
  message: string;
}

export type TEngineAction = "carry-forward" | "impute" | "unscored" | "complete";

export interface TCoverageCell {
  area: string;
  indicator: string;
  periods: number[];
  missingPeriods: number[];
  engineAction: TEngineAction;
}

export interface TValidationResult {
  /** No errors and not refused (warnings may need acknowledging). */
  ok: boolean;
  /** The whole file is refused (unreadable, encrypted, macro-enabled, zip bomb, too big, person-level data). */
  refused?: TRefusal;
  detected: TDetected;
  mapping: TColumnMapping;
  /**
   * rows: data rows read (header and blank rows excluded); observations: cleaned
   * observations; errors/warnings/infos: occurrences, including those folded into an
   * aggregate "… and N more" issue; cleaned: cells changed by cleaning (separators,
   * apostrophes, %…); droppedColumns: columns dropped as personal data.
   */
  summary: { rows: number; observations: number; errors: number; warnings: number; infos: number; cleaned: number; droppedColumns: number };
  issues: TIssue[];
  /** Personal data found and dropped before anything is stored. */
  droppedColumns: Array<{ column: string; reason: string }>;
  /** The cleaned rows (only meaningful when ok). */
  observations: TCleanObservation[];
  coverage: TCoverageCell[];
}

export interface TLimits {
  maxBytes?: number;
  maxRows?: number;
}
