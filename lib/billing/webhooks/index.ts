import type Stripe from "stripe";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { handleInvoiceFinalized } from "./invoice-finalized";
import { handleInvoiceOverdue } from "./invoice-overdue";
import { handleInvoicePaid } from "./invoice-paid";
import { handleInvoicePaymentFailed } from "./invoice-payment-failed";
import { handleSubscriptionCreated } from "./subscription-created";
import { handleSubscriptionDeleted } from "./subscription-deleted";
import { handleSubscriptionUpdated } from "./subscription-updated";
import type { THandler, TOutcome } from "./types";

/** One handler per event type. Anything else is recorded as ignored and acknowledged. */
export const HANDLERS: Record<string, THandler> = {
  "invoice.finalized": handleInvoiceFinalized,
  "invoice.paid": handleInvoicePaid,
  "invoice.payment_failed": handleInvoicePaymentFailed,
  "invoice.overdue": handleInvoiceOverdue,
  "customer.subscription.created": handleSubscriptionCreated,
  "customer.subscription.updated": handleSubscriptionUpdated,
  "customer.subscription.deleted": handleSubscriptionDeleted,
};

export type TEventResult = TOutcome | "duplicate";

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === "P2002";

/**
 * Handle a verified Stripe event exactly once: its id is recorded in StripeEvent in the same
 * transaction as its effects, so a replay (or a concurrent duplicate delivery) changes nothing
 * and returns "duplicate". A handler error rolls everything back, so Stripe's retry can succeed.
 */
export async function handleStripeEvent(prisma: PrismaClient, event: Stripe.Event): Promise<TEventResult> {
  const at = new Date(event.created * 1000);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return "duplicate" as const;
      await tx.stripeEvent.create({ data: { id: event.id, type: event.type, occurredAt: at, outcome: "processing" } });
      const handler = HANDLERS[event.type];
      const outcome: TOutcome = handler ? await handler(tx, event, at) : "ignored";
      await tx.stripeEvent.update({ where: { id: event.id }, data: { outcome } });
      return outcome;
    });
  } catch (e) {
    if (isUniqueViolation(e)) return "duplicate";
    throw e;
  }
}
