import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { TSessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { withVat } from "./money";
import type { ZPlanEdit, ZReviewQuote } from "./schemas";

type TOp = { user: TSessionUser; requestId: string };

/** Quotes waiting for review, and recent ones, across councils (operator console). */
export async function findQuotesForOperator() {
  return prisma.quote.findMany({
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 100,
    include: { council: { select: { name: true, slug: true } }, plan: { select: { name: true } } },
  });
}

/**
 * The billing review step: approve a requested quote at its list price or an adjusted price
 * (pounds typed by the operator → pence ex VAT per period, VAT recomputed, with a reason), or
 * decline it with a reason. Approving restarts the 30-day validity from now.
 */
export async function reviewQuote(op: TOp, input: z.output<typeof ZReviewQuote>) {
  return prisma.$transaction(async (tx) => {
    const q = await tx.quote.findUnique({ where: { id: input.quoteId } });
    if (!q) throw notFound("Quote");
    if (q.status !== "requested") throw new AppError("CONFLICT", `Quote ${q.reference} has already been reviewed.`);
    const now = new Date();
    const price = withVat(input.price ?? q.pricePence);
    const approve = input.decision === "approve";
    const moved = await tx.quote.updateMany({
      where: { id: q.id, status: "requested" },
      data: approve
        ? {
            status: "approved",
            pricePence: price.netPence,
            vatPence: price.vatPence,
            totalPence: price.totalPence,
            adjustmentReason: input.price !== undefined && input.price !== q.listPricePence ? input.reason : null,
            reviewedById: op.user.id,
            reviewedAt: now,
            validUntil: new Date(now.getTime() + 30 * 86_400_000),
          }
        : { status: "declined", adjustmentReason: input.reason, reviewedById: op.user.id, reviewedAt: now },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "The quote changed underneath you. Reload the page.");
    await recordAudit(tx, {
      councilId: q.councilId,
      actorId: op.user.id,
      action: approve ? "quote.approved" : "quote.declined",
      entityType: "Quote",
      entityId: q.id,
      data: { reference: q.reference, listPricePence: q.listPricePence, pricePence: price.netPence, reason: input.reason ?? null },
      requestId: op.requestId,
    });
    return { reference: q.reference, status: approve ? "approved" : "declined", pricePence: price.netPence };
  });
}

/** Edit a plan's name, prices (pence ex VAT) and whether it is offered. Existing quotes and subscriptions keep their prices. */
export async function updatePlan(op: TOp, input: z.output<typeof ZPlanEdit>) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.plan.findUnique({ where: { id: input.planId } });
    if (!before) throw notFound("Plan");
    const p = await tx.plan.update({
      where: { id: input.planId },
      data: { name: input.name, annualPricePence: input.annualPrice, quarterlyPricePence: input.quarterlyPrice, active: input.active },
    });
    await recordAudit(tx, {
      councilId: null,
      actorId: op.user.id,
      action: "plan.updated",
      entityType: "Plan",
      entityId: p.id,
      data: { code: p.code, before: { annual: before.annualPricePence, quarterly: before.quarterlyPricePence, active: before.active }, after: { annual: p.annualPricePence, quarterly: p.quarterlyPricePence, active: p.active } },
      requestId: op.requestId,
    });
    return { code: p.code };
  });
}

/** Every council with its subscription (if any), for the operator's overview. */
export async function findCouncilSubscriptions() {
  return prisma.council.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, createdAt: true, subscription: { include: { plan: { select: { name: true, tier: true } } } } },
  });
}
