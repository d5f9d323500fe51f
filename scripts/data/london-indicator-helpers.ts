/**
 * Types and derivation helpers for the "London wards 2015" indicator definitions.
 */
import {
  combine,
  perPopulation,
  series,
  type AtlasContext,
  type Obs,
} from "./london-source";

export type IndicatorDef = {
  code: string;
  name: string;
  unit: string;
  direction: 1 | -1;
  /** Plain-English source: atlas column(s) and any derivation. */
  source: string;
  /** Cap at the pooled London 99th percentile (rates whose tail is driven by non-residents). */
  capP99?: boolean;
  /** Plausible range of raw values; the build fails if any value falls outside. */
  plausible: [number, number];
  derive: (ctx: AtlasContext) => Obs[];
  note?: string;
};
export type ComponentDef = {
  code: string;
  name: string;
  indicators: IndicatorDef[];
};
export type DimensionDef = {
  code: string;
  name: string;
  components: ComponentDef[];
};

export const atlas =
  (col: string, skip: number[] = []) =>
  (ctx: AtlasContext) =>
    series(ctx, col, skip);
export const per = (cols: string[], k: number) => (ctx: AtlasContext) => {
  const [first, ...rest] = cols.map((c) => series(ctx, c));
  const total = rest.reduce(
    (acc, s) => combine(acc, s, (x, y) => x + y),
    first,
  );
  return perPopulation(ctx, total, k);
};
