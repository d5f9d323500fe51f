import { parseQuery, paginate } from "@/lib/publish/api-query";
import { releaseEndpoint, releaseMeta } from "@/lib/publish/api-release";
import { applyFilters, scoreRows } from "@/lib/publish/api-rows";
import { preflight, problem } from "@/lib/publish/http";

type TCtx = { params: Promise<{ council: string; version: string }> };

const LEVELS = ["index", "dimension", "component"];

/** GET …/scores?area=&period=&level=&code=: tidy index, dimension and component scores and ranks. */
export async function GET(request: Request, { params }: TCtx) {
  const url = new URL(request.url);
  const q = parseQuery(url, { area: "string", period: "integer", level: "string", code: "string" });
  if (!q.ok) return problem(400, "Bad request", q.detail, { parameter: q.parameter });
  if (q.filters.level !== undefined && !LEVELS.includes(String(q.filters.level))) {
    return problem(400, "Bad request", `"level" must be one of ${LEVELS.join(", ")}.`, { parameter: "level" });
  }
  return releaseEndpoint(request, await params, (r) => ({ ...releaseMeta(r), ...paginate(applyFilters(scoreRows(r), q.filters), q, url) }));
}

export function OPTIONS() {
  return preflight();
}
