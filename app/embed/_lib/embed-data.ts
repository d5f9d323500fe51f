import "server-only";
import { projectWards } from "@/lib/geo/project";
import type { TWardGeometry } from "@/lib/geo/types";
import { ATTRIBUTION, frameworkIndicators } from "@/lib/publish/framework";
import { getPublishedRelease, parseVersion, type TPublicRelease } from "@/lib/publish/public-release";
import { isAppError, notFound } from "@/lib/errors";
import type { TEmbedData } from "@/embed/src/types";

const r1 = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? Math.round(v * 10) / 10 : null);

function roundMap(m: Record<string, number | null>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(m)) out[k] = r1(v);
  return out;
}

/**
 * The embed's data for one published release: the latest period's ward scores (1 dp) and ward
 * shapes projected to SVG paths here on the server (so the browser script carries no map code).
 * Pure given the release; the release itself comes only from getPublishedRelease.
 */
export function buildEmbedData(r: TPublicRelease): TEmbedData {
  const period = Math.max(...r.result.periods);
  const rows = new Map(r.result.scores.filter((s) => s.period === period).map((s) => [s.area, s]));
  const withShape = r.wards.filter((w) => w.geometry);
  const map = projectWards(withShape.map((w) => ({ code: w.code, geometry: w.geometry as TWardGeometry })), { width: 600, height: 600 });
  const paths = new Map(map.areas.map((a) => [a.code, a.d]));
  const def = r.edition.definition;
  return {
    council: { slug: r.council.slug, name: r.council.name },
    release: { version: r.release.version, title: r.release.title, publishAt: r.release.publishAt.toISOString(), isLatest: r.release.isLatest },
    period,
    viewBox: map.viewBox,
    dimensions: def.dimensions.map((d) => ({ code: d.code, name: d.name })),
    indicators: frameworkIndicators(def).map((i) => ({ code: i.code, name: i.name })),
    wards: r.wards.map((w) => {
      const s = rows.get(w.code);
      return {
        code: w.code,
        name: w.name,
        d: paths.get(w.code) ?? "",
        index: r1(s?.index),
        rank: s?.ranks.index ?? null,
        dimensions: s ? roundMap(s.dimensions) : {},
        indicators: s ? roundMap(s.indicators) : {},
      };
    }),
    pagePath: r.release.isLatest ? `/p/${r.council.slug}` : `/p/${r.council.slug}/releases/${r.release.version}`,
    attribution: ATTRIBUTION,
  };
}

// Published releases never change, so their embed data is kept by release id (bounded).
const cache = new Map<string, TEmbedData>();

/**
 * Embed data for `release` ("latest" or a version string) of a council, or null when there is
 * no such PUBLISHED release (unknown council, draft, embargoed… all look the same).
 */
export async function findEmbedData(council: string, release: string, now = new Date()): Promise<TEmbedData | null> {
  const version = parseVersion(release);
  if (version === null) return null;
  try {
    const r = await getPublishedRelease(council, version, now);
    const hit = cache.get(r.release.id);
    // isLatest and the page path change when a newer release is published: rebuild then
    if (hit && hit.release.isLatest === r.release.isLatest) return hit;
    const data = buildEmbedData(r);
    if (cache.size >= 32) cache.delete(cache.keys().next().value!);
    cache.set(r.release.id, data);
    return data;
  } catch (e) {
    if (isAppError(e) && e.code === notFound().code) return null;
    throw e;
  }
}
