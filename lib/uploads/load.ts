import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import { LOAD_BATCH_SIZE } from "./limits";
import { requireStatus } from "./uploads";
import { reportOf, runValidation } from "./validate";
import type { TUploadCtx, TUploadReport } from "./types";

/** Long enough for a 50 MB file's observations; Prisma's default (5 s) is for small transactions. */
const LOAD_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Load a validated upload. The file is validated again first (the council's data may have
 * changed since), then ONE transaction inserts its observations (in batches), creates the
 * Dataset (file name, size, SHA-256, row counts), deletes the staged raw file, marks the upload
 * loaded and writes the audit entries "data.loaded" and "data.source_deleted". Anything failing
 * rolls all of it back: existing data and the staged file stay exactly as they were.
 *
 * Refused (PRECONDITION) while the report has errors, or has warnings not acknowledged.
 * Loading never deletes older observations: see findCurrentObservations for what is current.
 */
export async function loadUpload(
  ctx: TUploadCtx,
  input: { uploadId: string },
  raw: PrismaClient | null,
  options: { batchSize?: number } = {},
) {
  const u = await ctx.db.upload.findFirst({
    where: { id: input.uploadId },
    select: { id: true, status: true, report: true, warningsAcknowledgedAt: true, frameworkEditionId: true, periods: true, filename: true, sizeBytes: true, sha256: true },
  });
  if (!u) throw notFound("Upload");
  requireStatus(u, ["validated"], "load it");
  const before = ((u.report ?? {}) as TUploadReport).summary;
  const result = await runValidation(ctx, u.id, raw);
  if (!result.ok || result.refused || result.summary.errors > 0) {
    await ctx.db.upload.update({ where: { id: u.id }, data: { report: reportOf(result) as unknown as Prisma.InputJsonValue, warningsAcknowledgedAt: null } });
    throw new AppError("PRECONDITION", "The file has errors, so nothing was loaded. Read the validation report, correct the file and upload it again.");
  }
  const newWarnings = result.summary.warnings > (before?.warnings ?? 0);
  if (result.summary.warnings > 0 && (!u.warningsAcknowledgedAt || newWarnings)) {
    if (newWarnings) await ctx.db.upload.update({ where: { id: u.id }, data: { report: reportOf(result) as unknown as Prisma.InputJsonValue, warningsAcknowledgedAt: null } });
    throw new AppError("PRECONDITION", "Read the warnings and confirm you want to load the data anyway.");
  }
  const batchSize = Math.max(1, options.batchSize ?? LOAD_BATCH_SIZE);
  return ctx.db.$transaction(
    async (tx) => {
      // Two tabs pressing "Load" at once: the second waits here, then sees `loaded` and stops.
      await tx.$queryRaw`SELECT id FROM "Upload" WHERE id = ${u.id} AND "councilId" = ${ctx.council.id} FOR UPDATE`;
      const now = await tx.upload.findFirst({ where: { id: u.id }, select: { status: true } });
      requireStatus(now ?? { status: "missing" }, ["validated"], "load it");
      const dataset = await tx.dataset.create({
        data: {
          councilId: ctx.council.id,
          uploadId: u.id,
          frameworkEditionId: u.frameworkEditionId,
          loadedById: ctx.user.id,
          filename: u.filename ?? "upload",
          sizeBytes: u.sizeBytes ?? 0,
          sha256: u.sha256 ?? "",
          periods: [...new Set(result.observations.map((o) => o.period))].sort((a, b) => a - b),
          rowCount: result.summary.rows,
          observationCount: result.observations.length,
          droppedColumns: result.droppedColumns as unknown as Prisma.InputJsonValue,
        },
        select: { id: true },
      });
      for (let i = 0; i < result.observations.length; i += batchSize) {
        await tx.observation.createMany({
          data: result.observations.slice(i, i + batchSize).map((o) => ({
            councilId: ctx.council.id,
            datasetId: dataset.id,
            areaCode: o.area,
            indicatorCode: o.indicator,
            period: o.period,
            value: o.value,
            numerator: o.numerator ?? null,
            denominator: o.denominator ?? null,
            lowerCi: o.lowerCi ?? null,
            upperCi: o.upperCi ?? null,
            note: o.note ?? null,
          })),
        });
      }
      const deleted = await tx.stagedFile.deleteMany({ where: { uploadId: u.id } });
      if (deleted.count !== 1) throw new AppError("CONFLICT", "The uploaded file is no longer here: upload it again.");
      await tx.upload.update({ where: { id: u.id }, data: { status: "loaded", loadedAt: new Date(), report: reportOf(result) as unknown as Prisma.InputJsonValue } });
      const audit = { councilId: ctx.council.id, actorId: ctx.user.id, requestId: ctx.requestId ?? null };
      await recordAudit(tx, {
        ...audit,
        action: "data.loaded",
        entityType: "Dataset",
        entityId: dataset.id,
        afterId: dataset.id,
        data: { uploadId: u.id, filename: u.filename, sha256: u.sha256, rows: result.summary.rows, observations: result.observations.length },
      });
      await recordAudit(tx, {
        ...audit,
        action: "data.source_deleted",
        entityType: "Upload",
        entityId: u.id,
        data: { reason: "loaded", sha256: u.sha256, sizeBytes: u.sizeBytes },
      });
      return { datasetId: dataset.id, observations: result.observations.length, rows: result.summary.rows };
    },
    { timeout: LOAD_TIMEOUT_MS, maxWait: 30_000 },
  );
}
