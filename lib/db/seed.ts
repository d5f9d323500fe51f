import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { loadPopulations, onboardCouncil } from "@/lib/councils/onboard";
import { seedBilling } from "@/lib/billing/seed";
import { seedDemoReleases } from "./seed-releases";
import { seedDemoRegion } from "@/lib/regions/seed";
import { DEMO_COUNCILS, DEMO_OPERATOR, DEMO_PASSWORD, DEMO_ROLES, demoEmail } from "./demo";

const SEED_DIR = path.resolve(process.cwd(), "prisma/seed-data");
const FRAMEWORKS_DIR = path.resolve(process.cwd(), "data/frameworks");
/** Framework editions every council can score against, from data/frameworks/<code>/. */
const FRAMEWORK_EDITIONS = [{ dir: "london-wards-2015", observations: "observations-lbbd-havering.csv" }];

interface TFeatureCollection {
  type: "FeatureCollection";
  features: Array<{ properties: Record<string, unknown> }>;
}

function readPopulations(): Array<{ areaCode: string; year: number; population: number; source: string }> {
  const lines = readFileSync(path.join(SEED_DIR, "ward-populations.csv"), "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const idx = (k: string) => header.indexOf(k);
  return lines.slice(1).map((line) => {
    // source is the last column and may contain commas inside quotes
    const parts = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((p) => p.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));
    return {
      areaCode: parts[idx("area_code")],
      year: Number(parts[idx("year")]),
      population: Number(parts[idx("population")]),
      source: parts[idx("source")],
    };
  });
}

/**
 * Seed the demo: the two councils through the same onboarding code the operator console uses,
 * their ward populations, and (when `withDemoUsers`) one demo account per role per council plus
 * an operator. Idempotent: running it again changes nothing.
 */
export async function seedDemo(db: PrismaClient, options: { withDemoUsers: boolean }) {
  const report: string[] = await seedFrameworkEditions(db);
  const wards = JSON.parse(readFileSync(path.join(SEED_DIR, "wards-2013.geojson"), "utf8")) as TFeatureCollection;
  const populations = readPopulations();
  for (const c of DEMO_COUNCILS) {
    let council = await db.council.findUnique({ where: { slug: c.slug } });
    if (!council) {
      const geojson = { ...wards, features: wards.features.filter((f) => f.properties.lad_code === c.laCode) };
      await onboardCouncil(db, { id: null }, { name: c.name, slug: c.slug, laCode: c.laCode, boundaryVintage: c.boundaryVintage, geojson });
      council = await db.council.findUniqueOrThrow({ where: { slug: c.slug } });
      const pops = await loadPopulations(db, council.id, populations);
      report.push(`Onboarded ${c.name} with ${pops.loaded} population figures`);
    }
    if (!options.withDemoUsers) continue;
    for (const r of DEMO_ROLES) {
      const email = demoEmail(r.local, c.emailDomain);
      const user = await ensureUser(db, email, r.name);
      const m = await db.membership.findUnique({ where: { councilId_userId: { councilId: council.id, userId: user.id } } });
      if (!m) {
        const created = await db.membership.create({ data: { councilId: council.id, userId: user.id, roles: r.roles } });
        await recordAudit(db, {
          councilId: council.id,
          actorId: null,
          action: "member.added",
          entityType: "Membership",
          entityId: created.id,
          afterId: created.id,
          data: { email, roles: r.roles, demo: true },
        });
      }
    }
  }
  // Billing: the price list, and a pilot (LBBD) or paid (Havering) subscription so both demo councils can run everything.
  report.push(...(await seedBilling(db, DEMO_COUNCILS.map((c) => ({ slug: c.slug, demoStatus: c.slug === "havering" ? "active" : "pilot" })))));
  if (options.withDemoUsers) {
    const op = await ensureUser(db, DEMO_OPERATOR.email, DEMO_OPERATOR.name);
    if (!op.isOperator) await db.user.update({ where: { id: op.id }, data: { isOperator: true } });
    // releases are made by the demo officers and reviewers, through the product's own pipeline
    report.push(...(await seedDemoReleases(db)));
    // a demo region both councils consent to share their published releases with
    report.push(...(await seedDemoRegion(db)));
  }
  return report;
}

/**
 * Publish the framework editions in data/frameworks (idempotent: an edition already present by
 * code and edition is left exactly as it is, since published editions never change). The accepted
 * periods are the range of years in the edition's observations file.
 */
export async function seedFrameworkEditions(db: PrismaClient): Promise<string[]> {
  const report: string[] = [];
  for (const f of FRAMEWORK_EDITIONS) {
    const definition = JSON.parse(readFileSync(path.join(FRAMEWORKS_DIR, f.dir, "framework.json"), "utf8")) as { id: string; edition: string; name: string };
    const existing = await db.frameworkEdition.findUnique({ where: { code_edition: { code: definition.id, edition: definition.edition } } });
    if (existing) continue;
    const lines = readFileSync(path.join(FRAMEWORKS_DIR, f.dir, f.observations), "utf8").trim().split(/\r?\n/);
    const col = lines[0].split(",").indexOf("period");
    const periods = lines.slice(1).map((l) => Number(l.split(",")[col])).filter(Number.isInteger);
    const periodMin = periods.reduce((a, b) => Math.min(a, b));
    const periodMax = periods.reduce((a, b) => Math.max(a, b));
    await db.frameworkEdition.create({
      data: { code: definition.id, edition: definition.edition, name: definition.name, definition: definition as never, periodMin, periodMax },
    });
    report.push(`Published framework edition ${definition.id} ${definition.edition} (periods ${periodMin}–${periodMax})`);
  }
  return report;
}

async function ensureUser(db: PrismaClient, email: string, name: string) {
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return existing;
  return db.user.create({ data: { email, name, passwordHash: await hashPassword(DEMO_PASSWORD) } });
}

/** The demo accounts as a table for the console and the README. */
export function demoAccountsTable(): string {
  const rows = [["Operator (platform)", DEMO_OPERATOR.email]];
  for (const c of DEMO_COUNCILS) for (const r of DEMO_ROLES) rows.push([`${r.roles.join(", ")} — ${c.name}`, demoEmail(r.local, c.emailDomain)]);
  const w = Math.max(...rows.map((r) => r[0].length));
  return [...rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`), `  Password for every demo account: ${DEMO_PASSWORD}`].join("\n");
}
