import "server-only";
import { notFound } from "next/navigation";
import { requireCouncil } from "@/lib/auth/require-council";
import { isAppError } from "@/lib/errors";
import { getPreviewRelease, getPublishedRelease, isPublic, parseVersion, type TPublicRelease } from "@/lib/publish/public-release";

export type TSearchParams = Record<string, string | string[] | undefined>;

export interface TPublicPage {
  data: TPublicRelease;
  /** true when a signed-in member is previewing a release that is not yet public */
  preview: boolean;
  /** where this release's pages live: /p/<council> for latest, else /p/<council>/releases/<n> */
  base: string;
  /** the release as the address names it: "latest" (follows new releases) or a pinned version */
  addressed: "latest" | number;
}

/** One search param as a string. */
export function param(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Resolve the release a public page shows, or Next's 404. Without `?preview=1` this is only ever
 * a release public now (lib/publish/public-release.ts). With it, a signed-in member of the council
 * (release:read) may see an approved release still under embargo; anyone else gets the same 404.
 * Pages call this themselves (the layout is not a security boundary).
 */
export async function loadPublicPage(slug: string, versionParam: string, sp: TSearchParams): Promise<TPublicPage> {
  const version = parseVersion(versionParam);
  if (version === null) notFound();
  const now = new Date();
  const base = versionParam === "latest" ? `/p/${slug}` : `/p/${slug}/releases/${version}`;
  try {
    if (param(sp.preview) === "1" && version !== "latest") {
      const ctx = await requireCouncil(slug, "release:read");
      const data = await getPreviewRelease(ctx.db, ctx.council, version, now);
      return { data, preview: !isPublic(data, now), base, addressed: version };
    }
    return { data: await getPublishedRelease(slug, version, now), preview: false, base, addressed: version };
  } catch (e) {
    // unknown council or release, signed out, not a member, no permission: all look the same
    if (isAppError(e) && ["NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN"].includes(e.code)) notFound();
    throw e;
  }
}

/** Append ?preview=1 to internal links while previewing, so navigation stays in the preview. */
export function linkFor(page: TPublicPage, path: string): string {
  const href = `${page.base}${path}`;
  return page.preview ? `${href}${href.includes("?") ? "&" : "?"}preview=1` : href;
}

export const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });
export const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
