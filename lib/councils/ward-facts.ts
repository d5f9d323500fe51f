import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import type { TScopedClient, TScopedTx } from "@/lib/db/scoped";
import { AppError } from "@/lib/errors";
import { toCsv } from "@/lib/publish/csv";
import { findOtherCouncilAreas } from "@/lib/uploads/context";
import { cleanFilename, sha256Hex } from "@/lib/uploads/store-file";
import { AREAS_COLUMNS, checkAreasFile, type TWardFactsContext, type TWardFactsForm, type TWardFactsReport } from "./ward-facts-check";

/*
 * Ward facts: each ward's population by year (AreaPopulation, the weights of regional
 * aggregation, SPI-METHOD §6) and its peer covariate (Area.peerValue, which picks its peer group
 * for strengths and weaknesses, §5), loaded by an officer from an areas file.
 */

export interface TWardFactsCtx {
  user: { id: string };
  council: { id: string; name: string; laCode: string; boundaryVintage: string };
  db: TScopedClient;
  requestId?: string;
}

export const WARD_FACTS_ACTIONS = { populations: "wards.populations_loaded", peerValues: "wards.peer_values_loaded" } as const;

/** Long enough for a national file's thousands of wards; Prisma's default (5 s) is for small transactions. */
const APPLY_TIMEOUT_MS = 60_000;

/**
 * What the council's peer values measure. Council is not a tenant model, so the scoped client's
 * delegates refuse it: read the council's own row by its id (from the resolver) instead.
 */
export async function getPeerCovariate(db: Pick<TScopedTx, "$queryRaw">, councilId: string): Promise<{ label: string | null; source: string | null }> {
  const rows = await db.$queryRaw<Array<{ label: string | null; source: string | null }>>`
    SELECT "peerCovariateLabel" AS label, "peerCovariateSource" AS source FROM "Council" WHERE id = ${councilId}`;
  return rows[0] ?? { label: null, source: null };
}

/** The council's wards on its current boundaries, by name, with every population held (newest first). */
function findWards(db: Pick<TScopedTx, "area">, council: { boundaryVintage: string }) {
  return db.area.findMany({
    where: { kind: "ward", vintage: council.boundaryVintage },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, peerValue: true, populations: { orderBy: { year: "desc" }, select: { year: true, population: true, source: true } } },
  });
}

/**
 * For the page: each ward with the population shown (for `year`, or its latest figure when no year
 * is given), its peer value, the years held, what the peer values measure, and who last loaded each.
 */
export async function findWardFacts(db: TScopedTx, council: { id: string; boundaryVintage: string }, opts: { year?: number } = {}) {
  const [wards, covariate, lastPopulations, lastPeerValues] = await Promise.all([
    findWards(db, council),
    getPeerCovariate(db, council.id),
    lastLoaded(db, WARD_FACTS_ACTIONS.populations),
    lastLoaded(db, WARD_FACTS_ACTIONS.peerValues),
  ]);
  const years = [...new Set(wards.flatMap((w) => w.populations.map((p) => p.year)))].sort((a, b) => b - a);
  return {
    wards: wards.map((w) => ({
      code: w.code,
      name: w.name,
      peerValue: w.peerValue,
      population: (opts.year === undefined ? w.populations[0] : w.populations.find((p) => p.year === opts.year)) ?? null,
      years: w.populations.length,
    })),
    years,
    covariate,
    last: { populations: lastPopulations, peerValues: lastPeerValues },
  };
}

async function lastLoaded(db: Pick<TScopedTx, "auditEvent">, action: string) {
  const e = await db.auditEvent.findFirst({ where: { action }, orderBy: { at: "desc" }, select: { at: true, data: true, actor: { select: { name: true, email: true } } } });
  return e && { at: e.at, by: e.actor ? (e.actor.name ?? e.actor.email) : "the system", data: (e.data ?? {}) as Record<string, unknown> };
}

/**
 * The council's wards as an areas file (docs/formats/areas.schema.json), populations for `year`
 * and the peer values held now: a template to correct and upload again.
 */
export async function wardFactsCsv(db: TScopedTx, council: { laCode: string; boundaryVintage: string }, year: number | undefined): Promise<string> {
  const wards = await findWards(db, council);
  return toCsv(
    AREAS_COLUMNS,
    wards.map((w) => ({
      area_code: w.code,
      area_name: w.name,
      parent_code: council.laCode,
      population: w.populations.find((p) => p.year === year)?.population ?? null,
      peer_value: w.peerValue,
    })),
  );
}

async function buildContext(db: TScopedTx, council: TWardFactsCtx["council"], otherAreas: TWardFactsContext["otherAreas"]) {
  const [wards, covariate] = await Promise.all([findWards(db, council), getPeerCovariate(db, council.id)]);
  const context: TWardFactsContext = {
    councilName: council.name,
    laCode: council.laCode,
    wards: wards.map((w) => ({ code: w.code, name: w.name, peerValue: w.peerValue, populations: w.populations })),
    otherAreas,
    peerCovariateLabel: covariate.label,
    currentYear: new Date().getUTCFullYear(),
  };
  return { context, idOf: new Map(wards.map((w) => [w.code, w.id])) };
}

