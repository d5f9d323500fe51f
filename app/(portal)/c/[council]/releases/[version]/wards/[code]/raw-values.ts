import "server-only";
import type { TScopedClient } from "@/lib/db/scoped";

/**
 * The values one ward had in the datasets a run used (not today's data, which may have been
 * reloaded since): period → indicator → value. Where two of those datasets hold the same cell,
 * the newer one wins, as in lib/uploads/current.ts.
 */
export async function loadRawValues(db: TScopedClient, datasetIds: string[], areaCode: string): Promise<Map<number, Record<string, number | null>>> {
  const out = new Map<number, Record<string, number | null>>();
  if (datasetIds.length === 0) return out;
  const datasets = await db.dataset.findMany({ where: { id: { in: datasetIds } }, select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const order = new Map(datasets.map((d, i) => [d.id, i]));
  const rows = await db.observation.findMany({ where: { datasetId: { in: datasetIds }, areaCode }, select: { datasetId: true, indicatorCode: true, period: true, value: true } });
  rows.sort((a, b) => (order.get(a.datasetId) ?? 0) - (order.get(b.datasetId) ?? 0));
  for (const r of rows) {
    const p = out.get(r.period) ?? {};
    p[r.indicatorCode] = r.value;
    out.set(r.period, p);
  }
  return out;
}
