import { parseQuery } from "@/lib/publish/api-query";
import { releaseEndpoint, releaseMeta } from "@/lib/publish/api-release";
import { preflight, problem } from "@/lib/publish/http";

type TCtx = { params: Promise<{ council: string; version: string }> };

/** GET /api/v1/councils/{council}/releases/{version}: one published release, with its framework and weights. */
export async function GET(request: Request, { params }: TCtx) {
  const q = parseQuery(new URL(request.url), {}, false);
  if (!q.ok) return problem(400, "Bad request", q.detail, { parameter: q.parameter });
  return releaseEndpoint(request, await params, (r) => ({
    ...releaseMeta(r),
    framework: r.edition.definition,
    weights: r.result.weights,
    wards: r.wards.filter((w) => r.result.areas.includes(w.code)).map((w) => ({ code: w.code, name: w.name, population: w.population })),
  }));
}

export function OPTIONS() {
  return preflight();
}
