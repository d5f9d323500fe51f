import "server-only";
import { prisma } from "@/lib/db/client";
import type { TScopedClient } from "@/lib/db/scoped";
import { notFound } from "@/lib/errors";
import { isPublished, type TReleaseState } from "@/lib/releases/state-machine";
import { runPopulations } from "@/lib/runs/run-areas";
import type { TSpiResult } from "@/lib/spi";
import type { TPublicFramework } from "./framework";
import { publicStandings, type TStandingRow } from "./public-standing";

/*
 * THE resolver for everything the public sees (pages, downloads, API).
 *
 * Why the raw Prisma client here, when feature code must use the council-scoped one: public
 * reads are platform-level (no account, so there is no membership to scope by), read-only, and
 * filtered to the published state in ONE place — this file. Every query below names its
 * councilId explicitly, and every release it returns has passed `isPublished` (approved or
 * superseded, and its embargo `publishAt` has passed). A release that exists but is not
 * published is reported exactly as one that does not exist (NOT_FOUND), so nothing leaks.
 * Nor does its supersession: a release stays "approved" and latest to the public until the
 * release that corrects it is itself public (./public-standing.ts).
 */

/** A release as the public sees it: immutable once approved, so safe to cache forever. */
export interface TPublicRelease {
  council: {
    id: string;
    slug: string;
    name: string;
    laCode: string;
    boundaryVintage: string;
  };
  release: {
    id: string;
    version: number;
    /** as the public sees it at `now`: "superseded" only once a correcting release is public */
    state: "approved" | "superseded";
    title: string;
    notes: string | null;
    approvedAt: Date | null;
    publishAt: Date;
    /** the earlier release this one corrected, as it stood when this one came out (never changes) */
    supersedesVersion: number | null;
    /** the release that corrected this one, once that release is itself public */
    supersededByVersion: number | null;
    /** whether this is the council's newest public release */
    isLatest: boolean;
  };
  run: {
    periods: number[];
    options: Record<string, unknown>;
    engineVersion: string | null;
    inputHash: string | null;
    datasetIds: string[];
  };
  edition: {
    code: string;
    edition: string;
    name: string;
    definition: TPublicFramework;
  };
  result: TSpiResult;
  /** the council's wards in the release's boundary vintage, by name */
  wards: Array<{
    code: string;
    name: string;
    geometry: unknown;
    population: number | null;
  }>;
}

const PUBLISHABLE: TReleaseState[] = ["approved", "superseded"];
const VERSION = /^[1-9]\d{0,8}$/;

/** Parse a version path segment: a positive integer or "latest"; anything else is null. */
export function parseVersion(v: string): number | "latest" | null {
  if (v === "latest") return "latest";
  return VERSION.test(v) ? Number(v) : null;
}

const COUNCIL_SELECT = {
  id: true,
  slug: true,
  name: true,
  laCode: true,
  boundaryVintage: true,
} as const;

const HEADER_SELECT = {
  id: true,
  version: true,
  state: true,
  title: true,
  notes: true,
  approvedAt: true,
  publishAt: true,
  supersededById: true,
  scoreRun: {
    select: {
      periods: true,
      frameworkEdition: { select: { code: true, edition: true, name: true } },
    },
  },
} as const;

/**
 * The headers of a council's approved and superseded releases, newest first: those public at
 * `now`, and all of them (embargoed ones too, never to be shown: only to follow a supersession
 * chain through them, see ./public-standing.ts).
 */
async function releaseHeaders(councilId: string, now: Date) {
  const all = await prisma.release.findMany({
    where: { councilId, state: { in: PUBLISHABLE }, publishAt: { not: null } },
    orderBy: { version: "desc" },
    select: HEADER_SELECT,
  });
  return {
    all,
    published: all.filter((r) =>
      isPublished(
        { state: r.state as TReleaseState, publishAt: r.publishAt },
        now,
      ),
    ),
  };
}

/** Councils with at least one public release at `now`, by name. */
export async function findPublicCouncils(now: Date) {
  const councils = await prisma.council.findMany({
    where: {
      releases: {
        some: {
          state: { in: PUBLISHABLE },
          publishAt: { not: null, lte: now },
        },
      },
    },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, laCode: true },
  });
  const out = [];
  for (const c of councils) {
    const { published: releases } = await releaseHeaders(c.id, now);
    if (releases.length === 0) continue;
    out.push({
      slug: c.slug,
      name: c.name,
      laCode: c.laCode,
      latestVersion: releases[0].version,
      latestPublishAt: releases[0].publishAt!,
      releaseCount: releases.length,
    });
  }
  return out;
}

async function councilBySlug(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw notFound("Council");
  const c = await prisma.council.findUnique({
    where: { slug },
    select: COUNCIL_SELECT,
  });
  if (!c) throw notFound("Council");
  return c;
}

/** A council's public releases at `now`, newest first; NOT_FOUND when it has none. */
export async function findPublishedReleases(councilSlug: string, now: Date) {
  const council = await councilBySlug(councilSlug);
  const { all, published } = await releaseHeaders(council.id, now);
  if (published.length === 0) throw notFound("Council");
  const standings = publicStandings(all, now);
  return {
    council: { slug: council.slug, name: council.name, laCode: council.laCode },
    releases: published.map((r, i) => {
      const { state, supersededByVersion } = standings.of(r);
      return {
        version: r.version,
        title: r.title,
        state,
        publishAt: r.publishAt!,
        approvedAt: r.approvedAt,
        periods: r.scoreRun.periods,
        edition: r.scoreRun.frameworkEdition,
        supersededByVersion,
        isLatest: i === 0,
      };
    }),
  };
}

