import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import type { TColumnMapping, TValidationResult } from "@/lib/ingest/types";
import { buildIngestContext } from "./context";
import { validateUpload } from "./ingest";
import { maxUploadBytes } from "./limits";
import { readStagedBytes } from "./store-file";
import { requireStatus } from "./uploads";
import type { TUploadCtx, TUploadReport } from "./types";

/**
 * Save the officer's column mapping (and the sheet, for a workbook) and remember it as the
 * council's preset for this format, so the next upload proposes it. Moves the upload to `mapped`.
 */
export async function saveMapping(ctx: TUploadCtx, input: { uploadId: string; mapping: TColumnMapping; sheet?: string | null }) {
  const u = await ctx.db.upload.findFirst({ where: { id: input.uploadId }, select: { id: true, status: true, report: true, sheet: true } });
  if (!u) throw notFound("Upload");
  requireStatus(u, ["uploaded", "mapped", "validated"], "change the columns");
  const report = (u.report ?? {}) as TUploadReport;
  const header = new Set(report.detected?.header ?? []);
  const unknown = Object.keys(input.mapping.columns).filter((h) => !header.has(h));
  if (unknown.length > 0) throw new AppError("VALIDATION", "The mapping names columns that are not in the file", { fieldErrors: { mapping: ["Match only the file's own columns"] } });
  const sheets = report.detected?.sheets ?? [];
  const sheet = input.sheet && sheets.includes(input.sheet) ? input.sheet : u.sheet;
  const mapping = input.mapping as unknown as Prisma.InputJsonValue;
  await ctx.db.$transaction(async (tx) => {
    await tx.upload.update({
      where: { id: u.id },
      data: { status: "mapped", mapping, sheet, format: input.mapping.format, report: { detected: report.detected } as unknown as Prisma.InputJsonValue, warningsAcknowledgedAt: null },
    });
    await tx.columnMappingPreset.upsert({
      where: { councilId_format: { councilId: ctx.council.id, format: input.mapping.format } },
      create: { councilId: ctx.council.id, format: input.mapping.format, mapping },
      update: { mapping },
    });
  });
  return { uploadId: u.id };
}

/** Run the validator over the staged file with the saved mapping (no writes). */
export async function runValidation(ctx: TUploadCtx, uploadId: string, raw: PrismaClient | null): Promise<TValidationResult> {
  const u = await ctx.db.upload.findFirst({
    where: { id: uploadId },
    select: { id: true, filename: true, format: true, periods: true, frameworkEditionId: true, mapping: true, sheet: true },
  });
  if (!u) throw notFound("Upload");
  if (!u.mapping) throw new AppError("PRECONDITION", "Match the file's columns first.");
  const bytes = await readStagedBytes(ctx, u.id);
  const context = await buildIngestContext(ctx, u, raw);
  return validateUpload({
    bytes,
    filename: u.filename ?? "upload",
    context,
    mapping: u.mapping as unknown as TColumnMapping,
    sheet: u.sheet ?? undefined,
    limits: { maxBytes: maxUploadBytes() },
  });
}

/** The parts of a validation result kept on the upload: never the observations themselves. */
export function reportOf(r: TValidationResult): TUploadReport {
  return { refused: r.refused, detected: r.detected, summary: r.summary, issues: r.issues, droppedColumns: r.droppedColumns, coverage: r.coverage };
}

/**
 * Validate the staged file and keep the report (summary, issues, dropped columns, coverage) on
 * the upload. Problems in the data are the report, not errors. Moves the upload to `validated`.
 */
export async function validateUploadFile(ctx: TUploadCtx, input: { uploadId: string }, raw: PrismaClient | null) {
  const u = await ctx.db.upload.findFirst({ where: { id: input.uploadId }, select: { id: true, status: true } });
  if (!u) throw notFound("Upload");
  requireStatus(u, ["mapped", "validated"], "check the file");
  const result = await runValidation(ctx, u.id, raw);
  const report = reportOf(result);
  await ctx.db.$transaction(async (tx) => {
    await tx.upload.update({ where: { id: u.id }, data: { status: "validated", report: report as unknown as Prisma.InputJsonValue, warningsAcknowledgedAt: null } });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "data.validated",
      entityType: "Upload",
      entityId: u.id,
      data: { ...result.summary, refused: result.refused?.code ?? null },
      requestId: ctx.requestId ?? null,
    });
  });
  return { uploadId: u.id, summary: result.summary, ok: result.ok };
}

/** Record that the officer has read the warnings (errors cannot be acknowledged: they block the load). */
export async function acknowledgeWarnings(ctx: TUploadCtx, input: { uploadId: string }) {
  const u = await ctx.db.upload.findFirst({ where: { id: input.uploadId }, select: { id: true, status: true, report: true } });
  if (!u) throw notFound("Upload");
  requireStatus(u, ["validated"], "acknowledge warnings");
  const summary = ((u.report ?? {}) as TUploadReport).summary;
  if (!summary || summary.errors > 0) throw new AppError("PRECONDITION", "Fix the errors first: errors cannot be acknowledged.");
  await ctx.db.$transaction(async (tx) => {
    await tx.upload.update({ where: { id: u.id }, data: { warningsAcknowledgedAt: new Date() } });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "data.warnings_acknowledged",
      entityType: "Upload",
      entityId: u.id,
      data: { warnings: summary.warnings },
      requestId: ctx.requestId ?? null,
    });
  });
  return { uploadId: u.id };
}
