import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { validateWardGeoJson } from "@/lib/geo/validate-geojson";

export const ZOnboardCouncil = z.object({
  name: z.string().trim().min(3, "Enter the council's name").max(120),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, numbers and single hyphens, like barking-and-dagenham")
    .min(3)
    .max(60),
  laCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[EWSN]\d{8}$/, "Enter a GSS local-authority code: a letter and 8 digits, like E09000002"),
  boundaryVintage: z.string().trim().regex(/^(19|20)\d{2}$/, "Enter the year of the ward boundaries, like 2022"),
});
export type TOnboardCouncil = z.infer<typeof ZOnboardCouncil>;

const MAX_LISTED_PROBLEMS = 20;

/**
 * Create a council with its borough and wards from a GeoJSON FeatureCollection of ward
 * boundaries (WGS84, GSS codes). The file is validated first; nothing is written unless every
 * ward is valid, and everything is written in one transaction with its audit entry.
 */
export async function onboardCouncil(
  db: PrismaClient,
  actor: { id: string | null; requestId?: string },
  input: TOnboardCouncil & { geojson: unknown },
) {
  const checked = validateWardGeoJson(input.geojson, { expectedPrefix: "E05" });
  if (!checked.ok) {
    const lines = checked.problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => p.message);
    if (checked.problems.length > MAX_LISTED_PROBLEMS) lines.push(`…and ${checked.problems.length - MAX_LISTED_PROBLEMS} more problems`);
    throw new AppError("VALIDATION", "The ward boundaries file has problems; nothing was created", { fieldErrors: { geojson: lines } });
  }
  const clash = await db.council.findFirst({
    where: { OR: [{ slug: input.slug }, { laCode: input.laCode }] },
    select: { slug: true, laCode: true },
  });
  if (clash) {
    const fieldErrors: Record<string, string[]> = {};
    if (clash.slug === input.slug) fieldErrors.slug = ["Another council already uses this web address"];
    if (clash.laCode === input.laCode) fieldErrors.laCode = ["This local-authority code is already onboarded"];
    throw new AppError("CONFLICT", "That council is already onboarded", { fieldErrors });
  }
  return db.$transaction(async (tx) => {
    const council = await tx.council.create({
      data: { name: input.name, slug: input.slug, laCode: input.laCode, boundaryVintage: input.boundaryVintage },
    });
    const borough = await tx.area.create({
      data: { councilId: council.id, code: input.laCode, name: input.name, kind: "borough", vintage: input.boundaryVintage },
    });
    await tx.area.createMany({
      data: checked.wards.map((w) => ({
        councilId: council.id,
        code: w.code,
        name: w.name,
        kind: "ward" as const,
        vintage: input.boundaryVintage,
        parentId: borough.id,
        geometry: w.geometry as object,
      })),
    });
    await recordAudit(tx, {
      councilId: council.id,
      actorId: actor.id,
      action: "council.onboarded",
      entityType: "Council",
      entityId: council.id,
      afterId: council.id,
      data: { name: input.name, laCode: input.laCode, boundaryVintage: input.boundaryVintage, wards: checked.wards.length },
      requestId: actor.requestId,
    });
    return { councilId: council.id, slug: council.slug, wards: checked.wards.length };
  });
}

/**
 * Load ward (and borough) populations for a council: rows whose area code is not one of the
 * council's areas are ignored and counted. Idempotent: figures already held for an area and
 * year are kept (one insert, skipping duplicates).
 */
export async function loadPopulations(
  db: PrismaClient,
  councilId: string,
  rows: Array<{ areaCode: string; year: number; population: number; source: string }>,
) {
  const areas = await db.area.findMany({ where: { councilId }, select: { id: true, code: true } });
  const byCode = new Map(areas.map((a) => [a.code, a.id]));
  const data = rows.flatMap((r) => {
    const areaId = byCode.get(r.areaCode);
    return areaId ? [{ councilId, areaId, year: r.year, population: r.population, source: r.source }] : [];
  });
  const { count } = await db.areaPopulation.createMany({ data, skipDuplicates: true });
  return { loaded: count, ignored: rows.length - data.length };
}
