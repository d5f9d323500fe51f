import "server-only";
import { prisma } from "@/lib/db/client";
import type { TPublicRelease } from "./public-release";

export interface TRunObservation {
  area: string;
  indicator: string;
  period: number;
  value: number | null;
}

/**
 * The raw values a published release's score run used: exactly the observations of the run's
 * datasets (not today's data, which may have been reloaded since). Where two of those datasets
 * hold the same cell, the newer dataset wins, as in lib/uploads/current.ts.
 *
 * Takes a TPublicRelease (which only lib/publish/public-release.ts can produce for a public or
 * previewable release), and filters by its councilId explicitly: platform-level, read-only.
 */
export async function findRunObservations(release: Pick<TPublicRelease, "council" | "run">, filter: { area?: string } = {}): Promise<TRunObservation[]> {
  const ids = release.run.datasetIds;
  if (ids.length === 0) return [];
  const datasets = await prisma.dataset.findMany({
    where: { councilId: release.council.id, id: { in: ids } },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const order = new Map(datasets.map((d, i) => [d.id, i]));
  const rows = await prisma.observation.findMany({
    where: { councilId: release.council.id, datasetId: { in: ids }, ...(filter.area ? { areaCode: filter.area } : {}) },
    select: { datasetId: true, areaCode: true, indicatorCode: true, period: true, value: true },
  });
  rows.sort((a, b) => (order.get(a.datasetId) ?? 0) - (order.get(b.datasetId) ?? 0));
  const best = new Map<string, TRunObservation>();
  for (const r of rows) best.set(`${r.areaCode}\u0000${r.indicatorCode}\u0000${r.period}`, { area: r.areaCode, indicator: r.indicatorCode, period: r.period, value: r.value });
  return [...best.values()].sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.period - b.period));
}

/** period → indicator → value, for one ward's page. */
export function byPeriod(obs: TRunObservation[]): Map<number, Record<string, number | null>> {
  const out = new Map<number, Record<string, number | null>>();
  for (const o of obs) {
    const p = out.get(o.period) ?? {};
    p[o.indicator] = o.value;
    out.set(o.period, p);
  }
  return out;
}
