import "server-only";
import { isAppError } from "@/lib/errors";
import { CACHE_IMMUTABLE, CACHE_SHORT, cachedResponse, etagOf, problem } from "./http";
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
  const cacheControl = v === "latest" ? CACHE_SHORT : CACHE_IMMUTABLE;
  // a published release never changes, and neither does anything built from it alone: build
  // each answer once per release and query, then serve the bytes (or a 304) from memory
  const key = `${release.release.id} ${new URL(request.url).pathname} ${new URL(request.url).search}`;
  const hit = bodies.get(key);
  if (hit) return cachedResponse(request, hit.body, { contentType: JSON_TYPE, cacheControl, etag: hit.etag });
  const out = await build(release, new URL(request.url));
  if (out instanceof Response) return out;
  const body = JSON.stringify(out);
  const etag = etagOf(body);
  remember(key, { body, etag });
  return cachedResponse(request, body, { contentType: JSON_TYPE, cacheControl, etag });
}

const JSON_TYPE = "application/json; charset=utf-8";
/** Built answers by release and URL, oldest evicted first beyond BODY_CACHE_BYTES. */
const BODY_CACHE_BYTES = 32 * 1024 * 1024;
const bodies = new Map<string, { body: string; etag: string }>();
let cachedBytes = 0;

function remember(key: string, entry: { body: string; etag: string }) {
  if (entry.body.length > BODY_CACHE_BYTES / 8) return;
  bodies.set(key, entry);
  cachedBytes += entry.body.length;
  for (const [k, v] of bodies) {
    if (cachedBytes <= BODY_CACHE_BYTES) break;
    bodies.delete(k);
    cachedBytes -= v.body.length;
  }
}

/**
 * The release block every release endpoint returns alongside its data. Only what never changes:
 * these answers are cached forever on versioned URLs, so whether a release has since been
 * superseded is read from the release list (`links.releases`), not from here.
 */
export function releaseMeta(r: TPublicRelease) {
  const base = `/api/v1/councils/${r.council.slug}/releases/${r.release.version}`;
  return {
    council: { slug: r.council.slug, name: r.council.name, laCode: r.council.laCode },
    release: {
      version: r.release.version,
      title: r.release.title,
      publishedAt: r.release.publishAt.toISOString(),
      periods: r.result.periods,
      framework: { code: r.edition.code, edition: r.edition.edition, name: r.edition.name },
      supersedesVersion: r.release.supersedesVersion,
      links: { self: base, releases: `/api/v1/councils/${r.council.slug}/releases`, html: `/p/${r.council.slug}/releases/${r.release.version}`, scores: `${base}/scores`, indicatorValues: `${base}/indicator-values`, aggregates: `${base}/aggregates`, download: `/p/${r.council.slug}/releases/${r.release.version}/download/release.zip` },
    },
  };
}
