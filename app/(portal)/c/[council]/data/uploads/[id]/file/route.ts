import { prisma } from "@/lib/db/client";
import { maxUploadBytes, storeUploadFile } from "@/lib/uploads";
import { jsonError, sameOrigin, withCouncil } from "../../../route-guard";

type TParams = { params: Promise<{ council: string; id: string }> };

/** Read a request body, giving up as soon as it passes `max` bytes (null: too big). */
async function readLimited(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The progress-bar upload: the browser posts the raw file (XMLHttpRequest, so it can report
 * progress) with its name in X-Filename. The size limit is checked from Content-Length before the
 * body is read, and again while reading. Answers JSON; the wizard page then reads the new status.
 */
export async function POST(request: Request, { params }: TParams) {
  const { council, id } = await params;
  return withCouncil(council, "data:upload", async (ctx) => {
    if (!sameOrigin(request)) return jsonError("FORBIDDEN", "Cross-site upload refused", 403);
    const max = maxUploadBytes();
    const tooBig = `The selected file must be smaller than ${Math.round(max / 1024 / 1024)} MB`;
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > max) return jsonError("VALIDATION", tooBig, 413);
    const bytes = await readLimited(request.body, max);
    if (!bytes) return jsonError("VALIDATION", tooBig, 413);
    if (bytes.byteLength === 0) return jsonError("VALIDATION", "The selected file is empty", 400);
    let filename = "upload";
    try {
      filename = decodeURIComponent(request.headers.get("x-filename") ?? "upload");
    } catch {
      /* keep the default name */
    }
    const r = await storeUploadFile(ctx, { uploadId: id, filename, contentType: request.headers.get("content-type"), bytes }, prisma);
    return Response.json(r.ok ? { ok: true } : { ok: false, error: { code: "REFUSED", message: r.refused.message } }, { headers: { "Cache-Control": "no-store" } });
  });
}