/**
 * One public release of a council: a version number, or "latest" (the newest release public at
 * `now`). Throws NOT_FOUND — for an unknown council, an unknown version, and equally for a draft,
 * submitted, withdrawn or embargoed release — so the public cannot tell them apart.
 */
export async function getPublishedRelease(
  councilSlug: string,
  version: number | "latest",
  now: Date,
): Promise<TPublicRelease> {
  if (!/^[a-z0-9-]{1,80}$/.test(councilSlug)) throw notFound("Council");
  // one query on the hot path (every public page, API call and embed): the council's approved
  // release headers with the council itself (embargoed ones only to follow supersession through,
  // never returned); no public release looks exactly like no council
  const rows = await prisma.release.findMany({
    where: {
      council: { slug: councilSlug },
      state: { in: PUBLISHABLE },
      publishAt: { not: null },
    },
    orderBy: { version: "desc" },
    select: {
      ...HEADER_SELECT,
      council: { select: COUNCIL_SELECT },
    },
  });
  const headers = rows.filter((r) =>
    isPublished(
      { state: r.state as TReleaseState, publishAt: r.publishAt },
      now,
    ),
  );
  const h =
    version === "latest"
      ? headers[0]
      : headers.find((r) => r.version === version);
  if (!h) throw notFound("Release");
  return loadBundle(h.council, h, rows, now);
}

/**
 * For signed-in members previewing an approved release before its embargo lifts (?preview=1).
 * `db` must come from requireCouncil(slug, "release:read"): the membership check is the caller's.
 * Only approved or superseded releases can be previewed — never drafts or ones under review.
 */
export async function getPreviewRelease(
  db: TScopedClient,
  council: TPublicRelease["council"],
  version: number,
  now: Date,
): Promise<TPublicRelease> {
  const r = await db.release.findFirst({
    where: { version, state: { in: PUBLISHABLE } },
    select: { id: true },
  });
  if (!r) throw notFound("Release");
  const { all } = await releaseHeaders(council.id, now);
  const head = all.find((h) => h.id === r.id);
  if (!head) throw notFound("Release");
  return loadBundle(council, head, all, now);
}

/** Whether a bundle is public at `now` (false for a preview of an embargoed release). */
export function isPublic(r: TPublicRelease, now: Date): boolean {
  return isPublished(
    { state: r.release.state, publishAt: r.release.publishAt },
    now,
  );
}

// The content of an approved release never changes (rule 5), so it is cached in memory by id.
// Its public standing does change (approved → superseded, latest or not), so that is worked out
// from the council's release headers every time.
type TCore = Pick<TPublicRelease, "run" | "edition" | "result" | "wards"> & {
  version: number;
  title: string;
  notes: string | null;
  approvedAt: Date | null;
};
const cache = new Map<string, TCore>();

/**
 * The release's content (cached) with its public standing at `now`: `head` is the release's
 * header, just read by the caller, and `all` the council's approved and superseded releases
 * (embargoed ones too), newest first.
 */
async function loadBundle(
  council: TPublicRelease["council"],
  head: TStandingRow,
  all: readonly TStandingRow[],
  now: Date,
): Promise<TPublicRelease> {
  const releaseId = head.id;
  if (!PUBLISHABLE.includes(head.state as TReleaseState) || !head.publishAt)
    throw notFound("Release");
  let core = cache.get(releaseId);
  if (!core) {
    const r = await prisma.release.findFirst({
      where: {
        id: releaseId,
        councilId: council.id,
        state: { in: PUBLISHABLE },
      },
      include: { scoreRun: { include: { frameworkEdition: true } } },
    });
    if (!r || !r.scoreRun.result) throw notFound("Release");
    const wards = await prisma.area.findMany({
      where: {
        councilId: council.id,
        kind: "ward",
        vintage: council.boundaryVintage,
      },
      orderBy: { name: "asc" },
      select: {
        code: true,
        name: true,
        geometry: true,
        populations: {
          orderBy: { year: "desc" },
          take: 1,
          select: { population: true },
        },
      },
    });
    const run = r.scoreRun;
    const population = runPopulations(run.areas);
    core = {
      version: r.version,
      title: r.title,
      notes: r.notes,
      approvedAt: r.approvedAt,
      run: {
        periods: run.periods,
        options: (run.options ?? {}) as Record<string, unknown>,
        engineVersion: run.engineVersion,
        inputHash: run.inputHash,
        datasetIds: run.datasetIds,
      },
      edition: {
        code: run.frameworkEdition.code,
        edition: run.frameworkEdition.edition,
        name: run.frameworkEdition.name,
        definition: run.frameworkEdition
          .definition as unknown as TPublicFramework,
      },
      result: run.result as unknown as TSpiResult,
      wards: wards.map((w) => ({
        code: w.code,
        name: w.name,
        geometry: w.geometry,
        population: population(w.code, w.populations[0]?.population),
      })),
    };
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    cache.set(releaseId, core);
  }
  const { version, title, notes, approvedAt, ...rest } = core;
  const standings = publicStandings(all, now);
  const { state, supersededByVersion, supersedesVersion } = standings.of(head);
  return {
    ...rest,
    council,
    release: {
      id: releaseId,
      version,
      title,
      notes,
      approvedAt,
      state,
      publishAt: head.publishAt,
      supersedesVersion,
      supersededByVersion,
      isLatest: all.find((r) => standings.isPublic(r))?.id === releaseId,
    },
  };
}
