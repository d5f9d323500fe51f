import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { requireCouncil, requireOperator, requireUser, type TCouncilContext } from "@/lib/auth/require-council";
import type { TSessionUser } from "@/lib/auth/session";
import type { TPermission } from "@/lib/auth/permissions";
import { AppError, isAppError } from "@/lib/errors";
import { requireEntitlement, type TEntitlement } from "@/lib/billing/entitlements";
import { log } from "@/lib/log";
import type { TActionResult } from "./result";
import { registerAction } from "./registry";

type TPayload = FormData | Record<string, unknown> | undefined | null;

/** FormData → plain object; repeated keys (checkboxes) become arrays. */
export function payloadToObject(payload: TPayload): Record<string, unknown> {
  if (!payload) return {};
  if (!(payload instanceof FormData)) return payload;
  // A prototype-less object, so fields named "constructor" or "__proto__" are just fields.
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of payload.entries()) {
    if (k.startsWith("$ACTION")) continue; // Next's own fields
    if (Object.hasOwn(out, k)) out[k] = ([] as unknown[]).concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

function toFailure(e: unknown, requestId: string, action: string): TActionResult<never> {
  if (e instanceof z.ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of e.issues) {
      const key = issue.path.join(".") || "_";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, error: { code: "VALIDATION", message: "Check the highlighted fields", fieldErrors } };
  }
  if (isAppError(e) && e.code !== "INTERNAL") {
    return { ok: false, error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } };
  }
  log.error("action failed", { action, requestId, error: e });
  return {
    ok: false,
    error: { code: "INTERNAL", message: `Something went wrong and nothing was changed. Quote reference ${requestId} if you contact support.` },
  };
}

export interface TActionContext extends TCouncilContext {
  requestId: string;
}

/**
 * Define a council-scoped server action. The one shape of every entry point:
 * zod input → authenticated → council resolved (non-members: NOT_FOUND) → permission →
 * plan entitlement (when `entitlement` is set: ENTITLEMENT if the council's subscription does
 * not allow it) → handler → revalidate → `{ ok, data }` or `{ ok: false, error }`.
 *
 * The returned function has the `(previousState, payload)` signature of React's
 * useActionState, and payload carries the council slug as `council`.
 */
export function councilAction<S extends z.ZodType, R>(def: {
  name: string;
  input: S;
  permission: TPermission;
  /** a commercial entitlement the council must hold (lib/billing/entitlements.ts) */
  entitlement?: TEntitlement;
  handler: (ctx: TActionContext, input: z.output<S>) => Promise<R>;
  /** paths to revalidate after success; `:council` is replaced by the slug */
  revalidate?: string[];
}) {
  registerAction({ name: def.name, kind: "council", permission: def.permission });
  return async function action(_prev: unknown, payload: TPayload): Promise<TActionResult<R>> {
    const requestId = randomUUID();
    try {
      const raw = payloadToObject(payload);
      const slug = typeof raw.council === "string" ? raw.council : "";
      if (!slug) throw new AppError("NOT_FOUND", "Page not found");
      const ctx = await requireCouncil(slug, def.permission);
      await requireEntitlement(ctx, def.entitlement);
      const input = def.input.parse(raw);
      const data = await def.handler({ ...ctx, requestId }, input);
      for (const p of def.revalidate ?? []) revalidatePath(p.replace(":council", slug));
      return { ok: true, data };
    } catch (e) {
      unstable_rethrow(e);
      return toFailure(e, requestId, def.name);
    }
  };
}

/** A server action for any signed-in user (their own account), or for operators only. */
export function userAction<S extends z.ZodType, R>(def: {
  name: string;
  input: S;
  operatorOnly?: boolean;
  handler: (ctx: { user: TSessionUser; requestId: string }, input: z.output<S>) => Promise<R>;
  revalidate?: string[];
}) {
  registerAction({ name: def.name, kind: def.operatorOnly ? "operator" : "user" });
  return async function action(_prev: unknown, payload: TPayload): Promise<TActionResult<R>> {
    const requestId = randomUUID();
    try {
      const user = def.operatorOnly ? await requireOperator() : await requireUser();
      const input = def.input.parse(payloadToObject(payload));
      const data = await def.handler({ user, requestId }, input);
      for (const p of def.revalidate ?? []) revalidatePath(p);
      return { ok: true, data };
    } catch (e) {
      unstable_rethrow(e);
      return toFailure(e, requestId, def.name);
    }
  };
}
