import { CACHE_SHORT, jsonResponse, preflight } from "@/lib/publish/http";
import { OPENAPI_DOCUMENT } from "@/lib/publish/openapi";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the public API. */
export function GET(request: Request) {
  return jsonResponse(request, OPENAPI_DOCUMENT, CACHE_SHORT);
}

export function OPTIONS() {
  return preflight();
}
