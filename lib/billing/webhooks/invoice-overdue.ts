import type Stripe from "stripe";
import { applyInvoice, subscriptionOfInvoice } from "./apply-invoice";
import { moveSubscriptionStatus } from "./apply-subscription";
import type { THandler } from "./types";

/** invoice.overdue: the invoice passed its due date unpaid; the council's subscription becomes past due. */
export const handleInvoiceOverdue: THandler = async (tx, event, at) => {
  const inv = event.data.object as Stripe.Invoice;
  const outcome = await applyInvoice(tx, inv, at);
  if (outcome === "ignored") return outcome;
  const moved = await moveSubscriptionStatus(tx, await subscriptionOfInvoice(tx, inv), "past_due", at);
  return outcome === "applied" || moved ? "applied" : "stale";
};
