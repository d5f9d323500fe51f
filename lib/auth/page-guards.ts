import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import type { TPermission } from "./permissions";
import { requireCouncil, requireOperator, requireUser, type TCouncilContext } from "./require-council";

/** Turn the resolvers' errors into Next's responses: sign-in redirect, 404, or 403. */
async function guard<T>(fn: () => Promise<T>, returnTo: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) {
      if (e.code === "UNAUTHENTICATED") redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
      if (e.code === "NOT_FOUND") notFound();
      if (e.code === "FORBIDDEN") forbidden();
    }
    throw e;
  }
}

/** For pages and generateMetadata under /c/[council]. */
export function councilPage(slug: string, permission: TPermission, returnTo = `/c/${slug}`): Promise<TCouncilContext> {
  return guard(() => requireCouncil(slug, permission), returnTo);
}

export function userPage(returnTo = "/c") {
  return guard(() => requireUser(), returnTo);
}

export function operatorPage(returnTo = "/operator") {
  return guard(() => requireOperator(), returnTo);
}
