import type { TResolvedFramework } from "../spi/framework";
import type { TArea } from "../spi/types";
import type { TIngestArea, TIngestContext } from "./types";

/*
 * Building an ingest context from the engine's own inputs (a resolved framework and an
 * areas list). The CLI uses it; the web path builds its context from the database.
 */

/**
 * `areas` are the council's wards (one boundary vintage, `vintage`); `otherAreas` other
 * councils' wards for friendlier messages. Components and carry-forward come from the
 * framework so coverage says what the engine will really do.
 */
export function contextFromFramework(
  fw: TResolvedFramework,
  areas: TArea[],
  opts: { periodRange: { min: number; max: number }; vintage?: string; period?: number; otherAreas?: Array<TIngestArea & { councilName: string }> },
): TIngestContext {
  const vintage = opts.vintage ?? "current";
  const maxMissing = Math.min(...fw.components.map((c) => c.maxMissing));
  return {
    indicators: fw.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit ?? "", direction: i.direction as 1 | -1, utopia: i.utopia, dystopia: i.dystopia, component: fw.components[i.component].code })),
    periodRange: opts.periodRange,
    areas: areas.map((a) => ({ code: a.code, name: a.name ?? a.code, vintage })),
    otherAreas: opts.otherAreas,
    period: opts.period,
    carryForwardYears: fw.carryForwardYears,
    maxMissing: Number.isFinite(maxMissing) ? maxMissing : 1,
  };
}
