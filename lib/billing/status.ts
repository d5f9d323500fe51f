/**
 * Status ordering, so webhook events that arrive late or twice cannot move things backwards.
 *
 * Invoices only move forward: draft → open → (paid | void | uncollectible), and the last three
 * are final. Subscriptions move freely between active, past_due and unpaid (a payment brings a
 * past-due subscription back), but canceled is final: a late "updated" event cannot revive it.
 */

export const INVOICE_STATUSES = ["draft", "open", "paid", "void", "uncollectible"] as const;
export type TInvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const SUBSCRIPTION_STATUSES = ["pilot", "active", "past_due", "unpaid", "canceled"] as const;
export type TSubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

const INVOICE_RANK: Record<TInvoiceStatus, number> = { draft: 0, open: 1, paid: 2, void: 2, uncollectible: 2 };

/** True when an invoice may move from `from` to `to` (same status is allowed: amounts may change). */
export function canMoveInvoice(from: TInvoiceStatus, to: TInvoiceStatus): boolean {
  if (from === to) return true;
  if (INVOICE_RANK[from] === 2) return from === "uncollectible" && to === "paid"; // a written-off invoice can still be paid
  return INVOICE_RANK[to] > INVOICE_RANK[from];
}

/** True when a subscription may move from `from` to `to`. */
export function canMoveSubscription(from: TSubscriptionStatus, to: TSubscriptionStatus): boolean {
  if (from === to) return true;
  if (from === "canceled") return false;
  if (to === "pilot") return false; // a pilot is only ever the starting state
  return true;
}

/**
 * Apply a Stripe object's state only when it is at least as new as what we hold. `heldAt` is the
 * time of the state last applied (null: never), `eventAt` the event's `created` time.
 */
export function isNewer(heldAt: Date | null, eventAt: Date): boolean {
  return heldAt === null || eventAt.getTime() >= heldAt.getTime();
}

/**
 * Stripe's subscription statuses mapped to ours: trialing counts as active (paid service);
 * incomplete (first invoice not yet paid, which with send_invoice is normal) is active for
 * entitlements; incomplete_expired and paused are treated as canceled and unpaid respectively.
 */
export function fromStripeSubscriptionStatus(s: string): TSubscriptionStatus {
  switch (s) {
    case "active":
    case "trialing":
    case "incomplete":
      return "active";
    case "past_due":
      return "past_due";
    case "unpaid":
    case "paused":
      return "unpaid";
    default:
      return "canceled";
  }
}

export const SUBSCRIPTION_STATUS_LABELS: Record<TSubscriptionStatus, string> = {
  pilot: "Pilot",
  active: "Active",
  past_due: "Past due",
  unpaid: "Unpaid",
  canceled: "Cancelled",
};

export const INVOICE_STATUS_LABELS: Record<TInvoiceStatus, string> = {
  draft: "Draft",
  open: "Issued, awaiting payment",
  paid: "Paid",
  void: "Void",
  uncollectible: "Uncollectible",
};
