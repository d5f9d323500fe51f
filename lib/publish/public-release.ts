import "server-only";
import { prisma } from "@/lib/db/client";
import type { TScopedClient } from "@/lib/db/scoped";
import { notFound } from "@/lib/errors";
import { isPublished, type TReleaseState } from "@/lib/releases/state-machine";
import { runPopulations } from "@/lib/runs/run-areas";
import type { TSpiResult } from "@/lib/spi";
import type { TPublicFramework } from "./framework";

/*
 * THE resolver for everything the public sees (pages, downloads, API).
 *
 * Why the raw Prisma client here, when feature code must use the council-scoped one: public
 * reads are platform-level (no account, so there is no membership to scope by), read-only, and
 * filtered to the published state in ONE place — this file. Every query below names its
 * councilId explicitly, and every release it returns has passed `isPublished` (approved or
 * superseded, and its embargo `publishAt` has passed). A release that exists but is not
 * published is reported exactly as one that does not exist (NOT_FOUND), so nothing leaks.
 */

/** A release as the public sees it: immutable once approved, so safe to cache forever. */
export interface TPublicRelease {
  council: { id: string; slug: string; name: string; laCode: string; boundaryVintage: string };
  release: {
    id: string;
    version: number;
    state: "approved" | "superseded";
    title: string;
    notes: string | null;
    approvedAt: Date | null;
    publishAt: Date;
    /** the earlier release this one corrected, if it is public */
    supersedesVersion: number | null;
    /** the release that corrected this one, once that release is itself public */
    supersededByVersion: number | null;
    /** whether this is the council's newest public release */
    isLatest: boolean;
  };
  run: { periods: number[]; options: Record<string, unknown>; engineVersion: string | null; inputHash: string | null; datasetIds: string[] };
  edition: { code: string; edition: string; name: string; definition: TPublicFramework };
  result: TSpiResult;
  /** the council's wards in the release's boundary vintage, by name */
  wards: Array<{ code: string; name: string; geometry: unknown; population: number | null }>;
}

const PUBLISHABLE: TReleaseState[] = ["approved", "superseded"];
const VERSION = /^[1-9]\d{0,8}$/;

/** Parse a version path segment: a positive integer or "latest"; anything else is null. */
export function parseVersion(v: string): number | "latest" | null {
  if (v === "latest") return "latest";
  return VERSION.test(v) ? Number(v) : null;
}

const HEADER_SELECT = {
  id: true,
  version: true,
  state: true,
  title: true,
  notes: true,
  approvedAt: true,
  publishAt: true,
  supersededById: true,
  scoreRun: { select: { periods: true, frameworkEdition: { select: { code: true, edition: true, name: true } } } },
} as const;

/** The release headers of a council that are public at `now`, newest first. */
async function publishedHeaders(councilId: string, now: Date) {
  const rows = await prisma.release.findMany({
    where: { councilId, state: { in: PUBLISHABLE }, publishAt: { not: null, lte: now } },
    orderBy: { version: "desc" },
    select: HEADER_SELECT,
  });
  // belt and braces: the query filters, and the state machine's own rule decides
  return rows.filter((r) => isPublished({ state: r.state as TReleaseState, publishAt: r.publishAt }, now));
}

/** Councils with at least one public release at `now`, by name. */
export async function findPublicCouncils(now: Date) {
  const councils = await prisma.council.findMany({
    where: { releases: { some: { state: { in: PUBLISHABLE }, publishAt: { not: null, lte: now } } } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, laCode: true },
  });
  const out = [];
  for (const c of councils) {
    const releases = await publishedHeaders(c.id, now);
    if (releases.length === 0) continue;
    out.push({ slug: c.slug, name: c.name, laCode: c.laCode, latestVersion: releases[0].version, latestPublishAt: releases[0].publishAt!, releaseCount: releases.length });
  }
  return out;
}

async function councilBySlug(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw notFound("Council");
  const c = await prisma.council.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, laCode: true, boundaryVintage: true } });
  if (!c) throw notFound("Council");
  return c;
}

/** A council's public releases at `now`, newest first; NOT_FOUND when it has none. */
export async function findPublishedReleases(councilSlug: string, now: Date) {
  const council = await councilBySlug(councilSlug);
  const rows = await publishedHeaders(council.id, now);
  if (rows.length === 0) throw notFound("Council");
  const byId = new Map(rows.map((r) => [r.id, r.version]));
  return {
    council: { slug: council.slug, name: council.name, laCode: council.laCode },
    releases: rows.map((r, i) => ({
      version: r.version,
      title: r.title,
      state: r.state as "approved" | "superseded",
      publishAt: r.publishAt!,
      approvedAt: r.approvedAt,
      periods: r.scoreRun.periods,
      edition: r.scoreRun.frameworkEdition,
      supersededByVersion: r.supersededById ? (byId.get(r.supersededById) ?? null) : null,
      isLatest: i === 0,
    })),
  };
}

/**
 * One public release of a council: a version number, or "latest" (the newest release public at
 * `now`). Throws NOT_FOUND — for an unknown council, an unknown version, and equally for a draft,
 * submitted, withdrawn or embargoed release — so the public cannot tell them apart.
 */
