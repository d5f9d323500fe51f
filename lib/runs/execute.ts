import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { scopedClient } from "@/lib/db/scoped";
import { log } from "@/lib/log";
import { scoreFramework, type TArea, type TObservation, type TSpiResult } from "@/lib/spi";
import { findCurrentObservations } from "@/lib/uploads/current";
import { applyRunOptions, firstObservationYear, ZRunOptions } from "./options";
import { createDraftRelease } from "@/lib/releases/drafts";

/**
 * Run the scoring engine for one queued score run and store what it produced. The ScoreRun
 * table is the job queue: a run is claimed by moving it from `queued` to `running` in one
 * UPDATE, so two workers can never run it twice. On success a draft release is created for
 * review; on failure the run says why in plain English.
 *
 * Returns false when the run was not queued (already claimed, or finished).
 */
export async function executeScoreRun(prisma: PrismaClient, runId: string): Promise<boolean> {
  const claimed = await prisma.scoreRun.updateMany({
    where: { id: runId, status: "queued" },
    data: { status: "running", startedAt: new Date(), progress: 5 },
  });
  if (claimed.count === 0) return false;
  const run = await prisma.scoreRun.findUniqueOrThrow({ where: { id: runId }, include: { frameworkEdition: true } });
  const progress = (p: number) => prisma.scoreRun.update({ where: { id: runId }, data: { progress: p } });
  try {
    const db = scopedClient(prisma, run.councilId);
    const options = ZRunOptions.parse(run.options);
    const from = firstObservationYear(run.periods, options);
    const to = Math.max(...run.periods);
    const current = await findCurrentObservations(db, run.frameworkEditionId);
    const inWindow = current.filter((o) => o.period >= from && o.period <= to);
    const observations: TObservation[] = inWindow.map((o) => ({ area: o.area, indicator: o.indicator, period: o.period, value: o.value }));
    const datasetIds = [...new Set(inWindow.map((o) => o.datasetId))].sort();
    const areas = await runAreas(db, to);
    const peerCovariate = await peerCovariateUsed(prisma, run.councilId, areas);
    await progress(30);
    if (observations.length === 0) throw new RunInputError(`No data has been loaded for ${from}–${to}. Upload data for these years first.`);

    const framework = applyRunOptions(run.frameworkEdition.definition as never, options);
    const outcome = scoreFramework({
      framework,
      observations,
      areas,
      options: {
        peers: { k: options.peerGroupSize, period: to },
        uncertainty: options.uncertaintyDraws > 0 ? { draws: options.uncertaintyDraws, seed: 1, period: to } : undefined,
      },
    });
    await progress(80);
    if (!outcome.ok) {
      const first = outcome.problems.filter((p) => p.severity === "error").slice(0, 5).map((p) => p.message);
      throw new RunInputError(`The engine could not score this data: ${first.join("; ")}`);
    }
    // The engine also scored the look-back years it was given for carrying values forward; a run
    // publishes only the years it was asked for.
    const asked = new Set(run.periods);
    const result = {
      ...outcome.result,
      periods: outcome.result.periods.filter((p) => asked.has(p)),
      scores: outcome.result.scores.filter((s) => asked.has(s.period)),
      aggregates: outcome.result.aggregates.filter((a) => asked.has(a.period)),
    };
    if (!result.scores.some((s) => run.periods.includes(s.period) && s.index !== null)) {
      throw new RunInputError(
        `No ward has an index score for ${run.periods.join(", ")}: too many indicators are missing. The diagnostics of the data pages show which.`,
      );
    }
    await prisma.$transaction(async (tx) => {
      await tx.scoreRun.update({
        where: { id: runId },
        data: {
          status: "succeeded",
          progress: 100,
          finishedAt: new Date(),
          engineVersion: result.engineVersion,
          inputHash: result.inputHash,
          result: result as unknown as object,
          datasetIds,
          // the wards as scored: their population weights are published with the release
          areas: areas.map((a) => ({ code: a.code, name: a.name ?? null, parent: a.parent ?? null, population: a.population ?? null, peerValue: a.peerValue ?? null })),
          // which covariate picked the peer groups, as it was described when the run used it
          ...(peerCovariate ? { options: { ...(run.options as object), peerCovariate } } : {}),
        },
      });
      const release = await createDraftRelease(tx, {
        councilId: run.councilId,
        scoreRunId: runId,
        createdById: run.startedById,
        periods: run.periods,
        editionName: run.frameworkEdition.name,
      });
      await recordAudit(tx, {
        councilId: run.councilId,
        actorId: run.startedById,
        action: "run.succeeded",
        entityType: "ScoreRun",
        entityId: runId,
        afterId: release.id,
        data: { periods: run.periods, inputHash: result.inputHash, engineVersion: result.engineVersion, release: release.version },
      });
    });
    return true;
  } catch (e) {
    const message = e instanceof RunInputError ? e.message : "The score run failed unexpectedly. Nothing was published; try again, or contact support.";
    if (!(e instanceof RunInputError)) log.error("score run failed", { runId, error: e });
    await prisma.$transaction(async (tx) => {
      await tx.scoreRun.update({ where: { id: runId }, data: { status: "failed", finishedAt: new Date(), error: message } });
      await recordAudit(tx, { councilId: run.councilId, actorId: run.startedById, action: "run.failed", entityType: "ScoreRun", entityId: runId, data: { error: message } });
    });
    return true;
  }
}

class RunInputError extends Error {}

/** The council's wards with their population nearest the last period and peer covariate. */
async function runAreas(db: ReturnType<typeof scopedClient>, year: number): Promise<TArea[]> {
  const wards = await db.area.findMany({
    where: { kind: "ward" },
    select: { code: true, name: true, peerValue: true, parent: { select: { code: true } }, populations: { select: { year: true, population: true } } },
  });
  return wards.map((w) => {
    const pop = [...w.populations].sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || a.year - b.year)[0];
    return { code: w.code, name: w.name, parent: w.parent?.code ?? null, population: pop?.population ?? null, peerValue: w.peerValue };
  });
}

/** What the wards' peer values measure (Council.peerCovariateLabel), when the run has any peer values. */
async function peerCovariateUsed(prisma: PrismaClient, councilId: string, areas: TArea[]): Promise<string | null> {
  if (!areas.some((a) => a.peerValue !== null && a.peerValue !== undefined)) return null;
  const council = await prisma.council.findUnique({ where: { id: councilId }, select: { peerCovariateLabel: true } });
  return council?.peerCovariateLabel ?? null;
}

export type { TSpiResult };
