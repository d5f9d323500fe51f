import "server-only";
import { prisma } from "@/lib/db/client";
import { log } from "@/lib/log";
import { executeScoreRun } from "./execute";
import { queueScoreRun } from "./queue";

/**
 * Queue a score run and return at once; the engine runs in the background in this process
 * (councils' runs take milliseconds to seconds). A run left queued by a restart is picked up by
 * `resumeQueuedRuns` when the server starts or the releases page opens.
 */
export async function startScoreRun(...args: Parameters<typeof queueScoreRun>) {
  const queued = await queueScoreRun(...args);
  scheduleScoreRun(queued.runId);
  return queued;
}

/** Run it on the next tick, outside the request. */
export function scheduleScoreRun(runId: string): void {
  setImmediate(() => {
    executeScoreRun(prisma, runId).catch((e) => log.error("score run crashed", { runId, error: e }));
  });
}

/** Pick up runs a restart left queued (called when the server starts and when the runs page opens). */
export async function resumeQueuedRuns(olderThanMs = 60_000): Promise<number> {
  // a run still "running" long after it started died with its process: say so rather than spin forever
  await prisma.scoreRun.updateMany({
    where: { status: "running", startedAt: { lt: new Date(Date.now() - 15 * 60_000) } },
    data: { status: "failed", finishedAt: new Date(), error: "The run was interrupted (the service restarted). Start it again." },
  });
  const stale = await prisma.scoreRun.findMany({ where: { status: "queued", createdAt: { lt: new Date(Date.now() - olderThanMs) } }, select: { id: true } });
  for (const r of stale) scheduleScoreRun(r.id);
  return stale.length;
}
