import "server-only";
import { isAppError } from "@/lib/errors";
import { CACHE_IMMUTABLE, CACHE_SHORT, jsonResponse, problem } from "./http";
import { getPublishedRelease, parseVersion, type TPublicRelease } from "./public-release";

/**
 * Resolve the public release of an /api/v1/councils/{council}/releases/{version}/… request and
 * answer with what `build` returns: JSON with ETag/304, CORS, and a year's immutable caching for
 * a numbered version (5 minutes for "latest"). Unknown council or release (including one not yet
 * public) → 404 problem.
 */
export async function releaseEndpoint(
  request: Request,
  params: { council: string; version: string },
  build: (release: TPublicRelease, url: URL) => Promise<unknown | Response> | unknown | Response,
): Promise<Response> {
  const v = parseVersion(params.version);
  if (v === null) return problem(404, "Not found", `"${params.version}" is not a release version: use a whole number or "latest".`);
  let release: TPublicRelease;
  try {
    release = await getPublishedRelease(params.council, v, new Date());
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return problem(404, "Not found", `No published release "${params.version}" of a council called "${params.council}".`);
    throw e;
  }
  const out = await build(release, new URL(request.url));
  if (out instanceof Response) return out;
  return jsonResponse(request, out, v === "latest" ? CACHE_SHORT : CACHE_IMMUTABLE);
}

/** The release block every release endpoint returns alongside its data. */
export function releaseMeta(r: TPublicRelease) {
  const base = `/api/v1/councils/${r.council.slug}/releases/${r.release.version}`;
  return {
    council: { slug: r.council.slug, name: r.council.name, laCode: r.council.laCode },
    release: {
      version: r.release.version,
      title: r.release.title,
      state: r.release.state,
      publishedAt: r.release.publishAt.toISOString(),
      periods: r.result.periods,
      framework: { code: r.edition.code, edition: r.edition.edition, name: r.edition.name },
      supersedesVersion: r.release.supersedesVersion,
      supersededByVersion: r.release.supersededByVersion,
      links: { self: base, html: `/p/${r.council.slug}/releases/${r.release.version}`, scores: `${base}/scores`, indicatorValues: `${base}/indicator-values`, aggregates: `${base}/aggregates`, download: `/p/${r.council.slug}/releases/${r.release.version}/download/release.zip` },
    },
  };
}
