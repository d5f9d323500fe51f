import "server-only";
import { prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getPublishedRelease, type TPublicRelease } from "@/lib/publish/public-release";
import { findRunObservations } from "@/lib/publish/run-observations";
import type { TRegionMemberInput } from "./aggregate";

export interface TRegionMember extends TRegionMemberInput {
  release: TPublicRelease;
}

/** A region by slug (platform-level, public), or null. */
export async function findRegion(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return prisma.region.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
}

/**
 * The region's members at `now`: councils whose consent is given and not revoked (read live, so a
 * revocation takes effect on the next request), each with its LATEST PUBLISHED release — only
 * getPublishedRelease is asked, so drafts, releases under review and embargoed ones are never
 * used. A consenting council with nothing published yet is listed in `pending`.
 */
export async function findRegionMembers(regionId: string, now: Date): Promise<{ members: TRegionMember[]; pending: Array<{ slug: string; name: string }> }> {
  const consents = await prisma.regionConsent.findMany({
    where: { regionId, consentedAt: { not: null }, revokedAt: null },
    select: { council: { select: { slug: true, name: true } } },
    orderBy: { council: { name: "asc" } },
  });
  const members: TRegionMember[] = [];
  const pending: Array<{ slug: string; name: string }> = [];
  for (const { council } of consents) {
    let release: TPublicRelease;
    try {
      release = await getPublishedRelease(council.slug, "latest", now);
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") {
        pending.push(council);
        continue;
      }
      throw e;
    }
    members.push({
      release,
      council,
      releaseVersion: release.release.version,
      edition: release.edition,
      periods: release.result.periods,
      scores: release.result.scores,
      wards: release.wards.map((w) => ({ code: w.code, name: w.name, population: w.population })),
      observations: await findRunObservations(release),
    });
  }
  return { members, pending };
}
