import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TRole } from "@/lib/auth/permissions";
import { scopedClient } from "@/lib/db/scoped";
import { approveRelease, submitRelease } from "@/lib/releases/workflow";
import { executeScoreRun } from "@/lib/runs/execute";
import { ZRunOptions } from "@/lib/runs/options";
import { queueScoreRun } from "@/lib/runs/queue";
import { startUpload } from "@/lib/uploads/uploads";
import { storeUploadFile } from "@/lib/uploads/store-file";
import { acknowledgeWarnings, saveMapping, validateUploadFile } from "@/lib/uploads/validate";
import { loadUpload } from "@/lib/uploads/load";
import type { TColumnMapping } from "@/lib/uploads/types";
import { DEMO_COUNCILS, demoEmail } from "./demo";

const FRAMEWORK_DIR = path.resolve(process.cwd(), "data/frameworks/london-wards-2015");

/** One step of a council's demo history: load data up to a year, then score, submit and maybe approve. */
interface TStep {
  loadUpTo?: number;
  periods: number[];
  weighting?: "edition" | "equal" | "pca";
  carryForwardYears?: number;
  approve: boolean;
  notes: string;
}

// The environment indicators were last published in 2012, so scoring 2015 needs a 3-year
// carry-forward window: the second release makes that methodology change, and says so.
const HISTORY: Record<string, TStep[]> = {
  "barking-and-dagenham": [
    { loadUpTo: 2014, periods: [2012, 2013, 2014], approve: true, notes: "First index from the GLA ward atlas: 2012 to 2014." },
    {
      loadUpTo: 2017,
      periods: [2013, 2014, 2015],
      carryForwardYears: 3,
      approve: true,
      notes: "Adds 2015. The carry-forward window is widened to 3 years because the environment indicators were last published in 2012.",
    },
    { periods: [2013, 2014, 2015], carryForwardYears: 3, weighting: "pca", approve: false, notes: "Trial: principal-component weights instead of equal weights, for the insight team to compare." },
  ],
  havering: [{ loadUpTo: 2017, periods: [2012, 2013, 2014], approve: true, notes: "First index for Havering from the GLA ward atlas: 2012 to 2014." }],
};

/**
 * The demo's releases, made through the product's own code paths: each council's officer uploads
 * the real GLA ward data in the standard CSV format through the wizard's functions (stage →
 * map → validate → acknowledge → load, which deletes the raw file), starts a score run, and
 * submits it; a reviewer who did not load the data approves. Idempotent: a council that already
 * has releases is left alone.
 */
