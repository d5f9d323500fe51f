import { parseQuery, paginate } from "@/lib/publish/api-query";
import { releaseEndpoint, releaseMeta } from "@/lib/publish/api-release";
import { applyFilters, indicatorRows } from "@/lib/publish/api-rows";
import { preflight, problem } from "@/lib/publish/http";
import { findRunObservations } from "@/lib/publish/run-observations";

type TCtx = { params: Promise<{ council: string; version: string }> };

/** GET …/indicator-values?area=&indicator=&period=: raw values the run used, with unit, score and flags. */
export async function GET(request: Request, { params }: TCtx) {
  const url = new URL(request.url);
  const q = parseQuery(url, { area: "string", indicator: "string", period: "integer" });
  if (!q.ok) return problem(400, "Bad request", q.detail, { parameter: q.parameter });
  return releaseEndpoint(request, await params, async (r) => {
    const observations = await findRunObservations(r, typeof q.filters.area === "string" ? { area: q.filters.area } : {});
    return { ...releaseMeta(r), ...paginate(applyFilters(indicatorRows({ ...r, observations }), q.filters), q, url) };
  });
}

export function OPTIONS() {
  return preflight();
}
