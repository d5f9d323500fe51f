import { describe, expect, it } from "vitest";
import { inHouseCostPence } from "./business-case";
import { DEFAULT_PLANS } from "./plans";
import { periodEndFrom, planForWards, priceBreakdown, prorate, suggestedQuarterlyPence, type TPlanPrice } from "./pricing";

const PLANS: TPlanPrice[] = DEFAULT_PLANS.map((p, i) => ({ ...p, id: `p${i}`, active: true, quarterlyPricePence: suggestedQuarterlyPence(p.annualPricePence) }));

describe("plan bands", () => {
  it.each([
    ["standard", 1, "standard-s"],
    ["standard", 17, "standard-s"],
    ["standard", 20, "standard-s"],
    ["standard", 21, "standard-m"],
    ["standard", 40, "standard-m"],
    ["standard", 41, "standard-l"],
    ["standard", 61, "standard-xl"],
    ["standard", 500, "standard-xl"],
    ["plus", 18, "plus-s"],
    ["plus", 60, "plus-l"],
  ] as const)("%s with %i wards → %s", (tier, wards, code) => expect(planForWards(PLANS, tier, wards)?.code).toBe(code));

  it("no band for zero or fractional wards, or inactive plans", () => {
    expect(planForWards(PLANS, "standard", 0)).toBeNull();
    expect(planForWards(PLANS, "standard", 2.5)).toBeNull();
    expect(planForWards(PLANS.map((p) => ({ ...p, active: false })), "standard", 10)).toBeNull();
  });

  it("the default bands cover every council size without overlap, in both tiers", () => {
    for (const tier of ["standard", "plus"] as const) {
      for (let w = 1; w <= 200; w++) {
        expect(PLANS.filter((p) => p.tier === tier && w >= p.minWards && (p.maxWards === null || w <= p.maxWards))).toHaveLength(1);
      }
    }
  });
});

describe("price breakdown", () => {
  it("annual Standard for 17 wards", () => {
    expect(priceBreakdown(960_000, "annual", 17)).toEqual({ netPence: 960_000, vatPence: 192_000, totalPence: 1_152_000, annualNetPence: 960_000, perWardAnnualPence: 56_471 });
  });
  it("quarterly: VAT on each quarter, annualised ×4", () => {
    const q = suggestedQuarterlyPence(960_000);
    expect(q).toBe(252_000); // 9,600 × 1.05 / 4
    expect(priceBreakdown(q, "quarterly", 18)).toMatchObject({ netPence: 252_000, vatPence: 50_400, annualNetPence: 1_008_000, perWardAnnualPence: 56_000 });
  });
  it("rounds the suggested quarterly price half up", () => expect(suggestedQuarterlyPence(1_000_001)).toBe(262_500));
});

describe("proration", () => {
  const periodStart = new Date("2026-01-01T00:00:00Z");
  const periodEnd = new Date("2027-01-01T00:00:00Z"); // 365 days

  it("half way through an upgrade: credit half the old, charge half the new", () => {
    const at = new Date(periodStart.getTime() + (periodEnd.getTime() - periodStart.getTime()) / 2);
    const p = prorate({ oldPricePence: 960_000, newPricePence: 1_560_000, periodStart, periodEnd, at });
    expect(p).toEqual({ remainingPpm: 500_000, creditPence: -480_000, chargePence: 780_000, netPence: 300_000, vatPence: 60_000, totalPence: 360_000 });
  });

  it("rounds each line to the penny by the second", () => {
    const at = new Date("2026-04-01T00:00:00Z"); // 275 of 365 days left
    const p = prorate({ oldPricePence: 960_000, newPricePence: 1_560_000, periodStart, periodEnd, at });
    expect(p.creditPence).toBe(-723_288); // 960,000 × 275/365 = 723,287.67
    expect(p.chargePence).toBe(1_175_342); // 1,560,000 × 275/365 = 1,175,342.47
    expect(p.netPence).toBe(452_054);
    expect(p.vatPence).toBe(90_411);
  });

  it("a downgrade is a credit; nothing after the period ends or before it starts beyond the whole", () => {
    expect(prorate({ oldPricePence: 1_560_000, newPricePence: 960_000, periodStart, periodEnd, at: new Date("2026-07-02T12:00:00Z") }).netPence).toBeLessThan(0);
    expect(prorate({ oldPricePence: 1, newPricePence: 2, periodStart, periodEnd, at: new Date("2027-02-01T00:00:00Z") })).toMatchObject({ netPence: 0, remainingPpm: 0 });
    expect(prorate({ oldPricePence: 100, newPricePence: 300, periodStart, periodEnd, at: new Date("2025-01-01T00:00:00Z") })).toMatchObject({ netPence: 200, remainingPpm: 1_000_000 });
  });

  it("period ends", () => {
    expect(periodEndFrom(periodStart, "annual").toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(periodEndFrom(periodStart, "quarterly").toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });
});

describe("business case", () => {
  it("is computed from the stated assumptions", () => {
    expect(inHouseCostPence({ buildAnalystDays: 10, refreshAnalystDays: 5, dayRatePence: 400_00, years: 3 })).toEqual({ buildPence: 400_000, refreshPence: 200_000, totalPence: 800_000 });
  });
});
