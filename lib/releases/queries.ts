import "server-only";
import type { TScopedClient } from "@/lib/db/scoped";
import { notFound } from "@/lib/errors";
import type { TSpiResult } from "@/lib/spi";
import { runPopulations } from "@/lib/runs/run-areas";
import { isPublished, type TReleaseState } from "./state-machine";

/** The council's releases, newest first, with their run and people. */
export async function findReleases(db: TScopedClient) {
  const rows = await db.release.findMany({
    orderBy: { version: "desc" },
    include: {
      scoreRun: { select: { periods: true, frameworkEdition: { select: { name: true, edition: true } } } },
      createdBy: { select: { name: true, email: true } },
      approvedBy: { select: { name: true, email: true } },
    },
  });
  const now = new Date();
  return rows.map((r) => ({ ...r, state: r.state as TReleaseState, published: isPublished({ state: r.state as TReleaseState, publishAt: r.publishAt }, now) }));
}

/** Score runs still queued or running, or failed recently, for the progress list. */
export async function findActiveRuns(db: TScopedClient) {
  return db.scoreRun.findMany({
    where: { OR: [{ status: { in: ["queued", "running"] } }, { status: "failed", createdAt: { gte: new Date(Date.now() - 7 * 86_400_000) } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, progress: true, periods: true, error: true, createdAt: true, startedBy: { select: { name: true, email: true } } },
  });
}

export async function getScoreRun(db: TScopedClient, id: string) {
  const run = await db.scoreRun.findFirst({
    where: { id },
    select: {
      id: true,
      status: true,
      progress: true,
      periods: true,
      options: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      engineVersion: true,
      inputHash: true,
      frameworkEdition: { select: { name: true, edition: true } },
      release: { select: { version: true } },
    },
  });
  if (!run) throw notFound("Score run");
  return run;
}

export interface TReleaseForReview {
  release: {
    id: string;
    version: number;
    state: TReleaseState;
    title: string;
    notes: string | null;
    lockVersion: number;
    publishAt: Date | null;
    published: boolean;
    createdAt: Date;
    submittedAt: Date | null;
    approvedAt: Date | null;
    createdBy: string;
    submittedBy: string | null;
    submittedById: string | null;
    approvedBy: string | null;
    supersededByVersion: number | null;
  };
  run: { id: string; periods: number[]; options: Record<string, unknown>; engineVersion: string | null; inputHash: string | null; datasetIds: string[]; edition: { code: string; edition: string; name: string; definition: unknown } };
  result: TSpiResult;
  /** the latest approved release before this one (what "changed since" compares with) */
  previous: { version: number; periods: number[]; options: Record<string, unknown>; edition: string; framework: unknown; result: TSpiResult } | null;
  comments: Array<{ id: string; author: string; authorId: string; body: string; areaCode: string | null; scoreCode: string | null; parentId: string | null; createdAt: Date }>;
  /** who loaded the data the run used (four-eyes) */
  dataUploaderIds: string[];
  wards: Array<{ code: string; name: string; geometry: unknown; population: number | null }>;
}

const who = (u: { name: string | null; email: string } | null) => (u ? (u.name ? `${u.name} (${u.email})` : u.email) : null);

/** Everything the review screen shows for one release, by its version number. */
export async function getReleaseForReview(db: TScopedClient, version: number, vintage: string): Promise<TReleaseForReview> {
  const r = await db.release.findFirst({
    where: { version },
    include: {
      scoreRun: { include: { frameworkEdition: true } },
      createdBy: { select: { name: true, email: true } },
      submittedBy: { select: { name: true, email: true } },
      approvedBy: { select: { name: true, email: true } },
      supersededBy: { select: { version: true } },
      comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true, email: true } } } },
    },
  });
  if (!r || !r.scoreRun.result) throw notFound("Release");
  const prev = await db.release.findFirst({
    where: { version: { lt: version }, state: { in: ["approved", "superseded"] } },
    orderBy: { version: "desc" },
    include: { scoreRun: { include: { frameworkEdition: { select: { edition: true, definition: true } } } } },
  });
  const datasets = await db.dataset.findMany({ where: { id: { in: r.scoreRun.datasetIds } }, select: { loadedById: true } });
  const wards = await db.area.findMany({
    where: { kind: "ward", vintage },
    orderBy: { name: "asc" },
    select: { code: true, name: true, geometry: true, populations: { orderBy: { year: "desc" }, take: 1, select: { population: true } } },
  });
  const state = r.state as TReleaseState;
  const population = runPopulations(r.scoreRun.areas);
  return {
    release: {
      id: r.id,
      version: r.version,
      state,
      title: r.title,
      notes: r.notes,
      lockVersion: r.lockVersion,
      publishAt: r.publishAt,
      published: isPublished({ state, publishAt: r.publishAt }, new Date()),
      createdAt: r.createdAt,
      submittedAt: r.submittedAt,
      approvedAt: r.approvedAt,
      createdBy: who(r.createdBy)!,
      submittedBy: who(r.submittedBy),
      submittedById: r.submittedById,
      approvedBy: who(r.approvedBy),
      supersededByVersion: r.supersededBy?.version ?? null,
    },
    run: {
      id: r.scoreRun.id,
      periods: r.scoreRun.periods,
      options: r.scoreRun.options as Record<string, unknown>,
      engineVersion: r.scoreRun.engineVersion,
      inputHash: r.scoreRun.inputHash,
      datasetIds: r.scoreRun.datasetIds,
      edition: { code: r.scoreRun.frameworkEdition.code, edition: r.scoreRun.frameworkEdition.edition, name: r.scoreRun.frameworkEdition.name, definition: r.scoreRun.frameworkEdition.definition },
    },
    result: r.scoreRun.result as unknown as TSpiResult,
    previous:
      prev && prev.scoreRun.result
        ? { version: prev.version, periods: prev.scoreRun.periods, options: prev.scoreRun.options as Record<string, unknown>, edition: prev.scoreRun.frameworkEdition.edition, framework: prev.scoreRun.frameworkEdition.definition, result: prev.scoreRun.result as unknown as TSpiResult }
        : null,
    comments: r.comments.map((c) => ({ id: c.id, author: who(c.author)!, authorId: c.authorId, body: c.body, areaCode: c.areaCode, scoreCode: c.scoreCode, parentId: c.parentId, createdAt: c.createdAt })),
    dataUploaderIds: datasets.map((d) => d.loadedById),
    wards: wards.map((w) => ({ code: w.code, name: w.name, geometry: w.geometry, population: population(w.code, w.populations[0]?.population) })),
  };
}
