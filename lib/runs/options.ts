import { z } from "zod";

/**
 * Framework choices a council may override for one score run. Recorded on the run, so a
 * reviewer sees exactly what was chosen and a re-run reproduces it.
 */
export const ZRunOptions = z.object({
  /** "edition" keeps each component's weighting as published in the framework edition */
  weighting: z.enum(["edition", "equal", "pca"]).default("edition"),
  /** how many years back a missing value may be carried forward (SPI-METHOD §2 step 1) */
  carryForwardYears: z.coerce.number().int().min(0).max(5).default(2),
  /** strengths and weaknesses against the K wards closest on the peer covariate */
  peerGroupSize: z.coerce.number().int().min(3).max(50).default(15),
  /** Monte Carlo draws for the uncertainty of scores and ranks (0 = none) */
  uncertaintyDraws: z.coerce.number().int().min(0).max(5000).default(500),
});
export type TRunOptions = z.infer<typeof ZRunOptions>;

export const RUN_OPTION_LABELS: Record<keyof TRunOptions, string> = {
  weighting: "Weighting",
  carryForwardYears: "Carry-forward window (years)",
  peerGroupSize: "Peer group size",
  uncertaintyDraws: "Uncertainty draws",
};

/** The review screen's label for what chose the strengths/weaknesses peer groups (peerGroupBasis). */
export const PEER_BASIS_LABEL = "Peer groups chosen by";

/**
 * What chose the peer groups of a run's strengths and weaknesses, in words for the review screen.
 * The run records the description of the peer covariate as it stood when it ran (`peerCovariate`
 * in its options, from Council.peerCovariateLabel, lib/runs/execute.ts); without one, the
 * engine's scorecards say whether wards were compared with all the others (small councils) or
 * not at all (SPI-METHOD §5).
 */
export function peerGroupBasis(
  options: Record<string, unknown>,
  scorecards: ReadonlyArray<{ peerBasis: string }> | undefined,
): string {
  const label =
    typeof options.peerCovariate === "string"
      ? options.peerCovariate.trim()
      : "";
  if (label !== "") return label;
  const basis = scorecards?.[0]?.peerBasis;
  if (basis === "covariate")
    return "The wards' peer values (what they measure was not recorded with this run)";
  if (basis === "all-other-areas")
    return "None – each ward is compared with all the other wards";
  return "None – no peer comparison (no ward had a peer value)";
}

interface TFrameworkJson {
  carryForwardYears?: number;
  dimensions: Array<{ components: Array<{ weighting?: unknown }> }>;
  [k: string]: unknown;
}

/** The framework file with the run's overrides applied (a copy; the edition is not changed). */
export function applyRunOptions<T extends TFrameworkJson>(
  framework: T,
  options: TRunOptions,
): T {
  const copy = structuredClone(framework);
  copy.carryForwardYears = options.carryForwardYears;
  if (options.weighting !== "edition") {
    for (const d of copy.dimensions)
      for (const c of d.components) c.weighting = options.weighting;
  }
  return copy;
}

/** The first year whose observations a run needs: its first period less the carry-forward window. */
export function firstObservationYear(
  periods: readonly number[],
  options: TRunOptions,
): number {
  return Math.min(...periods) - options.carryForwardYears;
}
