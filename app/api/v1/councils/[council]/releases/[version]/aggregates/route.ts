import { parseQuery, paginate } from "@/lib/publish/api-query";
import { releaseEndpoint, releaseMeta } from "@/lib/publish/api-release";
import { applyFilters } from "@/lib/publish/api-rows";
import { preflight, problem } from "@/lib/publish/http";

type TCtx = { params: Promise<{ council: string; version: string }> };

/** GET …/aggregates?area=&period=&method=: the release's population-weighted aggregates (result.aggregates). */
export async function GET(request: Request, { params }: TCtx) {
  const url = new URL(request.url);
  const q = parseQuery(url, { area: "string", period: "integer", method: "string" });
  if (!q.ok) return problem(400, "Bad request", q.detail, { parameter: q.parameter });
  if (q.filters.method !== undefined && !["score", "indicator"].includes(String(q.filters.method))) {
    return problem(400, "Bad request", `"method" must be "score" or "indicator".`, { parameter: "method" });
  }
  return releaseEndpoint(request, await params, (r) => ({ ...releaseMeta(r), ...paginate(applyFilters(r.result.aggregates, q.filters), q, url) }));
}

export function OPTIONS() {
  return preflight();
}
