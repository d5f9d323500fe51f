import type { TCouncilContext } from "@/lib/auth/require-council";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { TRunOptions } from "./options";

/**
 * Put a score run in the queue (the ScoreRun table) after checking the edition and years, with
 * its audit entry. Running it is the worker's job (lib/runs/execute.ts).
 */
export async function queueScoreRun(
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
  return { runId: run.id };
}

