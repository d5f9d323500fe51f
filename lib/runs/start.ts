import "server-only";
import type { TCouncilContext } from "@/lib/auth/require-council";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { executeScoreRun } from "./execute";
import type { TRunOptions } from "./options";

/**
 * Queue a score run and return at once; the engine runs in the background in this process
 * (councils' runs take milliseconds to seconds). A run left queued by a restart is picked up by
 * `resumeQueuedRuns` when the server starts.
 */
export async function startScoreRun(
  ctx: Pick<TCouncilContext, "user" | "council" | "db"> & { requestId: string },
  input: { frameworkEditionId: string; periods: number[]; options: TRunOptions },
) {
  const edition = await ctx.db.frameworkEdition.findUnique({ where: { id: input.frameworkEditionId } });
  if (!edition) throw new AppError("VALIDATION", "Choose a framework edition", { fieldErrors: { frameworkEditionId: ["Choose a framework edition"] } });
  const outside = input.periods.filter((p) => p < edition.periodMin || p > edition.periodMax);
  if (outside.length) {
    throw new AppError("VALIDATION", "Choose years the edition covers", {
      fieldErrors: { periods: [`${edition.name} covers ${edition.periodMin}–${edition.periodMax}; ${outside.join(", ")} is outside it`] },
    });
  }
  const running = await ctx.db.scoreRun.count({ where: { status: { in: ["queued", "running"] } } });
  if (running > 0) throw new AppError("CONFLICT", "A score run is already in progress for this council. Wait for it to finish.");
  const run = await ctx.db.$transaction(async (tx) => {
    const created = await tx.scoreRun.create({
      data: {
        councilId: ctx.council.id,
        frameworkEditionId: edition.id,
        periods: [...new Set(input.periods)].sort((a, b) => a - b),
        options: input.options,
        startedById: ctx.user.id,
        datasetIds: [],
      },
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "run.started",
      entityType: "ScoreRun",
      entityId: created.id,
      data: { periods: created.periods, edition: `${edition.code} ${edition.edition}`, options: input.options },
      requestId: ctx.requestId,
    });
    return created;
  });
  scheduleScoreRun(run.id);
  return { runId: run.id };
}

/** Run it on the next tick, outside the request. */
export function scheduleScoreRun(runId: string): void {
  setImmediate(() => {
    executeScoreRun(prisma, runId).catch((e) => log.error("score run crashed", { runId, error: e }));
  });
}

/** Pick up runs a restart left queued (called when the server starts and when the runs page opens). */
export async function resumeQueuedRuns(olderThanMs = 60_000): Promise<number> {
  const stale = await prisma.scoreRun.findMany({ where: { status: "queued", createdAt: { lt: new Date(Date.now() - olderThanMs) } }, select: { id: true } });
  for (const r of stale) scheduleScoreRun(r.id);
  return stale.length;
}
