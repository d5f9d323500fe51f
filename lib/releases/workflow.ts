import type { TCouncilContext } from "@/lib/auth/require-council";
import { recordAudit } from "@/lib/audit/record";
import type { TScopedTx } from "@/lib/db/scoped";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { membersWithRole, notify } from "@/lib/notifications/notify";
import {
  decideTransition,
  type TReleaseEvent,
  type TReleaseState,
} from "./state-machine";

type TCtx = Pick<
  TCouncilContext,
  "user" | "council" | "roles" | "viaOperator" | "db"
> & { requestId: string };

/**
 * The workflow's writes. Each one: read the release (scoped to the council), let the pure state
 * machine decide, then change it with an optimistic lock (`lockVersion` and `state` in the
 * WHERE), so of two concurrent decisions exactly one lands and the other gets a clear answer.
 * The database re-checks four-eyes and immutability itself (release_guard trigger).
 *
 * Everything runs in one transaction of the council-scoped client, so every query is confined to
 * the council even where this code also names it.
 */
async function loadFacts(tx: TScopedTx, councilId: string, releaseId: string) {
  const r = await tx.release.findFirst({
    where: { id: releaseId, councilId },
    include: { scoreRun: { select: { datasetIds: true } } },
  });
  if (!r) throw notFound("Release");
  const datasets = await tx.dataset.findMany({
    where: { councilId, id: { in: r.scoreRun.datasetIds } },
    select: { loadedById: true },
  });
  return {
    release: r,
    facts: {
      state: r.state as TReleaseState,
      submittedById: r.submittedById,
      dataUploaderIds: datasets.map((d) => d.loadedById),
    },
  };
}

function decide(
  ctx: TCtx,
  facts: Parameters<typeof decideTransition>[0],
  event: TReleaseEvent,
) {
  const d = decideTransition(facts, event, {
    id: ctx.user.id,
    roles: ctx.roles,
    viaOperator: ctx.viaOperator,
  });
  if (!d.ok)
    throw new AppError(
      d.code === "WRONG_STATE" || d.code === "ALREADY_APPROVED"
        ? "CONFLICT"
        : "PRECONDITION",
      d.message,
    );
  return d.next;
}

