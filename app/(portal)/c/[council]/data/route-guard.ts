import "server-only";
import { requireCouncil, type TCouncilContext } from "@/lib/auth/require-council";
import type { TPermission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, NOT_FOUND: 404, FORBIDDEN: 403, VALIDATION: 400, CONFLICT: 409, PRECONDITION: 409 };

/** A JSON error response; non-members get the same 404 as a council that does not exist. */
export function jsonError(code: string, message: string, status = STATUS[code] ?? 500): Response {
  return Response.json({ ok: false, error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Run a route handler under /c/[council]/data with the council resolved and the permission
 * checked here (route handlers are their own security boundary). AppErrors become JSON errors;
 * anything else is logged with a request id and answered with a generic 500.
 */
export async function withCouncil(slug: string, permission: TPermission, fn: (ctx: TCouncilContext) => Promise<Response>): Promise<Response> {
  try {
    const ctx = await requireCouncil(slug, permission);
    return await fn(ctx);
  } catch (e) {
    if (isAppError(e) && e.code !== "INTERNAL") {
      return e.code === "NOT_FOUND" ? new Response("Page not found", { status: 404 }) : jsonError(e.code, e.message);
    }
    const requestId = crypto.randomUUID();
    log.error("data route failed", { requestId, error: e });
    return jsonError("INTERNAL", `Something went wrong and nothing was changed. Quote reference ${requestId} if you contact support.`, 500);
  }
}

/** Refuse cross-site posts: the browser always sends Origin on a POST from script or form. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 form (RFC 6266). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w.-]+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