export async function seedDemoReleases(db: PrismaClient): Promise<string[]> {
  const report: string[] = [];
  const edition = await db.frameworkEdition.findFirstOrThrow({ where: { code: "london-wards-2015" }, orderBy: { createdAt: "desc" } });
  const lines = readFileSync(path.join(FRAMEWORK_DIR, "observations-lbbd-havering.csv"), "utf8").trim().split(/\r?\n/);
  const header = lines[0];
  const rows = lines.slice(1).map((l) => ({ line: l, area: l.slice(0, l.indexOf(",")), period: Number(l.split(",")[2]) }));
  const peerValues = readPeerValues();

  for (const c of DEMO_COUNCILS) {
    const council = await db.council.findUniqueOrThrow({ where: { slug: c.slug } });
    // what the demo's peer values measure; also described on demo databases seeded before the label existed
    if (council.peerCovariateLabel === null) await db.council.update({ where: { id: council.id }, data: DEMO_PEER_COVARIATE });
    if ((await db.release.count({ where: { councilId: council.id } })) > 0) continue;
    const scoped = scopedClient(db, council.id);
    const wards = await scoped.area.findMany({ where: { kind: "ward" }, select: { id: true, code: true, peerValue: true } });
    for (const w of wards) {
      if (w.peerValue === null && peerValues.has(w.code)) await scoped.area.updateMany({ where: { id: w.id }, data: { peerValue: peerValues.get(w.code)! } });
    }
    const codes = new Set(wards.map((w) => w.code));
    const person = async (local: string, roles: TRole[]) => {
      const user = await db.user.findUniqueOrThrow({ where: { email: demoEmail(local, c.emailDomain) } });
      return { user: { id: user.id, email: user.email, name: user.name, isOperator: false, mustChangePassword: false }, council, roles, viaOperator: false, requestId: "demo-seed", db: scoped };
    };
    const officer = await person("officer", ["officer"]);
    const reviewer = await person("reviewer", ["reviewer"]);

    let loadedTo = 0;
    for (const step of HISTORY[c.slug] ?? []) {
      if (step.loadUpTo) {
        const mine = rows.filter((r) => codes.has(r.area) && r.period > loadedTo && r.period <= step.loadUpTo!);
        const periods = [...new Set(mine.map((r) => r.period))].filter((p) => p >= edition.periodMin && p <= edition.periodMax);
        const csv = [header, ...mine.filter((r) => periods.includes(r.period)).map((r) => r.line)].join("\n") + "\n";
        const filename = `${c.slug}-ward-atlas-${Math.min(...periods)}-${Math.max(...periods)}.csv`;
        await uploadThroughWizard(db, officer, edition.id, periods, filename, csv);
        report.push(`${c.name}: loaded ${filename} through the upload wizard`);
        loadedTo = step.loadUpTo;
      }
      const { runId } = await queueScoreRun(officer, {
        frameworkEditionId: edition.id,
        periods: step.periods,
        options: ZRunOptions.parse({ weighting: step.weighting ?? "edition", carryForwardYears: step.carryForwardYears ?? 2 }),
      });
      await executeScoreRun(db, runId);
      const run = await db.scoreRun.findUniqueOrThrow({ where: { id: runId }, include: { release: true } });
      if (run.status !== "succeeded" || !run.release) throw new Error(`Demo score run for ${c.slug} ${step.periods.join(",")} failed: ${run.error}`);
      await submitRelease(officer, { releaseId: run.release.id, lockVersion: 0, notes: step.notes });
      if (step.approve) await approveRelease(reviewer, { releaseId: run.release.id, lockVersion: 1, publishAt: null });
      report.push(`${c.name}: release ${run.release.version} (${step.periods.join(", ")}) ${step.approve ? "approved" : "awaiting review"}`);
    }
  }
  return report;
}

type TCtx = Parameters<typeof startUpload>[0];

async function uploadThroughWizard(db: PrismaClient, ctx: TCtx, editionId: string, periods: number[], filename: string, csv: string) {
  const { id: uploadId } = await startUpload(ctx, { frameworkEditionId: editionId, format: "long", periods });
  const stored = await storeUploadFile(ctx, { uploadId, filename, contentType: "text/csv", bytes: new TextEncoder().encode(csv) }, db);
  if (!stored.ok) throw new Error(`Demo upload ${filename} refused: ${stored.refused.message}`);
  const upload = await ctx.db.upload.findFirstOrThrow({ where: { id: uploadId }, select: { mapping: true } });
  await saveMapping(ctx, { uploadId, mapping: upload.mapping as unknown as TColumnMapping });
  const result = await validateUploadFile(ctx, { uploadId }, db);
  if (!result.ok) throw new Error(`Demo upload ${filename} has ${result.summary.errors} errors: see its validation report`);
  if (result.summary.warnings > 0) await acknowledgeWarnings(ctx, { uploadId });
  await loadUpload(ctx, { uploadId }, db);
}

/** The demo's peer covariate: areas.csv's peer_value (data/frameworks/london-wards-2015/README.md). */
const DEMO_PEER_COVARIATE = {
  peerCovariateLabel: "Modelled median household income, 2012/13 (£, GLA)",
  peerCovariateSource: "Greater London Authority, Ward Profiles and Atlas (London Datastore), Open Government Licence v3.0",
};

function readPeerValues(): Map<string, number> {
  const lines = readFileSync(path.join(FRAMEWORK_DIR, "areas.csv"), "utf8").trim().split(/\r?\n/);
  const h = lines[0].split(",");
  const code = h.indexOf("area_code");
  const peer = h.indexOf("peer_value");
  const out = new Map<string, number>();
  for (const l of lines.slice(1)) {
    const f = l.split(",");
    const v = Number(f[peer]);
    if (f[peer] !== "" && Number.isFinite(v)) out.set(f[code], v);
  }
  return out;
}
