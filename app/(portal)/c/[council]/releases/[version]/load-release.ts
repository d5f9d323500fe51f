import "server-only";
import { notFound } from "next/navigation";
import type { TFrameworkShape } from "@/components/releases/format";
import type { TCouncilContext } from "@/lib/auth/require-council";
import { isAppError } from "@/lib/errors";
import { getReleaseForReview } from "@/lib/releases/queries";

/**
 * The release for the review screens, or Next's 404 for a malformed or missing version (the
 * council itself was already resolved by councilPage, so existence never leaks across councils).
 */
export async function loadRelease(ctx: TCouncilContext, version: string) {
  if (!/^[1-9]\d{0,8}$/.test(version)) notFound();
  try {
    const data = await getReleaseForReview(ctx.db, Number(version), ctx.council.boundaryVintage);
    const framework = data.run.edition.definition as TFrameworkShape;
    const names: Record<string, string> = { index: "Social Progress Index" };
    for (const d of framework.dimensions) {
      names[d.code] = d.name;
      for (const c of d.components) {
        names[c.code] = c.name;
        for (const i of c.indicators) names[i.code] = i.name;
      }
    }
    const wardNames: Record<string, string> = Object.fromEntries(data.wards.map((w) => [w.code, w.name]));
    return { ...data, framework, names, wardNames };
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export type TLoadedRelease = Awaited<ReturnType<typeof loadRelease>>;

/** One search param as a string. */
export function param(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
