import { parseQuery } from "@/lib/publish/api-query";
import { CACHE_SHORT, jsonResponse, preflight, problem } from "@/lib/publish/http";
import { findPublicCouncils } from "@/lib/publish/public-release";

/** GET /api/v1/councils: councils with at least one published release. */
export async function GET(request: Request) {
  const q = parseQuery(new URL(request.url), {}, false);
  if (!q.ok) return problem(400, "Bad request", q.detail, { parameter: q.parameter });
  const councils = await findPublicCouncils(new Date());
  return jsonResponse(
    request,
    {
      data: councils.map((c) => ({
        slug: c.slug,
        name: c.name,
        laCode: c.laCode,
        latestVersion: c.latestVersion,
        latestPublishedAt: c.latestPublishAt.toISOString(),
        releaseCount: c.releaseCount,
        links: { releases: `/api/v1/councils/${c.slug}/releases`, latest: `/api/v1/councils/${c.slug}/releases/latest`, html: `/p/${c.slug}` },
      })),
    },
    CACHE_SHORT,
  );
}

export function OPTIONS() {
  return preflight();
}
