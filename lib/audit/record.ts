import type { Prisma } from "@/lib/generated/prisma/client";

/** What changed, by whom. Written in the same transaction as the change itself. */
export interface TAuditEntry {
  councilId: string | null;
  actorId: string | null;
  /** dotted verb, e.g. "member.added" */
  action: string;
  entityType: string;
  entityId?: string | null;
  beforeId?: string | null;
  afterId?: string | null;
  /** shown to the council's members: ids and labels, never secrets */
  data?: Prisma.InputJsonValue;
  requestId?: string | null;
}

/** Any client with an auditEvent delegate: the raw client, a scoped client or a transaction. */
interface TAuditWriter {
  auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> };
}

/** Append one entry to the audit log (which the database keeps append-only). */
export async function recordAudit(db: TAuditWriter, entry: TAuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      councilId: entry.councilId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      beforeId: entry.beforeId ?? null,
      afterId: entry.afterId ?? null,
      data: entry.data,
      requestId: entry.requestId ?? null,
    },
  });
}
