import { inspectFile } from "./ingest";
import { maxUploadBytes } from "./limits";
import { readStagedBytes } from "./store-file";
import type { TUploadCtx } from "./types";

/**
 * The first non-empty value of each column in the staged file, to help the officer match
 * columns. Read on demand from the staged bytes, never stored; the validator's inspection has
 * already replaced personal-data columns and cells with a "not shown" marker.
 */
export async function previewColumns(ctx: TUploadCtx, upload: { id: string; filename: string | null; sheet: string | null }): Promise<Record<string, string>> {
  const bytes = await readStagedBytes(ctx, upload.id).catch(() => null);
  if (!bytes) return {};
  const r = await inspectFile(bytes, upload.filename ?? "upload", { sheet: upload.sheet ?? undefined, maxBytes: maxUploadBytes() });
  if (!r.ok) return {};
  const out: Record<string, string> = {};
  r.detected.header.forEach((h, j) => {
    const v = r.sampleRows.map((row) => row[j]?.trim() ?? "").find((c) => c !== "");
    if (v !== undefined && !(h in out)) out[h] = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  });
  return out;
}
