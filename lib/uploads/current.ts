import type { TScopedClient, TScopedTx } from "@/lib/db/scoped";

export interface TCurrentObservation {
  area: string;
  indicator: string;
  period: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  lowerCi: number | null;
  upperCi: number | null;
  note: string | null;
  /** The dataset the value comes from */
  datasetId: string;
}

/**
 * The council's current data for a framework edition.
 *
 * Loads never overwrite: every dataset keeps its observations, so history and the source of
 * every value survive. The current value of a cell (area, indicator, period) is the one from the
 * newest dataset (by load time, then id) that holds that cell, even when that value is null
 * ("missing" supersedes an older figure, as the newer file said). A cell no dataset holds is absent.
 *
 * Sorted by indicator, area, period, so results are stable for hashing and diffs.
 */
export async function findCurrentObservations(
  db: TScopedClient | TScopedTx,
  frameworkEditionId: string,
  options: { periods?: number[] } = {},
): Promise<TCurrentObservation[]> {
  const datasets = await (db as TScopedClient).dataset.findMany({
    where: { frameworkEditionId },
    select: { id: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (datasets.length === 0) return [];
  const rank = new Map(datasets.map((d, i) => [d.id, i]));
  const rows = await (db as TScopedClient).observation.findMany({
    where: { datasetId: { in: datasets.map((d) => d.id) }, ...(options.periods ? { period: { in: options.periods } } : {}) },
    select: {
      datasetId: true,
      areaCode: true,
      indicatorCode: true,
      period: true,
      value: true,
      numerator: true,
      denominator: true,
      lowerCi: true,
      upperCi: true,
      note: true,
    },
  });
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.areaCode}\u0000${r.indicatorCode}\u0000${r.period}`;
    const seen = best.get(key);
    if (!seen || rank.get(r.datasetId)! < rank.get(seen.datasetId)!) best.set(key, r);
  }
  return [...best.values()]
    .map((r) => ({
      area: r.areaCode,
      indicator: r.indicatorCode,
      period: r.period,
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      lowerCi: r.lowerCi,
      upperCi: r.upperCi,
      note: r.note,
      datasetId: r.datasetId,
    }))
    .sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.area < b.area ? -1 : a.area > b.area ? 1 : a.period - b.period));
}
