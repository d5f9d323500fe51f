import type Stripe from "stripe";
import { applyInvoice, subscriptionOfInvoice } from "./apply-invoice";
import { moveSubscriptionStatus } from "./apply-subscription";
import type { THandler } from "./types";

/** invoice.paid: the invoice is paid; a past-due or unpaid subscription with nothing else overdue is active again. */
export const handleInvoicePaid: THandler = async (tx, event, at) => {
  const inv = event.data.object as Stripe.Invoice;
  const outcome = await applyInvoice(tx, inv, at, { status: "paid" });
  if (outcome !== "applied") return outcome;
  const sub = await subscriptionOfInvoice(tx, inv);
  if (sub && (sub.status === "past_due" || sub.status === "unpaid")) {
    const stillOverdue = await tx.invoice.count({ where: { subscriptionId: sub.id, status: "open", dueAt: { lt: at } } });
    if (stillOverdue === 0) await moveSubscriptionStatus(tx, sub, "active", at);
  }
  return outcome;
};
