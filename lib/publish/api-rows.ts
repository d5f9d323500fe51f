/**
 * The rows the public API serves, derived from a published release. Pure: the API handlers and
 * tests call these with plain data.
 */
import type { TOpenDataInput } from "./build-open-data";
import { frameworkIndicators } from "./framework";

export interface TScoreApiRow {
  area: string;
  areaName: string | null;
  period: number;
  level: "index" | "dimension" | "component";
  code: string;
  score: number | null;
  rank: number | null;
}

export interface TIndicatorApiRow {
  area: string;
  areaName: string | null;
  indicator: string;
  period: number;
  value: number | null;
  unit: string | null;
  score: number | null;
  flags: string[];
}

type TInput = Pick<TOpenDataInput, "edition" | "result" | "wards">;

/** Every score of the release as tidy rows, ordered by area, period, then framework order. */
export function scoreRows(input: TInput): TScoreApiRow[] {
  const names = new Map(input.wards.map((w) => [w.code, w.name]));
  const out: TScoreApiRow[] = [];
  const sorted = [...input.result.scores].sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : a.period - b.period));
  for (const r of sorted) {
    const base = { area: r.area, areaName: names.get(r.area) ?? null, period: r.period };
    out.push({ ...base, level: "index", code: "index", score: r.index, rank: r.ranks.index });
    for (const d of input.edition.definition.dimensions) {
      out.push({ ...base, level: "dimension", code: d.code, score: r.dimensions[d.code] ?? null, rank: r.ranks.dimensions[d.code] ?? null });
      for (const c of d.components) out.push({ ...base, level: "component", code: c.code, score: r.components[c.code] ?? null, rank: r.ranks.components[c.code] ?? null });
    }
  }
  return out;
}

/** Every indicator value and score of the release, ordered by area, period, then framework order. */
export function indicatorRows(input: TInput & Pick<TOpenDataInput, "observations">): TIndicatorApiRow[] {
  const names = new Map(input.wards.map((w) => [w.code, w.name]));
  const raw = new Map(input.observations.map((o) => [`${o.area}|${o.indicator}|${o.period}`, o.value]));
  const inds = frameworkIndicators(input.edition.definition);
  const sorted = [...input.result.scores].sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : a.period - b.period));
  return sorted.flatMap((r) =>
    inds.map((i) => ({
      area: r.area,
      areaName: names.get(r.area) ?? null,
      indicator: i.code,
      period: r.period,
      value: raw.get(`${r.area}|${i.code}|${r.period}`) ?? null,
      unit: i.unit ?? null,
      score: r.indicators[i.code] ?? null,
      flags: r.flags[i.code] ?? [],
    })),
  );
}

/** Keep the rows whose fields equal every filter. */
export function applyFilters<T extends object>(rows: T[], filters: Record<string, string | number>): T[] {
  const entries = Object.entries(filters);
  return entries.length === 0 ? rows : rows.filter((r) => entries.every(([k, v]) => (r as Record<string, unknown>)[k] === v));
}
