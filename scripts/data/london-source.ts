/**
 * Reads the GLA Ward Atlas 2015 (../shared/data/london) into a small typed context for the
 * indicator definitions: values by column, period end years, and a ward population series.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { num, readRecords } from "./csv";

export type Obs = { area: string; period: number; value: number };
export type Ward = {
  code: string;
  name: string;
  ladCode: string;
  ladName: string;
};

export type AtlasContext = {
  wards: Ward[];
  /** Columns of an atlas indicator with the year each period is stamped with (its end year). */
  columns(
    indicator: string,
  ): Array<{ column: string; period: string; year: number }>;
  value(ward: string, column: string): number | null;
  /** Resident population (mid-year) of a ward in a year, or null outside 2001–2016. */
  population(ward: string, year: number): number | null;
  /** Year-by-year list of where each population figure came from. */
  populationSources: Array<[number, string]>;
};

export function loadAtlas(dir: string): AtlasContext {
  const atlas = readRecords(
    readFileSync(resolve(dir, "ward_atlas_2015_london.csv"), "utf8"),
  );
  const meta = readRecords(
    readFileSync(resolve(dir, "ward_atlas_2015_columns.csv"), "utf8"),
  );
  const wardRows = atlas.filter((r) => r.geography.startsWith("ward"));
  if (wardRows.length !== 625)
    throw new Error(`expected 625 London ward units, got ${wardRows.length}`);
  const byCode = new Map(wardRows.map((r) => [r.ward_code, r]));

  const cols = new Map<
    string,
    Array<{ column: string; period: string; year: number }>
  >();
  for (const m of meta) {
    const year = Number(m.period_end);
    if (!m.period_end || !Number.isInteger(year)) continue; // undated columns are not used
    const list = cols.get(m.indicator) ?? [];
    list.push({ column: m.column, period: m.period, year });
    cols.set(m.indicator, list);
  }

  const value = (ward: string, column: string): number | null => {
    const row = byCode.get(ward);
    if (!row) throw new Error(`unknown ward ${ward}`);
    if (!(column in row)) throw new Error(`unknown atlas column ${column}`);
    return num(row[column]);
  };

  // Mid-year estimates 2002–2013 (linear between the published years 2002, 2004, 2006,
  // 2008, 2010–2013), the GLA 2001 estimate, and GLA projections for 2014–2016.
  const known: Array<[number, string]> = [
    [2001, "pop_gla_est_proj__2001"],
    ...[2002, 2004, 2006, 2008, 2010, 2011, 2012, 2013].map(
      (y): [number, string] => [y, `pop_mye_all__${y}`],
    ),
    ...[2014, 2015, 2016].map((y): [number, string] => [
      y,
      `pop_gla_est_proj__${y}`,
    ]),
  ];
  const population = (ward: string, year: number): number | null => {
    const exact = known.find(([y]) => y === year);
    if (exact) return value(ward, exact[1]);
    const before = [...known].reverse().find(([y]) => y < year);
    const after = known.find(([y]) => y > year);
    if (!before || !after) return null;
    const a = value(ward, before[1]);
    const b = value(ward, after[1]);
    if (a === null || b === null) return null;
    return a + ((b - a) * (year - before[0])) / (after[0] - before[0]);
  };
  const sources: Array<[number, string]> = [
    [2001, "GLA 2001 estimate"],
    ...[2002, 2004, 2006, 2008, 2010, 2011, 2012, 2013].map(
      (y): [number, string] => [y, "ONS mid-year estimate"],
    ),
    ...[2003, 2005, 2007, 2009].map((y): [number, string] => [
      y,
      "linear between neighbouring mid-year estimates",
    ]),
    ...[2014, 2015, 2016].map((y): [number, string] => [
      y,
      "GLA ward projection (2014 round)",
    ]),
  ];
  const populationSources = sources.sort((p, q) => p[0] - q[0]);

  return {
    wards: wardRows.map((r) => ({
      code: r.ward_code,
      name: r.ward_name,
      ladCode: r.lad_code,
      ladName: r.lad_name,
    })),
    columns: (indicator) => {
      const list = cols.get(indicator);
      if (!list) throw new Error(`unknown atlas indicator ${indicator}`);
      return list;
    },
    value,
    population,
    populationSources,
  };
}

/** All dated values of an atlas indicator, stamped with the period's end year. */
export function series(
  ctx: AtlasContext,
  indicator: string,
  skipYears: number[] = [],
): Obs[] {
  const out: Obs[] = [];
  for (const c of ctx.columns(indicator)) {
    if (skipYears.includes(c.year)) continue;
    for (const w of ctx.wards) {
      const v = ctx.value(w.code, c.column);
      if (v !== null) out.push({ area: w.code, period: c.year, value: v });
    }
  }
  return out;
}

/** Count ÷ resident population of the period's (end) year × `per`. */
export function perPopulation(
  ctx: AtlasContext,
  counts: Obs[],
  per: number,
): Obs[] {
  const out: Obs[] = [];
  for (const o of counts) {
    const p = ctx.population(o.area, o.period);
    if (p !== null && p > 0) out.push({ ...o, value: (o.value / p) * per });
  }
  return out;
}

/** Pairs two series on (area, period) and combines them. */
export function combine(
  a: Obs[],
  b: Obs[],
  f: (x: number, y: number) => number | null,
): Obs[] {
  const key = (o: Obs) => `${o.area}|${o.period}`;
  const m = new Map(b.map((o) => [key(o), o.value]));
  const out: Obs[] = [];
  for (const o of a) {
    const y = m.get(key(o));
    if (y === undefined) continue;
    const v = f(o.value, y);
    if (v !== null && Number.isFinite(v)) out.push({ ...o, value: v });
  }
  return out;
}

/** Pooled percentile (nearest rank) of the values, rounded to 3 significant figures. */
export function percentile(obs: Obs[], p: number): number {
  const v = obs.map((o) => o.value).sort((x, y) => x - y);
  const q = v[Math.min(v.length - 1, Math.max(0, Math.ceil(p * v.length) - 1))];
  return Number(q.toPrecision(3));
}

/** Share of the central (p1–p99) range beyond which a tail counts as an outlier tail. */
export const OUTLIER_TAIL = 0.25;

/**
 * Winsorising steps for one indicator: always cap at p99 when `capP99`; otherwise floor at
 * p1 / cap at p99 only where the extreme lies more than OUTLIER_TAIL × (p99 − p1) beyond it.
 */
export function tailSteps(
  obs: Obs[],
  capP99: boolean,
): Array<{ floor: number } | { cap: number }> {
  const vals = obs.map((o) => o.value);
  const min = Math.min(...vals);
  const max = Math.max(...vals);
  const p1 = percentile(obs, 0.01);
  const p99 = percentile(obs, 0.99);
  const spread = p99 - p1;
  const steps: Array<{ floor: number } | { cap: number }> = [];
  if (!capP99 && p1 - min > OUTLIER_TAIL * spread) steps.push({ floor: p1 });
  if (capP99 || max - p99 > OUTLIER_TAIL * spread) steps.push({ cap: p99 });
  return steps;
}
