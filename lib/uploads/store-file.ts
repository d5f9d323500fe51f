import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { AppError, notFound } from "@/lib/errors";
import type { TColumnMapping } from "@/lib/ingest/types";
import { buildIngestContext } from "./context";
import { inspectFile, proposeMapping } from "./ingest";
import { maxUploadBytes, uploadLifetimeMs } from "./limits";
import { requireStatus } from "./uploads";
import { OPEN_STATUSES, type TUploadCtx, type TUploadReport } from "./types";

/** Hex SHA-256 of the raw bytes: kept after the file itself is deleted. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-200);
  return clean || "upload";
}

export type TStoreResult = { ok: true; uploadId: string } | { ok: false; uploadId: string; refused: { code: string; message: string } };

/**
 * Stage the raw file of an upload (replacing any earlier file of the same upload) and propose a
 * column mapping. The file is inspected first; a refused file (unreadable, too big, macro-enabled,
 * person-level data…) is not stored, and the refusal is kept on the upload so the page can say why.
 * The bytes live only in StagedFile, never in logs. Moves the upload to `uploaded` and restarts
 * its 24-hour expiry.
 */
export async function storeUploadFile(
  ctx: TUploadCtx,
  input: { uploadId: string; filename: string; contentType: string | null; bytes: Uint8Array },
  raw: PrismaClient | null,
): Promise<TStoreResult> {
  const u = await ctx.db.upload.findFirst({
    where: { id: input.uploadId },
    select: { id: true, status: true, format: true, periods: true, frameworkEditionId: true, mapping: true, sha256: true },
  });
  if (!u) throw notFound("Upload");
  requireStatus(u, OPEN_STATUSES, "upload a file");
  const max = maxUploadBytes();
  if (input.bytes.byteLength === 0) throw new AppError("VALIDATION", "The selected file is empty", { fieldErrors: { file: ["The selected file is empty"] } });
  if (input.bytes.byteLength > max) {
    throw new AppError("VALIDATION", "The file is too big", { fieldErrors: { file: [`The selected file must be smaller than ${Math.round(max / 1024 / 1024)} MB`] } });
  }
  const filename = cleanFilename(input.filename);
  const inspected = await inspectFile(input.bytes, filename, { maxBytes: max });
  if (!inspected.ok) {
    const report: TUploadReport = { refused: inspected.refused };
    await ctx.db.upload.update({ where: { id: u.id }, data: { report: report as unknown as Prisma.InputJsonValue } });
    return { ok: false, uploadId: u.id, refused: inspected.refused };
  }
  const detected = inspected.detected;
  const ingestCtx = await buildIngestContext(ctx, u, raw);
  // The officer's earlier mapping of this upload, else the council's preset for the format the header suggests.
  const fresh = proposeMapping(detected.header, ingestCtx);
  const preset = await ctx.db.columnMappingPreset.findFirst({ where: { format: fresh.format }, select: { mapping: true } });
  const previous = [u.mapping, preset?.mapping].find((m) => (m as TColumnMapping | null)?.format === fresh.format) as TColumnMapping | undefined;
  const mapping = previous ? proposeMapping(detected.header, ingestCtx, previous) : fresh;
  const sha256 = sha256Hex(input.bytes);
  const bytes = new Uint8Array(input.bytes);
  await ctx.db.$transaction(async (tx) => {
    await tx.stagedFile.deleteMany({ where: { uploadId: u.id } });
    await tx.stagedFile.create({ data: { uploadId: u.id, councilId: ctx.council.id, bytes } });
    await tx.upload.update({
      where: { id: u.id },
      data: {
        status: "uploaded",
        filename,
        sizeBytes: input.bytes.byteLength,
        sha256,
        contentType: input.contentType?.slice(0, 200) ?? null,
        sheet: detected.sheet ?? null,
        format: mapping.format,
        mapping: mapping as unknown as Prisma.InputJsonValue,
        report: { detected } as unknown as Prisma.InputJsonValue,
        warningsAcknowledgedAt: null,
        expiresAt: new Date(Date.now() + uploadLifetimeMs()),
      },
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "data.file_uploaded",
      entityType: "Upload",
      entityId: u.id,
      data: { filename, sizeBytes: input.bytes.byteLength, sha256, replaced: u.sha256 ?? null },
      requestId: ctx.requestId ?? null,
    });
  });
  return { ok: true, uploadId: u.id };
}

/** The staged raw bytes of an upload, or a PRECONDITION error when none is staged. */
export async function readStagedBytes(ctx: TUploadCtx, uploadId: string): Promise<Uint8Array> {
  const f = await ctx.db.stagedFile.findFirst({ where: { uploadId }, select: { bytes: true } });
  if (!f) throw new AppError("PRECONDITION", "The uploaded file is no longer here: upload it again.");
  return new Uint8Array(f.bytes);
}
