import { describe, expect, it } from "vitest";
import { evaluateEntitlement, refusal, renewalDue, type TEntitlementInput } from "./entitlement-rules";
import { canMoveInvoice, canMoveSubscription, fromStripeSubscriptionStatus, isNewer } from "./status";

const now = new Date("2026-11-28T12:00:00Z");
const day = 86_400_000;
const base: TEntitlementInput = { subscription: null, councilCreatedAt: new Date(now.getTime() - 10 * day), overdueInvoices: 0, now };
const sub = (over: Partial<NonNullable<TEntitlementInput["subscription"]>> = {}) => ({
  status: "active" as const,
  tier: "standard" as const,
  currentPeriodEnd: new Date(now.getTime() + 100 * day),
  cancelAtPeriodEnd: false,
  ...over,
});

describe("entitlement rules", () => {
  it.each([
    ["no subscription, onboarded 10 days ago: implicit pilot", base, "pilot", true],
    ["no subscription, onboarded 91 days ago", { ...base, councilCreatedAt: new Date(now.getTime() - 91 * day) }, "none", false],
    ["pilot running", { ...base, subscription: sub({ status: "pilot" }) }, "pilot", true],
    ["pilot ended", { ...base, subscription: sub({ status: "pilot", currentPeriodEnd: new Date(now.getTime() - 1) }) }, "pilot_ended", false],
    ["active", { ...base, subscription: sub() }, "active", true],
    ["active with an overdue invoice", { ...base, subscription: sub(), overdueInvoices: 1 }, "past_due", false],
    ["past due", { ...base, subscription: sub({ status: "past_due" }) }, "past_due", false],
    ["unpaid", { ...base, subscription: sub({ status: "unpaid" }) }, "unpaid", false],
    ["canceled", { ...base, subscription: sub({ status: "canceled" }) }, "canceled", false],
    ["cancelling at period end, still in the term", { ...base, subscription: sub({ cancelAtPeriodEnd: true }) }, "active", true],
    ["cancelled at period end, term over", { ...base, subscription: sub({ cancelAtPeriodEnd: true, currentPeriodEnd: new Date(now.getTime() - 1) }) }, "canceled", false],
  ] as const)("%s", (_label, input, state, publishing) => {
    const s = evaluateEntitlement(input as TEntitlementInput);
    expect(s.state).toBe(state);
    expect(s.publishing).toBe(publishing);
    expect(s.reason === null).toBe(publishing);
  });

  it("refuses publishing keys when not entitled, saying why and whom to contact", () => {
    const s = evaluateEntitlement({ ...base, subscription: sub({ status: "past_due" }) });
    for (const key of ["run:create", "release:submit", "release:approve"] as const) {
      expect(refusal(s, key)).toMatch(/past its due date.*procurement lead.*billing@localspi\.example/);
    }
  });

  it("Plus-only keys need Plus (a pilot may try them)", () => {
    expect(refusal(evaluateEntitlement({ ...base, subscription: sub() }), "share:regional")).toMatch(/Plus plan/);
    expect(refusal(evaluateEntitlement({ ...base, subscription: sub({ tier: "plus" }) }), "share:regional")).toBeNull();
    expect(refusal(evaluateEntitlement(base), "indicators:extra")).toBeNull();
    expect(refusal(evaluateEntitlement({ ...base, subscription: sub() }), "run:create")).toBeNull();
  });

  it("renewal notice within 60 days of the period end", () => {
    expect(renewalDue(new Date(now.getTime() + 59 * day), now)).toBe(true);
    expect(renewalDue(new Date(now.getTime() + 61 * day), now)).toBe(false);
    expect(renewalDue(new Date(now.getTime() - day), now)).toBe(false);
  });
});

describe("status ordering", () => {
  it.each([
    ["draft", "open", true],
    ["open", "paid", true],
    ["paid", "open", false],
    ["paid", "draft", false],
    ["void", "paid", false],
    ["uncollectible", "paid", true],
    ["open", "draft", false],
    ["open", "open", true],
  ] as const)("invoice %s → %s: %s", (a, b, ok) => expect(canMoveInvoice(a, b)).toBe(ok));

  it.each([
    ["active", "past_due", true],
    ["past_due", "active", true],
    ["canceled", "active", false],
    ["active", "canceled", true],
    ["active", "pilot", false],
    ["pilot", "active", true],
  ] as const)("subscription %s → %s: %s", (a, b, ok) => expect(canMoveSubscription(a, b)).toBe(ok));

  it("event time: older events are stale", () => {
    expect(isNewer(null, now)).toBe(true);
    expect(isNewer(now, new Date(now.getTime() - 1000))).toBe(false);
    expect(isNewer(now, now)).toBe(true);
  });

  it("maps Stripe statuses", () => {
    expect(["active", "trialing", "incomplete", "past_due", "unpaid", "paused", "canceled", "incomplete_expired"].map(fromStripeSubscriptionStatus)).toEqual([
      "active",
      "active",
      "active",
      "past_due",
      "unpaid",
      "unpaid",
      "canceled",
      "canceled",
    ]);
  });
});
