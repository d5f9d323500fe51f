import { recordAudit } from "@/lib/audit/record";
import { scopedClient } from "@/lib/db/scoped";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { membersWithRole, notify } from "@/lib/notifications/notify";

/**
 * A release approved with an embargo goes public at its `publishAt` without anyone acting. When
 * that moment has passed, tell the people who worked on it and write "release.published" to the
 * audit log, once: an advisory lock per release and the audit entry itself make this safe to run
 * from several processes at once and again after a restart. Releases published at the moment of
 * approval need nothing: the approval notice already said "is now published".
 */
export async function announceDuePublications(db: PrismaClient, now = new Date()): Promise<number> {
  const due = await db.release.findMany({
    where: { state: { in: ["approved", "superseded"] }, publishAt: { lte: now }, approvedAt: { not: null } },
    select: { id: true, councilId: true, publishAt: true, approvedAt: true },
  });
  const embargoed = due.filter((r) => r.publishAt && r.approvedAt && r.publishAt > r.approvedAt);
  if (embargoed.length === 0) return 0;
  const announced = await db.auditEvent.findMany({
    where: { action: "release.published", entityType: "Release", entityId: { in: embargoed.map((r) => r.id) } },
    select: { entityId: true },
  });
  const done = new Set(announced.map((a) => a.entityId));
  let count = 0;
  for (const r of embargoed.filter((x) => !done.has(x.id))) {
    const scoped = scopedClient(db, r.councilId);
    const did = await scoped.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`release.published:${r.id}`}))`;
      const again = await tx.auditEvent.findFirst({ where: { councilId: r.councilId, action: "release.published", entityType: "Release", entityId: r.id }, select: { id: true } });
      if (again) return false;
      const release = await tx.release.findFirstOrThrow({
        where: { id: r.id, councilId: r.councilId },
        select: { version: true, title: true, submittedById: true, createdById: true, approvedById: true, publishAt: true, council: { select: { slug: true, name: true } } },
      });
      const officers = await membersWithRole(tx, r.councilId, "officer");
      await notify(tx, {
        councilId: r.councilId,
        userIds: [release.submittedById ?? release.createdById, ...(release.approvedById ? [release.approvedById] : []), ...officers],
        kind: "release.published",
        title: `Release ${release.version} is now published`,
        body: `${release.title} came out of embargo and is on ${release.council.name}'s public pages.`,
        href: `/c/${release.council.slug}/releases/${release.version}`,
      });
      await recordAudit(tx, {
        councilId: r.councilId,
        actorId: null,
        action: "release.published",
        entityType: "Release",
        entityId: r.id,
        data: { version: release.version, publishAt: release.publishAt?.toISOString() ?? null },
      });
      return true;
    });
    if (did) count++;
  }
  return count;
}
