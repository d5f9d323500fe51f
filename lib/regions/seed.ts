import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { DEMO_COUNCILS, DEMO_OPERATOR } from "@/lib/db/demo";

export const DEMO_REGION = {
  slug: "north-east-london",
  name: "North East London",
  description: "The North East London health and care system: a demonstration region whose member councils consent to share their published indices.",
} as const;

/**
 * Seed the demo region with both demo councils invited by the demo operator and consenting
 * (by each council's first admin). Idempotent: an existing region or consent is left as it is,
 * so a consent revoked in the demo stays revoked.
 */
export async function seedDemoRegion(db: PrismaClient): Promise<string[]> {
  if (await db.region.findUnique({ where: { slug: DEMO_REGION.slug } })) return [];
  const operator = await db.user.findUnique({ where: { email: DEMO_OPERATOR.email }, select: { id: true } });
  const region = await db.region.create({ data: { ...DEMO_REGION } });
  await recordAudit(db, { councilId: null, actorId: operator?.id ?? null, action: "region.created", entityType: "Region", entityId: region.id, afterId: region.id, data: { slug: region.slug, demo: true } });
  for (const c of DEMO_COUNCILS) {
    const council = await db.council.findUnique({ where: { slug: c.slug }, select: { id: true } });
    if (!council) continue;
    const admin = await db.membership.findFirst({ where: { councilId: council.id, roles: { has: "admin" } }, orderBy: { createdAt: "asc" }, select: { userId: true } });
    const now = new Date();
    const row = await db.regionConsent.create({
      data: { councilId: council.id, regionId: region.id, invitedById: operator?.id ?? null, consentedById: admin?.userId ?? null, consentedAt: now },
    });
    await recordAudit(db, { councilId: council.id, actorId: admin?.userId ?? null, action: "region.consent_given", entityType: "RegionConsent", entityId: row.id, afterId: row.id, data: { region: region.slug, demo: true } });
  }
  return [`Created region ${DEMO_REGION.name} with ${DEMO_COUNCILS.length} consenting councils`];
}
