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

interface TFrameworkJson {
  carryForwardYears?: number;
  dimensions: Array<{ components: Array<{ weighting?: unknown }> }>;
  [k: string]: unknown;
}

/** The framework file with the run's overrides applied (a copy; the edition is not changed). */
export function applyRunOptions<T extends TFrameworkJson>(framework: T, options: TRunOptions): T {
  const copy = structuredClone(framework);
  copy.carryForwardYears = options.carryForwardYears;
  if (options.weighting !== "edition") {
    for (const d of copy.dimensions) for (const c of d.components) c.weighting = options.weighting;
  }
  return copy;
}

/** The first year whose observations a run needs: its first period less the carry-forward window. */
export function firstObservationYear(periods: readonly number[], options: TRunOptions): number {
  return Math.min(...periods) - options.carryForwardYears;
}
