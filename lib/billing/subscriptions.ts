import "server-only";
import type { TActionContext } from "@/lib/actions/define";
import { recordAudit } from "@/lib/audit/record";
import type { TScopedClient } from "@/lib/db/scoped";
import { AppError } from "@/lib/errors";
import { periodPricePence, planForWards, prorate, type TProration, type TTier } from "./pricing";
import { countWards } from "./quotes";
import { getStripe } from "./stripe-client";
import { recurringFor } from "./stripe-sync";

type TCtx = Pick<TActionContext, "user" | "council" | "db" | "requestId">;

/** The council's subscription with its plan, or null. */
export async function getSubscription(db: TScopedClient) {
  return db.subscription.findFirst({ include: { plan: true } });
}

async function paidSubscription(ctx: TCtx) {
  const sub = await getSubscription(ctx.db);
  if (!sub || sub.status === "pilot" || sub.status === "canceled") throw new AppError("PRECONDITION", "Your council has no paid subscription to change. Request a quote instead.");
  return sub;
}

/**
 * What moving to the other tier would cost now: the new plan for the council's band and the
 * proration for the rest of the current period (pence; see prorate()).
 */
export async function previewPlanChange(ctx: TCtx, tier: TTier, at = new Date()): Promise<{ planId: string; planName: string; newPricePence: number; proration: TProration }> {
  const sub = await paidSubscription(ctx);
  if (sub.plan.tier === tier) throw new AppError("PRECONDITION", "Your council is already on that tier.");
  const plans = await ctx.db.plan.findMany({ where: { active: true } });
  const plan = planForWards(plans, tier, await countWards(ctx.db, ctx.council.boundaryVintage));
  if (!plan) throw new AppError("PRECONDITION", "No plan of that tier covers your council's size. Contact Local SPI.");
  const newPricePence = periodPricePence(plan, sub.term);
  const proration = prorate({ oldPricePence: sub.pricePence, newPricePence, periodStart: sub.currentPeriodStart, periodEnd: sub.currentPeriodEnd, at });
  return { planId: plan.id, planName: plan.name, newPricePence, proration };
}

/**
 * Change tier now, prorated. In Stripe mode the subscription item's price is replaced with
 * proration_behavior "create_prorations" (Stripe adds the credit and charge to the next
 * invoice); in manual mode the proration is recorded as a draft invoice for the operator to issue.
 */
export async function changePlan(ctx: TCtx, tier: TTier) {
  const sub = await paidSubscription(ctx);
  const preview = await previewPlanChange(ctx, tier);
  const stripe = getStripe();
  if (sub.mode === "stripe") {
    if (!stripe || !sub.stripeSubscriptionId) throw new AppError("CONFIG", "Stripe is not configured, so this Stripe subscription cannot be changed here. Contact Local SPI.");
    const current = await stripe.subscriptions.retrieve(sub.stripeSubscriptionId);
    const item = current.items.data[0];
    const product = typeof item.price.product === "string" ? item.price.product : item.price.product.id;
    await stripe.subscriptions.update(sub.stripeSubscriptionId, {
      items: [{ id: item.id, price_data: { currency: "gbp", product, unit_amount: preview.newPricePence, recurring: recurringFor(sub.term) } }],
      proration_behavior: "create_prorations",
    });
  }
  return ctx.db.$transaction(async (tx) => {
    await tx.subscription.updateMany({ where: { id: sub.id }, data: { planId: preview.planId, pricePence: preview.newPricePence } });
    if (sub.mode === "manual" && preview.proration.netPence !== 0) {
      await tx.invoice.create({
        data: {
          councilId: ctx.council.id,
          subscriptionId: sub.id,
          status: "draft",
          mode: "manual",
          subtotalPence: preview.proration.netPence,
          vatPence: preview.proration.vatPence,
          totalPence: preview.proration.totalPence,
          poNumber: sub.poNumber,
          description: `Change of plan to ${preview.planName}, prorated for the rest of the period`,
          periodStart: new Date(),
          periodEnd: sub.currentPeriodEnd,
        },
      });
    }
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "subscription.plan_changed",
      entityType: "Subscription",
      entityId: sub.id,
      data: { from: sub.plan.code, to: preview.planName, prorationNetPence: preview.proration.netPence },
      requestId: ctx.requestId,
    });
    return { planName: preview.planName, proration: preview.proration };
  });
}

/** Cancel at the end of the current period (cancel_at_period_end in Stripe). Publishing stays allowed until then. */
export async function cancelAtPeriodEnd(ctx: TCtx) {
  const sub = await paidSubscription(ctx);
  if (sub.cancelAtPeriodEnd) throw new AppError("CONFLICT", "The subscription is already set to end at the end of this period.");
  if (sub.mode === "stripe") {
    const stripe = getStripe();
    if (!stripe || !sub.stripeSubscriptionId) throw new AppError("CONFIG", "Stripe is not configured, so this Stripe subscription cannot be changed here. Contact Local SPI.");
    await stripe.subscriptions.update(sub.stripeSubscriptionId, { cancel_at_period_end: true });
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.subscription.updateMany({ where: { id: sub.id }, data: { cancelAtPeriodEnd: true } });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "subscription.cancel_scheduled",
      entityType: "Subscription",
      entityId: sub.id,
      data: { endsAt: sub.currentPeriodEnd.toISOString() },
      requestId: ctx.requestId,
    });
  });
  return { endsAt: sub.currentPeriodEnd };
}