export async function getPublishedRelease(councilSlug: string, version: number | "latest", now: Date): Promise<TPublicRelease> {
  if (!/^[a-z0-9-]{1,80}$/.test(councilSlug)) throw notFound("Council");
  // one query on the hot path (every public page, API call and embed): the council's public
  // release headers with the council itself; no public release looks exactly like no council
  const rows = await prisma.release.findMany({
    where: { council: { slug: councilSlug }, state: { in: PUBLISHABLE }, publishAt: { not: null, lte: now } },
    orderBy: { version: "desc" },
    select: { ...HEADER_SELECT, council: { select: { id: true, slug: true, name: true, laCode: true, boundaryVintage: true } } },
  });
  const headers = rows.filter((r) => isPublished({ state: r.state as TReleaseState, publishAt: r.publishAt }, now));
  const h = version === "latest" ? headers[0] : headers.find((r) => r.version === version);
  if (!h) throw notFound("Release");
  return loadBundle(h.council, { id: h.id, state: h.state, publishAt: h.publishAt, supersededById: h.supersededById }, headers);
}

/**
 * For signed-in members previewing an approved release before its embargo lifts (?preview=1).
 * `db` must come from requireCouncil(slug, "release:read"): the membership check is the caller's.
 * Only approved or superseded releases can be previewed — never drafts or ones under review.
 */
export async function getPreviewRelease(db: TScopedClient, council: TPublicRelease["council"], version: number, now: Date): Promise<TPublicRelease> {
  const r = await db.release.findFirst({ where: { version, state: { in: PUBLISHABLE } }, select: { id: true, state: true, publishAt: true, supersededById: true } });
  if (!r) throw notFound("Release");
  return loadBundle(council, r, await publishedHeaders(council.id, now));
}

/** Whether a bundle is public at `now` (false for a preview of an embargoed release). */
export function isPublic(r: TPublicRelease, now: Date): boolean {
  return isPublished({ state: r.release.state, publishAt: r.release.publishAt }, now);
}

// The content of an approved release never changes (rule 5), so it is cached in memory by id.
// Its state and supersededBy do change (approved → superseded), so those are read every time.
type TCore = Pick<TPublicRelease, "run" | "edition" | "result" | "wards"> & { version: number; title: string; notes: string | null; approvedAt: Date | null };
const cache = new Map<string, TCore>();

/**
 * The release's content (cached) with its current standing: `head` is the release's state row,
 * just read by the caller, and `published` the council's public releases, newest first.
 */
async function loadBundle(
  council: TPublicRelease["council"],
  head: { id: string; state: string; publishAt: Date | null; supersededById: string | null },
  published: Array<{ id: string; version: number; supersededById: string | null }>,
): Promise<TPublicRelease> {
  const releaseId = head.id;
  if (!PUBLISHABLE.includes(head.state as TReleaseState) || !head.publishAt) throw notFound("Release");
  let core = cache.get(releaseId);
  if (!core) {
    const r = await prisma.release.findFirst({
      where: { id: releaseId, councilId: council.id, state: { in: PUBLISHABLE } },
      include: { scoreRun: { include: { frameworkEdition: true } } },
    });
    if (!r || !r.scoreRun.result) throw notFound("Release");
    const wards = await prisma.area.findMany({
      where: { councilId: council.id, kind: "ward", vintage: council.boundaryVintage },
      orderBy: { name: "asc" },
      select: { code: true, name: true, geometry: true, populations: { orderBy: { year: "desc" }, take: 1, select: { population: true } } },
    });
    const run = r.scoreRun;
    const population = runPopulations(run.areas);
    core = {
      version: r.version,
      title: r.title,
      notes: r.notes,
      approvedAt: r.approvedAt,
      run: { periods: run.periods, options: (run.options ?? {}) as Record<string, unknown>, engineVersion: run.engineVersion, inputHash: run.inputHash, datasetIds: run.datasetIds },
      edition: { code: run.frameworkEdition.code, edition: run.frameworkEdition.edition, name: run.frameworkEdition.name, definition: run.frameworkEdition.definition as unknown as TPublicFramework },
      result: run.result as unknown as TSpiResult,
      wards: wards.map((w) => ({ code: w.code, name: w.name, geometry: w.geometry, population: population(w.code, w.populations[0]?.population) })),
    };
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    cache.set(releaseId, core);
  }
  const { version, title, notes, approvedAt, ...rest } = core;
  const byId = new Map(published.map((p) => [p.id, p.version]));
  const supersedes = published.find((p) => p.supersededById === releaseId);
  return {
    ...rest,
    council,
    release: {
      id: releaseId,
      version,
      title,
      notes,
      approvedAt,
      state: head.state as "approved" | "superseded",
      publishAt: head.publishAt,
      supersedesVersion: supersedes?.version ?? null,
      supersededByVersion: head.supersededById ? (byId.get(head.supersededById) ?? null) : null,
      isLatest: published[0]?.id === releaseId,
    },
  };
}
