import type { PrismaClient } from "@/lib/generated/prisma/client";
import { suggestedQuarterlyPence, type TTier } from "./pricing";

/**
 * The price list the seed starts from. After that the Plan table is the truth and the operator
 * edits it (/operator/billing/plans). Bands are numbers of wards, inclusive; annual prices are
 * pence ex VAT; quarterly = a quarter of annual + 5 %, rounded half up to a penny.
 */
export const DEFAULT_PLANS: Array<{ code: string; name: string; tier: TTier; minWards: number; maxWards: number | null; annualPricePence: number; description: string }> = [
  { code: "standard-s", name: "Standard, up to 20 wards", tier: "standard", minWards: 1, maxWards: 20, annualPricePence: 9_600_00, description: "An annual index and release for a small council." },
  { code: "standard-m", name: "Standard, 21 to 40 wards", tier: "standard", minWards: 21, maxWards: 40, annualPricePence: 14_400_00, description: "An annual index and release." },
  { code: "standard-l", name: "Standard, 41 to 60 wards", tier: "standard", minWards: 41, maxWards: 60, annualPricePence: 19_200_00, description: "An annual index and release." },
  { code: "standard-xl", name: "Standard, over 60 wards", tier: "standard", minWards: 61, maxWards: null, annualPricePence: 26_400_00, description: "An annual index and release for a county or large unitary." },
  { code: "plus-s", name: "Plus, up to 20 wards", tier: "plus", minWards: 1, maxWards: 20, annualPricePence: 15_600_00, description: "Several periods a year, regional sharing and extra indicators." },
  { code: "plus-m", name: "Plus, 21 to 40 wards", tier: "plus", minWards: 21, maxWards: 40, annualPricePence: 22_800_00, description: "Several periods a year, regional sharing and extra indicators." },
  { code: "plus-l", name: "Plus, 41 to 60 wards", tier: "plus", minWards: 41, maxWards: 60, annualPricePence: 30_000_00, description: "Several periods a year, regional sharing and extra indicators." },
  { code: "plus-xl", name: "Plus, over 60 wards", tier: "plus", minWards: 61, maxWards: null, annualPricePence: 39_600_00, description: "Several periods a year, regional sharing and extra indicators." },
];

/** What each tier includes, for the pricing page. */
export const TIER_FEATURES: Record<TTier, string[]> = {
  standard: ["One index release a year", "Ward scorecards, maps and open-data downloads", "Audit trail and four-eyes review"],
  plus: ["Everything in Standard", "Up to four releases a year (more periods)", "Regional sharing and aggregates", "Extra local indicators beyond the standard framework"],
};

/** Create the default plans that do not exist yet (by code). Never changes an existing plan. Idempotent. */
export async function seedPlans(db: PrismaClient): Promise<number> {
  let created = 0;
  for (const p of DEFAULT_PLANS) {
    const existing = await db.plan.findUnique({ where: { code: p.code }, select: { id: true } });
    if (existing) continue;
    await db.plan.create({ data: { ...p, quarterlyPricePence: suggestedQuarterlyPence(p.annualPricePence) } });
    created++;
  }
  return created;
}

/** Every plan, by tier then band. Public data (the price list). */
export async function findPlans(db: Pick<PrismaClient, "plan">, opts: { activeOnly?: boolean } = {}) {
  return db.plan.findMany({ where: opts.activeOnly ? { active: true } : undefined, orderBy: [{ tier: "asc" }, { minWards: "asc" }] });
}
