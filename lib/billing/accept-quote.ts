import "server-only";
import type { TActionContext } from "@/lib/actions/define";
import { recordAudit } from "@/lib/audit/record";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { periodEndFrom } from "./pricing";
import { getQuote, isExpired } from "./quotes";
import { fromStripeSubscriptionStatus } from "./status";
import { getStripe } from "./stripe-client";
import { createStripeSubscription } from "./stripe-sync";

type TCtx = Pick<TActionContext, "user" | "council" | "db" | "requestId">;

/**
 * Procurement accepts an approved, unexpired quote with a purchase-order number (required when
 * the quote says so). The council's subscription starts at the quoted price per period:
 * in Stripe mode a customer and a send_invoice subscription are created first (idempotently, so a
 * retry is safe), then the quote and subscription are saved in one transaction; in manual mode
 * the subscription starts now and the operator issues the invoices.
 *
 * A council already on a paid subscription (not a pilot or a cancelled one) changes plan instead.
 */
export async function acceptQuote(ctx: TCtx, input: { quoteId: string; poNumber?: string }) {
  const q = await getQuote(ctx.db, input.quoteId);
  if (q.status === "requested") throw new AppError("CONFLICT", "This quote is still being reviewed by Local SPI. You can accept it once it has been approved.");
  if (q.status !== "approved") throw new AppError("CONFLICT", "This quote is no longer open for acceptance.");
  if (isExpired(q)) throw new AppError("PRECONDITION", "This quote has expired. Request a new quote.");
  const poNumber = input.poNumber ?? null;
  if (q.poRequired && !poNumber) {
    throw new AppError("VALIDATION", "Enter the purchase-order number", { fieldErrors: { poNumber: ["Enter the purchase-order number for this quote"] } });
  }
  const existing = await ctx.db.subscription.findFirst({ select: { status: true } });
  if (existing && existing.status !== "pilot" && existing.status !== "canceled") {
    throw new AppError("CONFLICT", "Your council already has a subscription. Change plan on the Billing page instead.");
  }
  const now = new Date();
  const stripe = getStripe();
  const base = { planId: q.planId, quoteId: q.id, term: q.term, pricePence: q.pricePence, poNumber, cancelAtPeriodEnd: false, canceledAt: null };
  let data;
  if (stripe) {
    const r = await createStripeSubscription(stripe, prisma, ctx.council, q, poNumber);
    data = {
      ...base,
      mode: "stripe" as const,
      status: fromStripeSubscriptionStatus(r.status),
      currentPeriodStart: r.periodStart,
      currentPeriodEnd: r.periodEnd,
      stripeCustomerId: r.customerId,
      stripeSubscriptionId: r.subscriptionId,
      stripeStateAt: r.createdAt,
    };
  } else {
    data = { ...base, mode: "manual" as const, status: "active" as const, currentPeriodStart: now, currentPeriodEnd: periodEndFrom(now, q.term) };
  }
  return ctx.db.$transaction(async (tx) => {
    const moved = await tx.quote.updateMany({
      where: { id: q.id, status: "approved" },
      data: { status: "accepted", poNumber, acceptedById: ctx.user.id, acceptedAt: now },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "This quote was changed by someone else. Reload the page.");
    const sub = await tx.subscription.upsert({
      where: { councilId: ctx.council.id },
      create: { councilId: ctx.council.id, ...data },
      update: data,
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "quote.accepted",
      entityType: "Quote",
      entityId: q.id,
      afterId: sub.id,
      data: { reference: q.reference, poNumber, mode: data.mode, pricePence: q.pricePence },
      requestId: ctx.requestId,
    });
    return { subscriptionId: sub.id, mode: data.mode, reference: q.reference };
  });
}
