import type { TTier } from "./pricing";
import type { TSubscriptionStatus } from "./status";

/**
 * Entitlements are what a council's commercial state allows, as permission-like keys. A role
 * permission says who in the council may do something; an entitlement says whether the council
 * may do it at all. Publishing anything new needs an entitled council; reading, uploading and
 * already-published releases never depend on it.
 */
export const ENTITLEMENTS = ["run:create", "release:submit", "release:approve", "share:regional", "indicators:extra"] as const;
export type TEntitlement = (typeof ENTITLEMENTS)[number];

/** Keys that need the Plus tier (a pilot may try everything). */
const PLUS_ONLY = new Set<TEntitlement>(["share:regional", "indicators:extra"]);

/** Days a newly onboarded council without any subscription may use the service as a pilot. */
export const IMPLICIT_PILOT_DAYS = 90;
/** Days before a period ends when the renewal notice appears. */
export const RENEWAL_NOTICE_DAYS = 60;
/** Whom the banner tells people to contact. */
export const BILLING_CONTACT = "billing@localspi.example";

export type TCommercialState = "pilot" | "active" | "past_due" | "unpaid" | "canceled" | "pilot_ended" | "none";

export interface TEntitlementInput {
  subscription: { status: TSubscriptionStatus; tier: TTier; currentPeriodEnd: Date; cancelAtPeriodEnd: boolean } | null;
  councilCreatedAt: Date;
  /** open invoices whose due date has passed (manual mode has no Stripe to say past_due) */
  overdueInvoices: number;
  now: Date;
}

export interface TEntitlementState {
  state: TCommercialState;
  /** may publish new things (score runs, releases) */
  publishing: boolean;
  tier: TTier | null;
  /** why not, in words for the banner; null when entitled */
  reason: string | null;
  /** when the pilot or the paid period ends */
  until: Date | null;
}

const DAY = 86_400_000;

/**
 * The council's commercial state. Rules (documented in README "Billing"):
 * - no subscription: an implicit pilot for IMPLICIT_PILOT_DAYS after onboarding, then nothing new can be published;
 * - pilot: entitled until its end date;
 * - active: entitled, unless an invoice is overdue (then past_due) or it was cancelled at term end and the term is over;
 * - past_due, unpaid, canceled: not entitled.
 */
export function evaluateEntitlement(input: TEntitlementInput): TEntitlementState {
  const s = input.subscription;
  const now = input.now.getTime();
  if (!s) {
    const until = new Date(input.councilCreatedAt.getTime() + IMPLICIT_PILOT_DAYS * DAY);
    return now < until.getTime()
      ? { state: "pilot", publishing: true, tier: null, reason: null, until }
      : { state: "none", publishing: false, tier: null, reason: "Your council's pilot has ended and it has no Local SPI subscription yet.", until };
  }
  if (s.status === "pilot") {
    return now < s.currentPeriodEnd.getTime()
      ? { state: "pilot", publishing: true, tier: null, reason: null, until: s.currentPeriodEnd }
      : { state: "pilot_ended", publishing: false, tier: null, reason: "Your council's pilot has ended.", until: s.currentPeriodEnd };
  }
  let status = s.status;
  if (status === "active" && input.overdueInvoices > 0) status = "past_due";
  if (status === "active" && s.cancelAtPeriodEnd && now >= s.currentPeriodEnd.getTime()) status = "canceled";
  const reasons: Record<Exclude<TSubscriptionStatus, "pilot" | "active">, string> = {
    past_due: "An invoice for your council's Local SPI subscription is past its due date.",
    unpaid: "Your council's Local SPI subscription is unpaid.",
    canceled: "Your council's Local SPI subscription has been cancelled.",
  };
  if (status === "active") return { state: "active", publishing: true, tier: s.tier, reason: null, until: s.currentPeriodEnd };
  return { state: status, publishing: false, tier: s.tier, reason: reasons[status], until: s.currentPeriodEnd };
}

/** Whether the state allows one entitlement key. Returns the refusal message, or null when allowed. */
export function refusal(state: TEntitlementState, key: TEntitlement): string | null {
  if (!state.publishing) {
    return `${state.reason ?? "Your council is not entitled to do this."} Nothing new can be published until it is resolved: ask your council's procurement lead, or contact ${BILLING_CONTACT}.`;
  }
  if (PLUS_ONLY.has(key) && state.tier === "standard") {
    return `This needs the Plus plan. Your council's procurement lead can change plan on the Billing page.`;
  }
  return null;
}

/** True when the period ends within RENEWAL_NOTICE_DAYS (and has not ended). */
export function renewalDue(periodEnd: Date, now: Date): boolean {
  const left = periodEnd.getTime() - now.getTime();
  return left > 0 && left <= RENEWAL_NOTICE_DAYS * DAY;
}
