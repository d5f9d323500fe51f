/**
 * Regional aggregates (SPI-METHOD §6) across member councils' published releases. Pure: the
 * caller passes the releases; nothing here reads the database.
 *
 * - Score aggregation: S_R = Σ P_w·S_w / Σ P_w over every member ward's PUBLISHED score, for the
 *   index and each dimension; null unless every ward has that score (the engine's rule: a partial
 *   mean would be biased).
 * - Indicator aggregation: the engine's own (lib/spi aggregateToParents via scoreFramework): the
 *   member wards' raw values pooled, each indicator's population-weighted mean, then scored with
 *   the framework edition's bounds and weights. Only possible when members share an edition.
 */
import { scoreFramework, type TAggregateRow, type TArea, type TObservation, type TScoreRow } from "@/lib/spi";

export interface TRegionMemberInput {
  council: { slug: string; name: string };
  releaseVersion: number;
  edition: { code: string; edition: string; definition: unknown };
  periods: number[];
  scores: TScoreRow[];
  wards: Array<{ code: string; name: string; population: number | null }>;
  /** the raw values the release's run used (only needed for indicator aggregation) */
  observations: TObservation[];
}

export interface TAggregate {
  method: "score" | "indicator";
  /** plain-English label of the method, shown next to every figure */
  label: string;
  index: number | null;
  dimensions: Record<string, number | null>;
  population: number;
  wards: number;
  /** why a figure is missing, if it is */
  note: string | null;
}

export const METHOD_LABELS = {
  score: "Score aggregation: population-weighted mean of the member wards' published scores (Σ P·S / Σ P)",
  indicator: "Indicator aggregation: population-weighted mean of each indicator over the member wards, then scored with the framework edition's bounds and weights",
} as const;

/** The latest period every member has published scores for, or null. */
export function commonPeriod(members: readonly Pick<TRegionMemberInput, "periods">[]): number | null {
  if (members.length === 0) return null;
  const shared = members[0].periods.filter((p) => members.every((m) => m.periods.includes(p)));
  return shared.length ? Math.max(...shared) : null;
}

/** Population-weighted mean of one score over wards; null unless every ward has it and a population. */
function weighted(rows: Array<{ pop: number | null; v: number | null | undefined }>): number | null {
  let s = 0, w = 0;
  for (const r of rows) {
    if (r.pop === null || !(r.pop > 0) || typeof r.v !== "number" || !Number.isFinite(r.v)) return null;
    s += r.pop * r.v;
    w += r.pop;
  }
  return w > 0 ? s / w : null;
}

/** §6 score aggregation over the given members' wards in `period` (a council alone or a region). */
export function scoreAggregate(members: readonly TRegionMemberInput[], period: number, dimensionCodes: readonly string[]): TAggregate {
  const rows = members.flatMap((m) => {
    const byArea = new Map(m.scores.filter((s) => s.period === period).map((s) => [s.area, s]));
    return m.wards.map((w) => ({ pop: w.population, row: byArea.get(w.code) }));
  });
  const index = weighted(rows.map((r) => ({ pop: r.pop, v: r.row?.index })));
  const dimensions: Record<string, number | null> = {};
  for (const d of dimensionCodes) dimensions[d] = weighted(rows.map((r) => ({ pop: r.pop, v: r.row?.dimensions[d] })));
  return {
    method: "score",
    label: METHOD_LABELS.score,
    index,
    dimensions,
    population: rows.reduce((s, r) => s + (r.pop ?? 0), 0),
    wards: rows.length,
    note: index === null ? "At least one member ward has no index or no population, so the mean would be biased." : null,
  };
}

/** §6 indicator aggregation through the engine, with the region as every ward's parent. */
export function indicatorAggregate(regionCode: string, members: readonly TRegionMemberInput[], period: number, dimensionCodes: readonly string[]): TAggregate {
  const empty = (note: string): TAggregate => ({ method: "indicator", label: METHOD_LABELS.indicator, index: null, dimensions: Object.fromEntries(dimensionCodes.map((d) => [d, null])), population: 0, wards: 0, note });
  const ed = members[0]?.edition;
  if (!ed) return empty("No members.");
  if (members.some((m) => m.edition.code !== ed.code || m.edition.edition !== ed.edition)) {
    return empty("Members use different framework editions, so their indicators cannot be pooled.");
  }
  const areas: TArea[] = members.flatMap((m) => m.wards.map((w) => ({ code: w.code, name: w.name, parent: regionCode, population: w.population })));
  const codes = new Set(areas.map((a) => a.code));
  const observations = members.flatMap((m) => m.observations).filter((o) => codes.has(o.area) && o.period <= period);
  const outcome = scoreFramework({ framework: ed.definition, observations, areas, options: { peers: false, aggregate: true } });
  if (!outcome.ok) return empty(`The engine could not pool the members' data: ${outcome.problems[0]?.message ?? "unknown problem"}`);
  const row: TAggregateRow | undefined = outcome.result.aggregates.find((a) => a.method === "indicator" && a.area === regionCode && a.period === period);
  if (!row) return empty(`No pooled values for ${period}.`);
  return {
    method: "indicator",
    label: METHOD_LABELS.indicator,
    index: row.index,
    dimensions: Object.fromEntries(dimensionCodes.map((d) => [d, row.dimensions[d] ?? null])),
    population: row.population,
    wards: row.members,
    note: row.index === null ? (row.reasons.index ?? "No index for the pooled values.") : null,
  };
}
