/**
 * The business case on /pricing, as stated ASSUMPTIONS rather than facts: we do not know what
 * the 2018 Barking & Dagenham index cost, so the page shows a transparent estimate of what a
 * council would spend building and refreshing a bespoke ward index in-house, from day counts
 * and a day rate a council can replace with its own.
 */
export const BUSINESS_CASE_ASSUMPTIONS = {
  /** analyst days to build a first bespoke ward index: indicator search, data collection, method, checks, write-up */
  buildAnalystDays: 80,
  /** days to refresh it each year: new data, re-score, re-publish */
  refreshAnalystDays: 25,
  /** blended day rate of an analyst (in-house with on-costs, or a contractor), pence */
  dayRatePence: 500_00,
  /** years over which the comparison is made */
  years: 3,
} as const;

/** In-house cost over the comparison period, pence: build once, then refresh in later years. */
export function inHouseCostPence(a: { buildAnalystDays: number; refreshAnalystDays: number; dayRatePence: number; years: number } = BUSINESS_CASE_ASSUMPTIONS): { buildPence: number; refreshPence: number; totalPence: number } {
  const buildPence = a.buildAnalystDays * a.dayRatePence;
  const refreshPence = a.refreshAnalystDays * a.dayRatePence;
  return { buildPence, refreshPence, totalPence: buildPence + refreshPence * Math.max(a.years - 1, 0) };
}
