import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canMoveSubscription, fromStripeSubscriptionStatus, isNewer, type TSubscriptionStatus } from "../status";
import { periodOf } from "../stripe-sync";
import type { TOutcome } from "./types";

/**
 * Apply a Stripe subscription's state to the council's subscription (found by Stripe id, or by
 * the councilId in its metadata). Ignores a state older than the one held and any move out of
 * canceled, so out-of-order or replayed events cannot move a subscription backwards.
 */
export async function applySubscription(tx: Prisma.TransactionClient, s: Stripe.Subscription, at: Date, forced?: TSubscriptionStatus): Promise<TOutcome> {
  const councilId = s.metadata?.councilId;
  const row =
    (await tx.subscription.findUnique({ where: { stripeSubscriptionId: s.id } })) ??
    (councilId ? await tx.subscription.findFirst({ where: { councilId, mode: "stripe", stripeSubscriptionId: null } }) : null);
  if (!row) return "ignored";
  const status = forced ?? fromStripeSubscriptionStatus(s.status);
  if (!isNewer(row.stripeStateAt, at) || !canMoveSubscription(row.status, status)) return "stale";
  const p = periodOf(s);
  await tx.subscription.update({
    where: { id: row.id },
    data: {
      status,
      stripeSubscriptionId: s.id,
      currentPeriodStart: p.start,
      currentPeriodEnd: p.end,
      cancelAtPeriodEnd: Boolean(s.cancel_at_period_end),
      canceledAt: s.canceled_at ? new Date(s.canceled_at * 1000) : status === "canceled" ? at : null,
      stripeStateAt: at,
    },
  });
  if (row.status !== status) {
    await recordAudit(tx, {
      councilId: row.councilId,
      actorId: null,
      action: "subscription.status_changed",
      entityType: "Subscription",
      entityId: row.id,
      data: { from: row.status, to: status, via: "stripe" },
    });
  }
  return "applied";
}

/** Move the subscription's status on an invoice event (overdue → past_due, paid → active), if not older than its state. */
export async function moveSubscriptionStatus(
  tx: Prisma.TransactionClient,
  row: { id: string; councilId: string; status: TSubscriptionStatus; stripeStateAt: Date | null } | null,
  to: TSubscriptionStatus,
  at: Date,
): Promise<boolean> {
  if (!row || row.status === to || !isNewer(row.stripeStateAt, at) || !canMoveSubscription(row.status, to)) return false;
  await tx.subscription.update({ where: { id: row.id }, data: { status: to, stripeStateAt: at } });
  await recordAudit(tx, {
    councilId: row.councilId,
    actorId: null,
    action: "subscription.status_changed",
    entityType: "Subscription",
    entityId: row.id,
    data: { from: row.status, to, via: "stripe invoice event" },
  });
  return true;
}
