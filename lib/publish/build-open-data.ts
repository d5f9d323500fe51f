/**
 * Builders of a release's open-data files. PURE: plain data in, strings out, so they are unit
 * tested without a database and produce byte-identical files for the same release.
 */
import type { TSpiResult } from "@/lib/spi";
import { toCsv, type TCsvValue } from "./csv";
import { frameworkIndicators, type TPublicFramework } from "./framework";
import { INDICATOR_VALUES_SCHEMA, SCORES_SCHEMA } from "./schemas";

export interface TOpenDataInput {
  council: { slug: string; name: string; laCode: string };
  release: { version: number; title: string; publishAt: Date; supersedesVersion: number | null };
  edition: { code: string; edition: string; name: string; definition: TPublicFramework };
  result: TSpiResult;
  wards: Array<{ code: string; name: string; geometry: unknown; population?: number | null }>;
  /** the raw values the run used (lib/publish/run-observations.ts) */
  observations: Array<{ area: string; indicator: string; period: number; value: number | null }>;
}

const header = (s: { fields: Array<{ name: string }> }) => s.fields.map((f) => f.name);
const round = (v: number | null | undefined, dp = 4) => (v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toFixed(dp)));

/** Tidy scores: one row per ward, year, level and code (index, dimensions, components). */
export function buildScoresCsv(input: TOpenDataInput): string {
  const names = new Map(input.wards.map((w) => [w.code, w.name]));
  const dims = input.edition.definition.dimensions;
  const rows: Array<Record<string, TCsvValue>> = [];
  const sorted = [...input.result.scores].sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : a.period - b.period));
  for (const r of sorted) {
    const base = { area: r.area, area_name: names.get(r.area) ?? "", period: r.period };
    rows.push({ ...base, level: "index", code: "index", score: round(r.index), rank: r.ranks.index });
    for (const d of dims) {
      rows.push({ ...base, level: "dimension", code: d.code, score: round(r.dimensions[d.code]), rank: r.ranks.dimensions[d.code] ?? null });
      for (const c of d.components) rows.push({ ...base, level: "component", code: c.code, score: round(r.components[c.code]), rank: r.ranks.components[c.code] ?? null });
    }
  }
  return toCsv(header(SCORES_SCHEMA), rows);
}

/** Indicator values: one row per ward, indicator and year scored, with the raw value and score. */
export function buildIndicatorValuesCsv(input: TOpenDataInput): string {
  const names = new Map(input.wards.map((w) => [w.code, w.name]));
  const raw = new Map(input.observations.map((o) => [`${o.area}|${o.indicator}|${o.period}`, o.value]));
  const inds = frameworkIndicators(input.edition.definition);
  const rows: Array<Record<string, TCsvValue>> = [];
  const sorted = [...input.result.scores].sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : a.period - b.period));
  for (const r of sorted) {
    for (const i of inds) {
      rows.push({
        area: r.area,
        area_name: names.get(r.area) ?? "",
        indicator: i.code,
        period: r.period,
        value: raw.get(`${r.area}|${i.code}|${r.period}`) ?? null,
        unit: i.unit ?? "",
        score: round(r.indicators[i.code]),
        flags: (r.flags[i.code] ?? []).join(";"),
      });
    }
  }
  return toCsv(header(INDICATOR_VALUES_SCHEMA), rows);
}

/** The engine's result exactly as published, with the release it belongs to. */
export function buildResultJson(input: TOpenDataInput): string {
  return JSON.stringify(
    {
      council: input.council,
      release: { version: input.release.version, title: input.release.title, publishAt: input.release.publishAt.toISOString() },
      framework: { code: input.edition.code, edition: input.edition.edition, name: input.edition.name },
      result: input.result,
    },
    null,
    1,
  );
}

/** Wards as a GeoJSON FeatureCollection (WGS84) with every score of the release's latest year. */
export function buildGeoJson(input: TOpenDataInput): string {
  const period = Math.max(...input.result.periods);
  const rows = new Map(input.result.scores.filter((r) => r.period === period).map((r) => [r.area, r]));
  const features = input.wards
    .filter((w) => w.geometry && input.result.areas.includes(w.code))
    .map((w) => {
      const r = rows.get(w.code);
      const props: Record<string, string | number | null> = { code: w.code, name: w.name, period, index: round(r?.index), index_rank: r?.ranks.index ?? null };
      for (const [k, v] of Object.entries(r?.dimensions ?? {})) props[k] = round(v);
      for (const [k, v] of Object.entries(r?.components ?? {})) props[k] = round(v);
      return { type: "Feature" as const, id: w.code, properties: props, geometry: w.geometry };
    });
  return JSON.stringify({ type: "FeatureCollection", name: `${input.council.slug}-release-${input.release.version}`, features });
}
