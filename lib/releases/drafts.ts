import type { Prisma } from "@/lib/generated/prisma/client";

/** Years as a short range label: [2012, 2013, 2014] → "2012–2014"; [2012, 2014] → "2012 and 2014". */
export function periodsLabel(periods: readonly number[]): string {
  const p = [...new Set(periods)].sort((a, b) => a - b);
  if (p.length === 0) return "";
  if (p.length === 1) return String(p[0]);
  const contiguous = p.every((y, i) => i === 0 || y === p[i - 1] + 1);
  if (contiguous) return `${p[0]}–${p[p.length - 1]}`;
  return `${p.slice(0, -1).join(", ")} and ${p[p.length - 1]}`;
}

/**
 * Create the draft release for a successful score run, numbered after the council's last
 * release. Runs inside the run's own transaction (system code: the worker passes the council).
 */
export async function createDraftRelease(
  tx: Prisma.TransactionClient,
  input: { councilId: string; scoreRunId: string; createdById: string; periods: number[]; editionName: string },
) {
  const last = await tx.release.findFirst({ where: { councilId: input.councilId }, orderBy: { version: "desc" }, select: { version: true } });
  return tx.release.create({
    data: {
      councilId: input.councilId,
      scoreRunId: input.scoreRunId,
      createdById: input.createdById,
      version: (last?.version ?? 0) + 1,
      title: `Social Progress Index ${periodsLabel(input.periods)} (${input.editionName})`,
    },
  });
}