export interface TWardFactsFile {
  filename: string;
  bytes: Uint8Array;
  form: TWardFactsForm;
}

/** Check an areas file against the council's wards and say what applying it would change. Changes nothing. */
export async function checkWardFacts(ctx: TWardFactsCtx, file: TWardFactsFile, raw: PrismaClient | null): Promise<{ filename: string; sizeBytes: number; sha256: string; report: TWardFactsReport }> {
  const otherAreas = raw ? await findOtherCouncilAreas(raw, ctx.council.id) : undefined;
  const { context } = await buildContext(ctx.db, ctx.council, otherAreas);
  const report = await checkAreasFile(file.bytes, file.filename, context, file.form);
  return { filename: cleanFilename(file.filename), sizeBytes: file.bytes.length, sha256: sha256Hex(file.bytes), report };
}

/**
 * Apply an areas file in ONE transaction, checked again first against the wards as they are now.
 * Populations replace the figures held for their year for the wards in the file (other years and
 * other wards are kept); peer values replace the council's current ones as a whole (a ward not
 * given one is left without), with what they measure. Each kind of change is audited
 * (`wards.populations_loaded`, `wards.peer_values_loaded`).
 *
 * Refused, with nothing changed: the file has errors or lacks the form's details (VALIDATION, with
 * the report's problems); it has warnings not acknowledged, or more warnings than when it was
 * checked (PRECONDITION).
 */
export async function applyWardFacts(ctx: TWardFactsCtx, file: TWardFactsFile & { warningsSeen: number; acknowledged: boolean }, raw: PrismaClient | null) {
  const otherAreas = raw ? await findOtherCouncilAreas(raw, ctx.council.id) : undefined;
  const sha256 = sha256Hex(file.bytes);
  const filename = cleanFilename(file.filename);
  return ctx.db.$transaction(
    async (tx) => {
      // Two officers applying at once: the second waits here, then checks against the first's result.
      await tx.$queryRaw`SELECT id FROM "Council" WHERE id = ${ctx.council.id} FOR UPDATE`;
      const { context, idOf } = await buildContext(tx, ctx.council, otherAreas);
      const report = await checkAreasFile(file.bytes, file.filename, context, file.form);
      refuseUnlessApplicable(report, file);
      const { populations, peerValues } = report.plan;
      const audit = { councilId: ctx.council.id, actorId: ctx.user.id, requestId: ctx.requestId ?? null, entityType: "Council", entityId: ctx.council.id };
      if (populations) {
        const rows = report.rows.filter((r) => r.population !== null);
        await tx.areaPopulation.deleteMany({ where: { year: populations.year, areaId: { in: rows.map((r) => idOf.get(r.code)!) } } });
        await tx.areaPopulation.createMany({
          data: rows.map((r) => ({ councilId: ctx.council.id, areaId: idOf.get(r.code)!, year: populations.year, population: r.population!, source: populations.source })),
        });
        await recordAudit(tx, { ...audit, action: WARD_FACTS_ACTIONS.populations, data: { filename, sha256, ...populations } });
      }
      if (peerValues) {
        const next = new Map(report.rows.filter((r) => r.peerValue !== null).map((r) => [r.code, r.peerValue]));
        for (const w of context.wards) {
          const value = next.get(w.code) ?? null;
          if (value !== w.peerValue) await tx.area.updateMany({ where: { id: idOf.get(w.code)! }, data: { peerValue: value } });
        }
        await tx.$executeRaw`UPDATE "Council" SET "peerCovariateLabel" = ${peerValues.label}, "peerCovariateSource" = ${peerValues.source}, "updatedAt" = CURRENT_TIMESTAMP WHERE id = ${ctx.council.id}`;
        await recordAudit(tx, { ...audit, action: WARD_FACTS_ACTIONS.peerValues, data: { filename, sha256, ...peerValues, previousLabel: context.peerCovariateLabel } });
      }
      return { populations, peerValues };
    },
    { timeout: APPLY_TIMEOUT_MS, maxWait: 15_000 },
  );
}

function refuseUnlessApplicable(report: TWardFactsReport, file: { warningsSeen: number; acknowledged: boolean }) {
  if (report.refused) throw new AppError("VALIDATION", `${report.refused.message} Nothing was changed.`);
  if (!report.canApply) {
    const problems = report.issues.filter((i) => i.severity === "error").map((i) => `${i.row === null ? "" : `Row ${i.row}: `}${i.message}`);
    throw new AppError("VALIDATION", "The file has problems, so nothing was changed. Check it again and correct them.", {
      fieldErrors: { ...Object.fromEntries(Object.entries(report.fieldErrors).map(([k, v]) => [k, [v]])), ...(problems.length > 0 ? { _: problems.slice(0, 20) } : {}) },
    });
  }
  if (report.summary.warnings > file.warningsSeen)
    throw new AppError("PRECONDITION", "The file now has more warnings than when you checked it (the wards' figures have changed since). Check it again; nothing was changed.");
  if (report.summary.warnings > 0 && !file.acknowledged)
    throw new AppError("VALIDATION", "Confirm that you have read the warnings", { fieldErrors: { acknowledge: ["Confirm that you have read the warnings and want to apply the file anyway"] } });
}
