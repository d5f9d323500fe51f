import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TScopedClient } from "@/lib/db/scoped";
import { recordAudit } from "@/lib/audit/record";
import { OPEN_STATUSES } from "./types";

/** The delegates purging needs; both the raw and the council-scoped clients (and their transactions) have them. */
interface TPurgeDb {
  upload: PrismaClient["upload"];
  stagedFile: PrismaClient["stagedFile"];
  auditEvent: PrismaClient["auditEvent"];
  $transaction: PrismaClient["$transaction"];
}

/**
 * Expire abandoned uploads: every unfinished upload whose expiry (24 hours after its file was
 * uploaded) has passed gets its staged raw file deleted and its status set to `expired`, with
 * audit entries, one upload per transaction. Loaded data is never touched.
 *
 * Called at start-up (scripts/start.ts) with the raw client for every council, and when an
 * officer opens the data pages with their council-scoped client. Returns how many were expired.
 */
export async function purgeExpiredUploads(client: PrismaClient | TScopedClient, now: Date): Promise<number> {
  const db = client as unknown as TPurgeDb;
  const due = await db.upload.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, expiresAt: { lt: now } },
    select: { id: true, councilId: true, sha256: true },
    take: 500,
  });
  let purged = 0;
  for (const u of due) {
    const done = await db.$transaction(async (t) => {
      const tx = t as unknown as TPurgeDb;
      // Re-check inside the transaction: the officer may have loaded or cancelled it meanwhile.
      const changed = await tx.upload.updateMany({
        where: { id: u.id, councilId: u.councilId, status: { in: [...OPEN_STATUSES] }, expiresAt: { lt: now } },
        data: { status: "expired" },
      });
      if (changed.count === 0) return false;
      const staged = await tx.stagedFile.deleteMany({ where: { uploadId: u.id, councilId: u.councilId } });
      const audit = { councilId: u.councilId, actorId: null, entityType: "Upload", entityId: u.id };
      await recordAudit(tx, { ...audit, action: "data.upload_expired", beforeId: u.id });
      if (staged.count > 0) await recordAudit(tx, { ...audit, action: "data.source_deleted", data: { reason: "expired", sha256: u.sha256 } });
      return true;
    });
    if (done) purged++;
  }
  return purged;
}
