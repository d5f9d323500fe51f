import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TIngestContext } from "@/lib/ingest/types";
import { editionEngineSettings, editionIndicators, getFrameworkEdition } from "./framework";
import { findCurrentObservations } from "./current";
import type { TUploadCtx } from "./types";

/**
 * Other councils' areas (code, name, vintage and the council's name), so the validator can say
 * "that is a Havering ward" instead of "unknown code". These are public ONS codes and names; this
 * is the one deliberate cross-council read of the upload feature, so it takes the raw client
 * explicitly and selects nothing else.
 */
export async function findOtherCouncilAreas(raw: PrismaClient, councilId: string) {
  const rows = await raw.area.findMany({
    where: { councilId: { not: councilId }, kind: "ward" },
    select: { code: true, name: true, vintage: true, council: { select: { name: true } } },
  });
  return rows.map((r) => ({ code: r.code, name: r.name, vintage: r.vintage, councilName: r.council.name }));
}

/**
 * The validator's view of the council and edition: the edition's indicators and engine settings,
 * the chosen periods (as the accepted range), the council's wards, other councils' wards, and the
 * council's current observations for the edition (for plausibility checks and coverage).
 */
export async function buildIngestContext(
  ctx: TUploadCtx,
  upload: { frameworkEditionId: string; format: "long" | "wide"; periods: number[] },
  raw: PrismaClient | null,
): Promise<TIngestContext> {
  const edition = await getFrameworkEdition(ctx.db, upload.frameworkEditionId);
  const areas = await ctx.db.area.findMany({ where: { kind: "ward" }, select: { code: true, name: true, vintage: true }, orderBy: { code: "asc" } });
  const chosen = upload.periods.length > 0 ? upload.periods : [edition.periodMin, edition.periodMax];
  const previous = (await findCurrentObservations(ctx.db, edition.id))
    .filter((o): o is typeof o & { value: number } => o.value !== null)
    .map((o) => ({ area: o.area, indicator: o.indicator, period: o.period, value: o.value }));
  return {
    indicators: editionIndicators(edition.definition),
    periodRange: { min: Math.max(edition.periodMin, Math.min(...chosen)), max: Math.min(edition.periodMax, Math.max(...chosen)) },
    areas,
    otherAreas: raw ? await findOtherCouncilAreas(raw, ctx.council.id) : undefined,
    previous,
    period: upload.format === "wide" ? chosen[0] : undefined,
    councilName: ctx.council.name,
    ...editionEngineSettings(edition.definition),
  };
}
