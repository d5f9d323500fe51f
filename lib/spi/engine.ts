import { z } from "zod";
import { aggregateToParents } from "./aggregate";
import { buildDiagnostics } from "./diagnostics";
import { validateFramework, type TResolvedFramework } from "./framework";
import { canonicalJson, createSha256, type TSha256Factory } from "./hash";
import { columnarToRows } from "./columnar";
import { buildGrid, toColumns, type TGrid } from "./observations";
import { buildScoreColumns, weightsMap } from "./output";
import { noScorecards, scorecards } from "./peers";
import { computeRun } from "./pipeline";
import type { TSpiColumnarOutcome, TSpiColumnarResult, TSpiOutcome } from "./result-types";
import { directionOfTravel } from "./travel";
import type { TArea, TObservation, TObservationColumns, TProblem, TScoreOptions } from "./types";
import { runUncertainty } from "./uncertainty";

/** Version of the scoring method implementation; changes whenever outputs could change. */
export const ENGINE_VERSION = "1.1.1";

const ZScoreOptions = z.strictObject({
  travelThreshold: z.number().min(0).optional(),
  peers: z.union([z.literal(false), z.strictObject({ k: z.number().int().min(1).optional(), period: z.number().int().optional() })]).optional(),
  outlierThreshold: z.number().positive().optional(),
  aggregate: z.boolean().optional(),
  uncertainty: z
    .strictObject({
      draws: z.number().int().min(1).max(100000).optional(),
      seed: z.number().int().optional(),
      weightConcentration: z.number().positive().optional(),
      boundsFraction: z.number().min(0).max(0.45).optional(),
      alternativeWeightingShare: z.number().min(0).max(1).optional(),
      period: z.number().int().optional(),
    })
    .optional(),
});

/** Options with every default filled in (echoed in the result and hashed). */
export interface TResolvedOptions {
  travelThreshold: number;
  peers: { k: number; period: number | null } | false;
  outlierThreshold: number;
  aggregate: boolean;
  uncertainty: {
    draws: number;
    seed: number;
    weightConcentration: number;
    boundsFraction: number;
    alternativeWeightingShare: number;
    period: number | null;
  } | null;
}

export interface TScoreInput {
  /** Framework JSON (validated here) or the output of validateFramework. */
  framework: unknown;
  observations: readonly TObservation[] | TObservationColumns;
  areas?: readonly TArea[];
  options?: TScoreOptions;
  /**
   * SHA-256 for the input hash supplied by the host (e.g. node:crypto's
   * `() => createHash("sha256")`), faster on national inputs than the engine's own
   * plain-TypeScript SHA-256. Same digest either way.
   */
  sha256?: TSha256Factory;
}

/**
 * Shape of `scores` and `travel` in the result: "rows" (default, TSpiResult: one
 * object per area × period) or "columnar" (TSpiColumnarResult: typed-array columns,
 * for national-scale runs; `columnarToRows` converts). Changes no number and not the
 * input hash.
 */
export type TResultLayout = "rows" | "columnar";

function resolveOptions(o: TScoreOptions | undefined, problems: TProblem[]): TResolvedOptions | null {
  const parsed = ZScoreOptions.safeParse(o ?? {});
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push({ severity: "error", path: `options.${i.path.join(".")}`, message: i.message });
    return null;
  }
  const p = parsed.data;
  const u = p.uncertainty;
  return {
    travelThreshold: p.travelThreshold ?? 1,
    peers: p.peers === false ? false : { k: p.peers?.k ?? 15, period: p.peers?.period ?? null },
    outlierThreshold: p.outlierThreshold ?? 3.5,
    aggregate: p.aggregate ?? true,
    uncertainty: u
      ? {
          draws: u.draws ?? 1000,
          seed: u.seed ?? 1,
          weightConcentration: u.weightConcentration ?? 50,
          boundsFraction: u.boundsFraction ?? 0.1,
          alternativeWeightingShare: u.alternativeWeightingShare ?? 0.5,
          period: u.period ?? null,
        }
      : null,
  };
}

function checkAreas(areas: readonly TArea[], problems: TProblem[]): TArea[] {
  const seen = new Set<string>();
  const out: TArea[] = [];
  areas.forEach((a, k) => {
    const err = (message: string) => problems.push({ severity: "error", path: `areas[${k}]`, area: a.code, message });
    if (typeof a.code !== "string" || a.code === "") return err("area code must be a non-empty string");
    if (seen.has(a.code)) return err("duplicate area code");
    seen.add(a.code);
    if (a.population !== null && a.population !== undefined && !(Number.isFinite(a.population) && a.population >= 0))
      return err("population must be a finite number >= 0");
    if (a.peerValue !== null && a.peerValue !== undefined && !Number.isFinite(a.peerValue)) return err("peer value must be a finite number");
    if (a.parent === a.code) return err("an area cannot be its own parent");
    // keys in code-unit order and no undefined: JSON.stringify of these is their canonical JSON (see inputHash)
    out.push({ code: a.code, name: a.name ?? null, parent: a.parent || null, peerValue: a.peerValue ?? null, population: a.population ?? null });
  });
  return out.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
}

