/**
 * HTTP helpers shared by the public download routes and the /api/v1 handlers: CORS, caching,
 * ETags with 304, and RFC 9457 problem details. No Next imports: plain Response objects.
 */
import { createHash } from "node:crypto";

/** Versioned URLs: a published release never changes. */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
/** "latest" and lists: may change when a new release is published. */
export const CACHE_SHORT = "public, max-age=300";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
  "Access-Control-Expose-Headers": "ETag, Link",
  "Access-Control-Max-Age": "86400",
};

/** The answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, Allow: "GET, OPTIONS" } });
}

/** A strong ETag for a body: a quoted SHA-256 prefix. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
}

/** Whether If-None-Match names this ETag (a list, weak forms, or "*"). */
export function matchesEtag(request: Request, etag: string): boolean {
  const inm = request.headers.get("if-none-match");
  if (!inm) return false;
  if (inm.trim() === "*") return true;
  return inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** 200 with the body, or 304 when the client already has it; always CORS and cache headers. */
export function cachedResponse(request: Request, body: string | Uint8Array, opts: { contentType: string; cacheControl: string; etag?: string; extra?: Record<string, string> }): Response {
  const etag = opts.etag ?? etagOf(body);
  const headers: Record<string, string> = { ...CORS_HEADERS, "Cache-Control": opts.cacheControl, ETag: etag, Vary: "Origin", ...(opts.extra ?? {}) };
  if (matchesEtag(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body as BodyInit, { status: 200, headers: { ...headers, "Content-Type": opts.contentType } });
}

/** JSON body with ETag/304 and caching. */
export function jsonResponse(request: Request, data: unknown, cacheControl: string): Response {
  return cachedResponse(request, JSON.stringify(data), { contentType: "application/json; charset=utf-8", cacheControl });
}

/** An RFC 9457 problem: application/problem+json, never cached for long. */
export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }), {
    status,
    headers: { ...CORS_HEADERS, "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
