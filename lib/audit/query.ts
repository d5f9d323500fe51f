import "server-only";
import { z } from "zod";
import type { TScopedClient } from "@/lib/db/scoped";

export const AUDIT_PAGE_SIZE = 25;

export const ZAuditFilter = z.object({
  action: z.string().trim().max(80).optional().catch(undefined),
  actor: z.string().trim().toLowerCase().max(320).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** One page of the council's audit log, newest first, with the filters applied. */
export async function findAuditEvents(db: TScopedClient, filter: TAuditFilter) {
  const where = {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actor: { email: { contains: filter.actor } } } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const [total, rows, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { email: true, name: true } } },
    }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((a) => a.action),
    rows: rows.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actor: r.actor ? (r.actor.name ? `${r.actor.name} (${r.actor.email})` : r.actor.email) : "System",
      data: r.data,
    })),
  };
}
