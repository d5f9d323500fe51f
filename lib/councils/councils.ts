import "server-only";
import { prisma } from "@/lib/db/client";
import type { TScopedClient } from "@/lib/db/scoped";
import type { TRole } from "@/lib/auth/permissions";

/** The councils a user belongs to (the council switcher). Filtered by the user's own id. */
export async function findMyCouncils(userId: string) {
  const rows = await prisma.membership.findMany({
    where: { userId },
    select: { roles: true, council: { select: { slug: true, name: true, laCode: true } } },
    orderBy: { council: { name: "asc" } },
  });
  return rows.map((r) => ({ ...r.council, roles: r.roles as TRole[] }));
}

export interface TWardRow {
  id: string;
  code: string;
  name: string;
  population: number | null;
  populationYear: number | null;
  geometry: unknown;
}

/**
 * The council's wards in its current boundary vintage, each with its latest population up to
 * `asOfYear` (default: this year), so far-future projections are not shown as today's figures.
 */
export async function findWards(db: TScopedClient, vintage: string, asOfYear = new Date().getFullYear()): Promise<TWardRow[]> {
  const areas = await db.area.findMany({
    where: { kind: "ward", vintage },
    select: {
      id: true,
      code: true,
      name: true,
      geometry: true,
      populations: { where: { year: { lte: asOfYear } }, orderBy: { year: "desc" }, take: 1, select: { year: true, population: true } },
    },
    orderBy: { name: "asc" },
  });
  return areas.map((a) => ({
    id: a.id,
    code: a.code,
    name: a.name,
    geometry: a.geometry,
    population: a.populations[0]?.population ?? null,
    populationYear: a.populations[0]?.year ?? null,
  }));
}
