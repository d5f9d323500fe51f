import "server-only";
import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import type { TPermission } from "./permissions";
import { requireCouncil, requireOperator, requireUser, type TCouncilContext } from "./require-council";

/** Turn a resolver's error into Next's response: sign-in redirect, 404, or 403 (anything else is rethrown). */
function respond(e: unknown, returnTo: string): never {
  if (isAppError(e)) {
    if (e.code === "UNAUTHENTICATED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
    if (e.code === "NOT_FOUND") notFound();
    if (e.code === "FORBIDDEN") forbidden();
  }
  throw e;
}

async function guard<T>(fn: () => Promise<T>, returnTo: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    respond(e, returnTo);
  }
}

/** For pages under /c/[council]; their generateMetadata uses councilMetadata. */
export function councilPage(slug: string, permission: TPermission, returnTo = `/c/${slug}`): Promise<TCouncilContext> {
  return guard(() => requireCouncil(slug, permission), returnTo);
}

/** The title of the page forbidden.tsx draws (app/forbidden.tsx). */
export const FORBIDDEN_TITLE = "You do not have permission to see this page";

/**
 * For generateMetadata under /c/[council]: the metadata `build` makes from the council context.
 * A member without the permission gets the 403 page's title here, while the page itself answers
 * 403; if this threw forbidden() too, Next would title the 403 page with the not-found metadata.
 */
export async function councilMetadata(
  slug: string,
  permission: TPermission,
  build: (ctx: TCouncilContext) => Metadata | Promise<Metadata>,
): Promise<Metadata> {
  let ctx: TCouncilContext;
  try {
    ctx = await requireCouncil(slug, permission);
  } catch (e) {
    if (isAppError(e) && e.code === "FORBIDDEN") return { title: FORBIDDEN_TITLE };
    respond(e, `/c/${slug}`);
  }
  return build(ctx);
}

export function userPage(returnTo = "/c") {
  return guard(() => requireUser(), returnTo);
}

export function operatorPage(returnTo = "/operator") {
  return guard(() => requireOperator(), returnTo);
}

/**
 * For generateMetadata under /operator: `metadata` for operators. Anyone else gets the not-found
 * title, as the page answers 404 (static metadata would name the console on its 404 page).
 */
export async function operatorMetadata(metadata: Metadata, returnTo = "/operator"): Promise<Metadata> {
  await operatorPage(returnTo);
  return metadata;
}
