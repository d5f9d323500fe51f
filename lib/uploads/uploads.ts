import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import type { TScopedClient } from "@/lib/db/scoped";
import { AppError, notFound } from "@/lib/errors";
import { getFrameworkEdition } from "./framework";
import { uploadLifetimeMs } from "./limits";
import { OPEN_STATUSES, type TUploadCtx, type TUploadReport } from "./types";

const UPLOAD_VIEW = {
  id: true,
  status: true,
  format: true,
  periods: true,
  filename: true,
  sizeBytes: true,
  sha256: true,
  contentType: true,
  sheet: true,
  mapping: true,
  report: true,
  warningsAcknowledgedAt: true,
  loadedAt: true,
  expiresAt: true,
  createdAt: true,
  updatedAt: true,
  frameworkEdition: { select: { id: true, code: true, edition: true, name: true, periodMin: true, periodMax: true } },
  createdBy: { select: { name: true, email: true } },
  dataset: { select: { id: true, rowCount: true, observationCount: true, sha256: true, createdAt: true } },
} satisfies Prisma.UploadSelect;

/**
 * Begin an upload: the framework edition, the format and the periods the file will hold.
 * Periods must lie in the edition's range; a wide file holds exactly one period.
 */
export async function startUpload(ctx: TUploadCtx, input: { frameworkEditionId: string; format: "long" | "wide"; periods: number[] }) {
  const edition = await getFrameworkEdition(ctx.db, input.frameworkEditionId);
  const periods = [...new Set(input.periods)].sort((a, b) => a - b);
  const outside = periods.filter((p) => p < edition.periodMin || p > edition.periodMax);
  if (periods.length === 0 || outside.length > 0) {
    throw new AppError("VALIDATION", "Choose periods the framework accepts", {
      fieldErrors: { periods: [`Choose one or more years from ${edition.periodMin} to ${edition.periodMax}`] },
    });
  }
  if (input.format === "wide" && periods.length !== 1) {
    throw new AppError("VALIDATION", "A wide file holds one year", {
      fieldErrors: { periods: ["A wide file (one column per indicator) holds one year: choose exactly one, or choose the long format"] },
    });
  }
  return ctx.db.$transaction(async (tx) => {
    const upload = await tx.upload.create({
      data: {
        councilId: ctx.council.id,
        frameworkEditionId: edition.id,
        format: input.format,
        periods,
        createdById: ctx.user.id,
        expiresAt: new Date(Date.now() + uploadLifetimeMs()),
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "data.upload_started",
      entityType: "Upload",
      entityId: upload.id,
      afterId: upload.id,
      data: { edition: `${edition.code} ${edition.edition}`, format: input.format, periods },
      requestId: ctx.requestId ?? null,
    });
    return upload;
  });
}

/** One upload of the council with its edition and (once loaded) dataset, or NOT_FOUND. */
export async function getUpload(db: TScopedClient, id: string) {
  const u = await db.upload.findFirst({ where: { id }, select: UPLOAD_VIEW });
  if (!u) throw notFound("Upload");
  return { ...u, report: (u.report ?? {}) as TUploadReport };
}

export type TUploadView = Awaited<ReturnType<typeof getUpload>>;

/** Uploads the council's officers can still resume, newest first. */
export async function findUploadsInProgress(db: TScopedClient) {
  return db.upload.findMany({
    where: { status: { in: [...OPEN_STATUSES] } },
    select: UPLOAD_VIEW,
    orderBy: { createdAt: "desc" },
  });
}

/** Datasets loaded by the council, newest first, with who loaded them. */
export async function findDatasets(db: TScopedClient) {
  return db.dataset.findMany({
    select: {
      id: true,
      uploadId: true,
      filename: true,
      sizeBytes: true,
      sha256: true,
      periods: true,
      rowCount: true,
      observationCount: true,
      createdAt: true,
      loadedBy: { select: { name: true, email: true } },
      frameworkEdition: { select: { code: true, edition: true, name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

/** Refuse unless the upload is in one of the statuses (CONFLICT: it moved on in another tab). */
export function requireStatus(u: { status: string }, allowed: readonly string[], doing: string): void {
  if (!allowed.includes(u.status)) {
    throw new AppError("CONFLICT", `This upload is ${u.status}, so you cannot ${doing} now. Reload the page to see where it is.`);
  }
}

/**
 * Cancel an unfinished upload: its staged raw file is deleted in the same transaction as the
 * status change and the audit entries. Loaded data is not touched.
 */
export async function cancelUpload(ctx: TUploadCtx, input: { uploadId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const u = await tx.upload.findFirst({ where: { id: input.uploadId }, select: { id: true, status: true, sha256: true } });
    if (!u) throw notFound("Upload");
    requireStatus(u, OPEN_STATUSES, "cancel it");
    const staged = await tx.stagedFile.deleteMany({ where: { uploadId: u.id } });
    await tx.upload.update({ where: { id: u.id }, data: { status: "cancelled" } });
    const audit = { councilId: ctx.council.id, actorId: ctx.user.id, entityType: "Upload", entityId: u.id, requestId: ctx.requestId ?? null };
    await recordAudit(tx, { ...audit, action: "data.upload_cancelled", beforeId: u.id });
    if (staged.count > 0) await recordAudit(tx, { ...audit, action: "data.source_deleted", data: { reason: "cancelled", sha256: u.sha256 } });
    return { uploadId: u.id };
  });
}
