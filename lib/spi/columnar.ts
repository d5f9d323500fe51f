import { scoreRowsFromColumns } from "./output";
import { scorecardRowsFromColumns } from "./peers";
import type { TSpiColumnarResult, TSpiResult } from "./result-types";
import { travelRowsFromColumns } from "./travel";

/**
 * The rows layout of a columnar result: equal (field for field, in the same key
 * order, so JSON.stringify gives the same bytes) to what scoreFramework returns
 * without `resultLayout: "columnar"`. Builds one object per area × period.
 */
export function columnarToRows(c: TSpiColumnarResult): TSpiResult {
  return {
    engineVersion: c.engineVersion,
    frameworkId: c.frameworkId,
    frameworkEdition: c.frameworkEdition,
    inputHash: c.inputHash,
    options: c.options,
    periods: c.periods,
    areas: c.areas,
    weights: c.weights,
    scores: scoreRowsFromColumns(c.scores, c.areas, c.periods),
    diagnostics: c.diagnostics,
    travel: travelRowsFromColumns(c.travel, c.areas),
    strengthsWeaknesses: scorecardRowsFromColumns(c.strengthsWeaknesses, c.areas),
    aggregates: c.aggregates,
    uncertainty: c.uncertainty,
    problems: c.problems,
  };
}
