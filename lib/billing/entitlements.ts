import "server-only";
import type { TCouncilContext } from "@/lib/auth/require-council";
import { prisma } from "@/lib/db/client";
import type { TScopedClient } from "@/lib/db/scoped";
import { AppError } from "@/lib/errors";
import { evaluateEntitlement, refusal, type TEntitlement, type TEntitlementState } from "./entitlement-rules";

export { ENTITLEMENTS, type TEntitlement } from "./entitlement-rules";

/**
 * The council's entitlement state now, read through its scoped client (subscription and overdue
 * invoices) plus the council's onboarding date (for the implicit pilot).
 */
export async function getEntitlementState(db: TScopedClient, councilId: string, now = new Date()): Promise<TEntitlementState> {
  const [sub, overdue, council] = await Promise.all([
    db.subscription.findFirst({ select: { status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, plan: { select: { tier: true } } } }),
    db.invoice.count({ where: { status: "open", dueAt: { lt: now } } }),
    prisma.council.findUniqueOrThrow({ where: { id: councilId }, select: { createdAt: true } }),
  ]);
  return evaluateEntitlement({
    subscription: sub ? { status: sub.status, tier: sub.plan.tier, currentPeriodEnd: sub.currentPeriodEnd, cancelAtPeriodEnd: sub.cancelAtPeriodEnd } : null,
    councilCreatedAt: council.createdAt,
    overdueInvoices: overdue,
    now,
  });
}

/**
 * The action wrapper's entitlement step: throws AppError("ENTITLEMENT") with a message saying
 * why and whom to contact when the council may not do `key`. No key: nothing to check.
 */
export async function requireEntitlement(ctx: Pick<TCouncilContext, "db" | "council">, key: TEntitlement | undefined): Promise<void> {
  if (!key) return;
  const state = await getEntitlementState(ctx.db, ctx.council.id);
  const message = refusal(state, key);
  if (message) throw new AppError("ENTITLEMENT", message);
}
