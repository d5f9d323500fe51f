import { isAppError } from "@/lib/errors";
import { parseQuery } from "@/lib/publish/api-query";
import { CACHE_SHORT, jsonResponse, preflight, problem } from "@/lib/publish/http";
import { findPublishedReleases } from "@/lib/publish/public-release";

type TCtx = { params: Promise<{ council: string }> };

/** GET /api/v1/councils/{council}/releases: the council's published releases, newest first. */
export async function GET(request: Request, { params }: TCtx) {
  const { council } = await params;
  const q = parseQuery(new URL(request.url), {}, false);
  if (!q.ok) return problem(400, "Bad request", q.detail, { parameter: q.parameter });
  try {
    const data = await findPublishedReleases(council, new Date());
    return jsonResponse(
      request,
      {
        council: data.council,
        data: data.releases.map((r) => ({
          version: r.version,
          title: r.title,
          state: r.state,
          publishedAt: r.publishAt.toISOString(),
          periods: r.periods,
          framework: r.edition,
          isLatest: r.isLatest,
          supersededByVersion: r.supersededByVersion,
          links: { self: `/api/v1/councils/${council}/releases/${r.version}`, html: `/p/${council}/releases/${r.version}` },
        })),
      },
      CACHE_SHORT,
    );
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return problem(404, "Not found", `No council called "${council}" has published a release.`);
    throw e;
  }
}

export function OPTIONS() {
  return preflight();
}