/**
 * The grid's memory, lent from run to run: 31 MB at national scale, which allocated
 * afresh for every run cost page faults and garbage collections (the collector runs on
 * the volume of buffers allocated). Safe because the engine is synchronous and no
 * result refers to the grid or the run's matrix made from it (scores, flags and travel
 * have buffers of their own). The module keeps the largest grid so far.
 */
let gridBuffer = new Float64Array(0);
function lendGrid(length: number): Float64Array {
  if (gridBuffer.length < length) gridBuffer = new Float64Array(length);
  return gridBuffer.subarray(0, length);
}

function inputHash(fw: TResolvedFramework, grid: TGrid, areas: TArea[], options: TResolvedOptions, sha256?: TSha256Factory): string {
  const h = createSha256(sha256);
  h.string("local-spi-input/1");
  h.string(canonicalJson(fw.definition));
  h.u32(grid.areaCodes.length);
  for (const a of grid.areaCodes) h.string(a);
  h.string(grid.periods.join(","));
  // cells in (area, period, indicator) order, the order the input hash has always used
  h.float64Rows(grid.raw, grid.nIndicators, grid.areaCodes.length * grid.periods.length);
  // = canonicalJson(areas) (checkAreas builds them so), without a generic writer that
  // V8 would compile twice over for 7,000 objects on a national run's first call
  h.string(JSON.stringify(areas));
  h.string(canonicalJson(options));
  return h.hex();
}

/**
 * Score a framework on observations (SPI-METHOD §2–§7). Pure and deterministic:
 * the same inputs give byte-identical JSON whatever the order of the observation
 * rows. Scores are 0–100 (higher is better) at full precision, null (with a reason)
 * when not computable. Problems in the inputs come back as data: `ok: false` when any
 * is an error, otherwise warnings ride along in `result.problems`.
 * With `resultLayout: "columnar"` scores and direction of travel come back as columns
 * (see TSpiColumnarResult); the default is the rows layout.
 */
export function scoreFramework(input: TScoreInput & { resultLayout: "columnar" }): TSpiColumnarOutcome;
export function scoreFramework(input: TScoreInput & { resultLayout?: "rows" }): TSpiOutcome;
export function scoreFramework(input: TScoreInput & { resultLayout?: TResultLayout }): TSpiOutcome | TSpiColumnarOutcome;
export function scoreFramework(input: TScoreInput & { resultLayout?: TResultLayout }): TSpiOutcome | TSpiColumnarOutcome {
  const outcome = scoreColumnar(input);
  if (!outcome.ok || input.resultLayout === "columnar") return outcome;
  return { ok: true, result: columnarToRows(outcome.result), problems: outcome.problems };
}

function scoreColumnar(input: TScoreInput): TSpiColumnarOutcome {
  const problems: TProblem[] = [];
  const v = validateFramework(input.framework);
  problems.push(...v.problems);
  const options = resolveOptions(input.options, problems);
  const areas = checkAreas(input.areas ?? [], problems);
  if (!v.ok || !options) return { ok: false, problems };
  const fw = v.framework;
  const cols = Array.isArray(input.observations)
    ? toColumns(input.observations as readonly TObservation[], problems)
    : (input.observations as TObservationColumns);
  const grid = buildGrid(fw, cols, problems, lendGrid);
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  const hash = inputHash(fw, grid, areas, options, input.sha256);
  // the raw grid is needed after this only by aggregation (already hashed)
  const run = computeRun(fw, grid, !options.aggregate);
  fw.indicators.forEach((ind, i) => {
    if (run.transformDropped[i] > 0)
      problems.push({ severity: "warning", indicator: ind.code, message: `${run.transformDropped[i]} value(s) outside the transform's domain treated as missing` });
  });
  run.weights.forEach((w, c) => {
    if (w.fallbackReason)
      problems.push({ severity: "warning", path: `components.${fw.components[c].code}`, message: `PCA weights not computable (${w.fallbackReason}); equal weights used` });
  });
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  // (problems is appended to in this order: scorecards, aggregation, uncertainty)
  const result: TSpiColumnarResult = {
    layout: "columnar",
    engineVersion: ENGINE_VERSION,
    frameworkId: fw.id,
    frameworkEdition: fw.edition,
    inputHash: hash,
    options: options as unknown as Record<string, unknown>,
    periods: grid.periods,
    areas: grid.areaCodes,
    weights: weightsMap(run),
    scores: buildScoreColumns(run),
    diagnostics: buildDiagnostics(run, options.outlierThreshold),
    travel: directionOfTravel(run, options.travelThreshold),
    strengthsWeaknesses: options.peers ? scorecards(run, areaByCode, options.peers, problems) : noScorecards(),
    aggregates: options.aggregate ? aggregateToParents(run, areas, problems) : [],
    uncertainty: options.uncertainty ? runUncertainty(run, options.uncertainty, problems) : null,
    problems,
  };
  return { ok: true, result, problems };
}