async function guardedUpdate(
  tx: TScopedTx,
  where: {
    id: string;
    councilId: string;
    state: TReleaseState;
    lockVersion: number;
  },
  data: Prisma.ReleaseUncheckedUpdateManyInput,
) {
  try {
    const { count } = await tx.release.updateMany({
      where,
      data: { ...data, lockVersion: { increment: 1 } },
    });
    if (count === 1) return;
  } catch (e) {
    const msg = String((e as Error).message ?? "");
    const m = /(Four-eyes[^"\n]*|Only a reviewer[^"\n]*|immutable[^"\n]*)/.exec(
      msg,
    );
    if (m) throw new AppError("PRECONDITION", m[1].replace(/\s+$/, ""));
    throw e;
  }
  const now = await tx.release.findFirst({
    where: { id: where.id, councilId: where.councilId },
    select: { state: true },
  });
  if (now?.state === "approved" || now?.state === "superseded")
    throw new AppError("CONFLICT", "This release has already been approved.");
  throw new AppError(
    "CONFLICT",
    "This release changed while you were looking at it. Reload the page to see its latest state.",
  );
}

const href = (ctx: TCtx, version: number) =>
  `/c/${ctx.council.slug}/releases/${version}`;

/**
 * One transition: load the release, let the state machine decide `event`, and write the new
 * state (with `data`) under the optimistic lock. Returns the release as it was read and its new
 * state.
 */
async function transition(
  tx: TScopedTx,
  ctx: TCtx,
  input: { releaseId: string; lockVersion: number },
  event: TReleaseEvent,
  data: Prisma.ReleaseUncheckedUpdateManyInput = {},
) {
  const { release, facts } = await loadFacts(
    tx,
    ctx.council.id,
    input.releaseId,
  );
  const next = decide(ctx, facts, event);
  await guardedUpdate(
    tx,
    {
      id: release.id,
      councilId: ctx.council.id,
      state: facts.state,
      lockVersion: input.lockVersion,
    },
    { ...data, state: next },
  );
  return { release, facts, next };
}

export async function submitRelease(
  ctx: TCtx,
  input: { releaseId: string; lockVersion: number; notes?: string },
) {
  return ctx.db.$transaction(async (tx) => {
    const notes = input.notes?.trim();
    const { release, facts, next } = await transition(
      tx,
      ctx,
      input,
      "submit",
      {
        submittedById: ctx.user.id,
        submittedAt: new Date(),
        ...(notes ? { notes } : {}),
      },
    );
    const reviewers = await membersWithRole(tx, ctx.council.id, "reviewer", [
      ctx.user.id,
      ...facts.dataUploaderIds,
    ]);
    await notify(tx, {
      councilId: ctx.council.id,
      userIds: reviewers,
      kind: "release.submitted",
      title: `Release ${release.version} is awaiting your review`,
      body: `${release.title} was submitted for review by ${ctx.user.name ?? ctx.user.email}.`,
      href: href(ctx, release.version),
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "release.submitted",
      entityType: "Release",
      entityId: release.id,
      data: { version: release.version },
      requestId: ctx.requestId,
    });
    return { version: release.version, state: next };
  });
}

export async function requestChanges(
  ctx: TCtx,
  input: { releaseId: string; lockVersion: number; reason: string },
) {
  return ctx.db.$transaction(async (tx) => {
    const { release, next } = await transition(
      tx,
      ctx,
      input,
      "requestChanges",
    );
    await tx.releaseComment.create({
      data: {
        councilId: ctx.council.id,
        releaseId: release.id,
        authorId: ctx.user.id,
        body: `Changes requested: ${input.reason}`,
      },
    });
    await notify(tx, {
      councilId: ctx.council.id,
      userIds: [release.submittedById ?? release.createdById],
      kind: "release.changes_requested",
      title: `Changes requested on release ${release.version}`,
      body: `${ctx.user.name ?? ctx.user.email} sent ${release.title} back: ${input.reason}`,
      href: href(ctx, release.version),
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "release.changes_requested",
      entityType: "Release",
      entityId: release.id,
      data: { version: release.version },
      requestId: ctx.requestId,
    });
    return { version: release.version, state: next };
  });
}

/**
 * Approve a submitted release (four-eyes), publishing it at `publishAt` (now by default: an
 * embargo when later). The council's previously approved release is superseded in the same
 * transaction, so members see it at once; the public sees it superseded only once this release
 * is itself published (lib/publish/public-standing.ts).
 */
export async function approveRelease(
  ctx: TCtx,
  input: { releaseId: string; lockVersion: number; publishAt?: Date | null },
) {
  return ctx.db.$transaction(async (tx) => {
    const now = new Date();
    const publishAt =
      input.publishAt && input.publishAt > now ? input.publishAt : now;
    const { release, next } = await transition(tx, ctx, input, "approve", {
      approvedById: ctx.user.id,
      approvedAt: now,
      publishAt,
    });
    const previous = await tx.release.findMany({
      where: {
        councilId: ctx.council.id,
        state: "approved",
        id: { not: release.id },
      },
      select: { id: true, version: true },
    });
    for (const p of previous) {
      await tx.release.updateMany({
        where: { id: p.id, councilId: ctx.council.id, state: "approved" },
        data: { state: "superseded", supersededById: release.id },
      });
    }
    const officers = await membersWithRole(tx, ctx.council.id, "officer", [
      ctx.user.id,
    ]);
    await notify(tx, {
      councilId: ctx.council.id,
      userIds: [release.submittedById ?? release.createdById, ...officers],
      kind: "release.approved",
      title: `Release ${release.version} approved`,
      body: `${release.title} was approved by ${ctx.user.name ?? ctx.user.email}${publishAt > now ? ` and will be published on ${publishAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : " and is now published"}.`,
      href: href(ctx, release.version),
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "release.approved",
      entityType: "Release",
      entityId: release.id,
      beforeId: previous[0]?.id ?? null,
      afterId: release.id,
      data: {
        version: release.version,
        publishAt: publishAt.toISOString(),
        supersedes: previous.map((p) => p.version),
      },
      requestId: ctx.requestId,
    });
    return { version: release.version, state: next, publishAt };
  });
}

export async function withdrawRelease(
  ctx: TCtx,
  input: { releaseId: string; lockVersion: number },
) {
  return ctx.db.$transaction(async (tx) => {
    const { release, next } = await transition(tx, ctx, input, "withdraw");
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "release.withdrawn",
      entityType: "Release",
      entityId: release.id,
      data: { version: release.version },
      requestId: ctx.requestId,
    });
    return { version: release.version, state: next };
  });
}

/** A comment on the release or on one cell (ward × score); the other side is notified. */
export async function addComment(
  ctx: TCtx,
  input: {
    releaseId: string;
    body: string;
    areaCode?: string;
    scoreCode?: string;
    parentId?: string;
  },
) {
  return ctx.db.$transaction(async (tx) => {
    const r = await tx.release.findFirst({
      where: { id: input.releaseId, councilId: ctx.council.id },
    });
    if (!r) throw notFound("Release");
    if (input.parentId) {
      const parent = await tx.releaseComment.findFirst({
        where: {
          id: input.parentId,
          releaseId: r.id,
          councilId: ctx.council.id,
        },
      });
      if (!parent) throw notFound("Comment");
    }
    const c = await tx.releaseComment.create({
      data: {
        councilId: ctx.council.id,
        releaseId: r.id,
        authorId: ctx.user.id,
        body: input.body,
        areaCode: input.areaCode || null,
        scoreCode: input.scoreCode || null,
        parentId: input.parentId || null,
      },
    });
    const others = await tx.releaseComment.findMany({
      where: { releaseId: r.id, councilId: ctx.council.id },
      select: { authorId: true },
      distinct: ["authorId"],
    });
    await notify(tx, {
      councilId: ctx.council.id,
      userIds: [
        r.createdById,
        r.submittedById ?? r.createdById,
        ...others.map((o) => o.authorId),
      ].filter((id) => id !== ctx.user.id),
      kind: "release.comment",
      title: `New comment on release ${r.version}`,
      body: `${ctx.user.name ?? ctx.user.email}: ${input.body.slice(0, 200)}`,
      href: href(ctx, r.version),
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "release.commented",
      entityType: "ReleaseComment",
      entityId: c.id,
      data: {
        version: r.version,
        areaCode: input.areaCode ?? null,
        scoreCode: input.scoreCode ?? null,
      },
      requestId: ctx.requestId,
    });
    return { id: c.id };
  });
}
