import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db/client";
import type { TScopedClient } from "@/lib/db/scoped";
import { AppError, notFound } from "@/lib/errors";

/*
 * Regions and consent. Operators (platform level) create regions and invite councils through the
 * raw client; a council's admin answers through the council-scoped client (settings:manage), so a
 * council can only ever see or change its own invitations. Every change is audited in the same
 * transaction.
 */

export const ZRegionForm = z.object({
  name: z.string().trim().min(3, "Enter the region's name").max(120),
  slug: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and hyphens").max(80),
  description: z.string().trim().max(1000).optional().transform((v) => v || null),
});

export const ZInviteForm = z.object({ regionId: z.string().min(1), councilSlug: z.string().min(1) });
export const ZConsentForm = z.object({ regionId: z.string().min(1) });

type TActor = { id: string };

/** Create a region (operators). Slug conflicts are a VALIDATION error on the slug field. */
export async function createRegion(actor: TActor, requestId: string | null, input: z.output<typeof ZRegionForm>) {
  const taken = await prisma.region.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) throw new AppError("VALIDATION", "Check the highlighted fields", { fieldErrors: { slug: ["A region with this slug already exists"] } });
  return prisma.$transaction(async (tx) => {
    const region = await tx.region.create({ data: input });
    await recordAudit(tx, { councilId: null, actorId: actor.id, action: "region.created", entityType: "Region", entityId: region.id, afterId: region.id, data: { slug: region.slug, name: region.name }, requestId });
    return region;
  });
}

/**
 * Invite a council to a region (operators). Inviting is not membership: the council's data is
 * shared only once its admin consents. Re-inviting an invited council changes nothing.
 */
export async function inviteCouncil(actor: TActor, requestId: string | null, input: z.output<typeof ZInviteForm>) {
  const [region, council] = await Promise.all([
    prisma.region.findUnique({ where: { id: input.regionId }, select: { id: true, slug: true } }),
    prisma.council.findUnique({ where: { slug: input.councilSlug }, select: { id: true, slug: true } }),
  ]);
  if (!region) throw notFound("Region");
  if (!council) throw new AppError("VALIDATION", "Check the highlighted fields", { fieldErrors: { councilSlug: ["No council has this slug"] } });
  return prisma.$transaction(async (tx) => {
    const existing = await tx.regionConsent.findUnique({ where: { councilId_regionId: { councilId: council.id, regionId: region.id } } });
    if (existing) return existing;
    const row = await tx.regionConsent.create({ data: { councilId: council.id, regionId: region.id, invitedById: actor.id } });
    await recordAudit(tx, { councilId: council.id, actorId: actor.id, action: "region.invited", entityType: "RegionConsent", entityId: row.id, afterId: row.id, data: { region: region.slug }, requestId });
    return row;
  });
}

/** A council's invitations with their region, for its sharing settings. */
export async function findRegionInvitations(db: TScopedClient) {
  const rows = await db.regionConsent.findMany({ orderBy: { invitedAt: "asc" } });
  const regions = await db.region.findMany({ where: { id: { in: rows.map((r) => r.regionId) } } });
  const byId = new Map(regions.map((r) => [r.id, r]));
  return rows.map((r) => ({ ...r, region: byId.get(r.regionId)!, isMember: r.consentedAt !== null && r.revokedAt === null }));
}

async function setConsent(ctx: { db: TScopedClient; user: TActor; council: { id: string } }, requestId: string | null, regionId: string, give: boolean) {
  return ctx.db.$transaction(async (tx) => {
    // scoped: another council's invitation is simply not found
    const row = await tx.regionConsent.findFirst({ where: { regionId } });
    if (!row) throw notFound("Invitation");
    const isMember = row.consentedAt !== null && row.revokedAt === null;
    if (give === isMember) return row; // already so: idempotent, nothing to audit
    const now = new Date();
    const data = give ? { consentedAt: now, consentedById: ctx.user.id, revokedAt: null, revokedById: null } : { revokedAt: now, revokedById: ctx.user.id };
    const updated = await tx.regionConsent.update({ where: { id: row.id }, data });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: give ? "region.consent_given" : "region.consent_revoked",
      entityType: "RegionConsent",
      entityId: row.id,
      beforeId: row.id,
      afterId: updated.id,
      data: { regionId },
      requestId,
    });
    return updated;
  });
}

/** Consent to share the council's published releases with a region that invited it. */
export function giveRegionConsent(ctx: Parameters<typeof setConsent>[0], requestId: string | null, regionId: string) {
  return setConsent(ctx, requestId, regionId, true);
}

/** Revoke consent: the council leaves the region's pages at once (they read consent live). */
export function revokeRegionConsent(ctx: Parameters<typeof setConsent>[0], requestId: string | null, regionId: string) {
  return setConsent(ctx, requestId, regionId, false);
}

/** Regions with their invitations, for the operator console. */
export async function findRegionsForOperator() {
  return prisma.region.findMany({
    orderBy: { name: "asc" },
    include: { consents: { include: { council: { select: { slug: true, name: true } } }, orderBy: { invitedAt: "asc" } } },
  });
}
