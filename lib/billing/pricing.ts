import { roundDiv, withVat } from "./money";

/**
 * Pure pricing: which plan band a council falls in, the price for a term, per-ward figures and
 * proration. Plans are data (the Plan table); these functions only read them. All amounts are
 * integer pence excluding VAT unless named otherwise.
 */

export const TIERS = ["standard", "plus"] as const;
export type TTier = (typeof TIERS)[number];
export const TERMS = ["annual", "quarterly"] as const;
export type TTerm = (typeof TERMS)[number];

export const TIER_LABELS: Record<TTier, string> = { standard: "Standard", plus: "Plus" };
export const TERM_LABELS: Record<TTerm, string> = { annual: "Annual", quarterly: "Quarterly" };
/** Billing periods in a year, per term. */
export const PERIODS_PER_YEAR: Record<TTerm, number> = { annual: 1, quarterly: 4 };

export interface TPlanPrice {
  id: string;
  code: string;
  name: string;
  tier: TTier;
  minWards: number;
  maxWards: number | null;
  annualPricePence: number;
  quarterlyPricePence: number;
  active: boolean;
}

/** The active plan of a tier whose ward band contains `wards` (bands are inclusive), or null. */
export function planForWards<P extends TPlanPrice>(plans: readonly P[], tier: TTier, wards: number): P | null {
  if (!Number.isInteger(wards) || wards < 1) return null;
  return (
    plans.find((p) => p.active && p.tier === tier && wards >= p.minWards && (p.maxWards === null || wards <= p.maxWards)) ?? null
  );
}

/** Price per billing period, pence ex VAT. */
export function periodPricePence(plan: Pick<TPlanPrice, "annualPricePence" | "quarterlyPricePence">, term: TTerm): number {
  return term === "annual" ? plan.annualPricePence : plan.quarterlyPricePence;
}

export interface TPriceBreakdown {
  /** per billing period */
  netPence: number;
  vatPence: number;
  totalPence: number;
  /** what a year costs at this term, ex VAT: period price × periods a year */
  annualNetPence: number;
  /** annualNetPence / wards, rounded half up to a penny */
  perWardAnnualPence: number;
}

/**
 * The full breakdown for a period price: VAT is charged on each invoice (each period), so it is
 * computed on the period amount, not on the annual figure.
 */
export function priceBreakdown(periodNetPence: number, term: TTerm, wards: number): TPriceBreakdown {
  const v = withVat(periodNetPence);
  const annualNetPence = periodNetPence * PERIODS_PER_YEAR[term];
  return { ...v, annualNetPence, perWardAnnualPence: wards > 0 ? roundDiv(annualNetPence, wards) : 0 };
}

/** The quarterly price the seed and the plan editor suggest: a quarter of the annual price plus 5 %, rounded half up. */
export function suggestedQuarterlyPence(annualPricePence: number): number {
  return roundDiv(annualPricePence * 105, 400);
}

export interface TProration {
  /** share of the current period still to run, in parts per million (0…1 000 000) */
  remainingPpm: number;
  /** credit for the unused time on the old price, pence (≤ 0) */
  creditPence: number;
  /** charge for the remaining time on the new price, pence (≥ 0) */
  chargePence: number;
  /** chargePence + creditPence: positive is owed by the council, negative is a credit */
  netPence: number;
  vatPence: number;
  totalPence: number;
}

/**
 * Proration of a change of price part-way through a period, by the second (as Stripe does with
 * proration_behavior "create_prorations"): the unused part of the old price is credited and the
 * remaining part of the new price charged, each line rounded half away from zero to a penny,
 * then VAT on the net. A change at or after the period end prorates nothing.
 */
export function prorate(input: { oldPricePence: number; newPricePence: number; periodStart: Date; periodEnd: Date; at: Date }): TProration {
  const total = input.periodEnd.getTime() - input.periodStart.getTime();
  const left = Math.min(Math.max(input.periodEnd.getTime() - input.at.getTime(), 0), Math.max(total, 0));
  const totalS = Math.floor(total / 1000);
  const leftS = Math.floor(left / 1000);
  const creditPence = totalS > 0 ? -roundDiv(input.oldPricePence * leftS, totalS) : 0;
  const chargePence = totalS > 0 ? roundDiv(input.newPricePence * leftS, totalS) : 0;
  const v = withVat(chargePence + creditPence);
  return {
    remainingPpm: totalS > 0 ? roundDiv(leftS * 1_000_000, totalS) : 0,
    creditPence,
    chargePence,
    netPence: v.netPence,
    vatPence: v.vatPence,
    totalPence: v.totalPence,
  };
}

/** The end of a billing period that starts at `start`: one year or three calendar months later (UTC). */
export function periodEndFrom(start: Date, term: TTerm): Date {
  const d = new Date(start.getTime());
  if (term === "annual") d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 3);
  return d;
}
