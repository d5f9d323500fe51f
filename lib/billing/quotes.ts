import "server-only";
import type { TActionContext } from "@/lib/actions/define";
import { recordAudit } from "@/lib/audit/record";
import type { TScopedClient } from "@/lib/db/scoped";
import { AppError, notFound } from "@/lib/errors";
import { withVat } from "./money";
import { periodPricePence, planForWards } from "./pricing";
import { nextReference } from "./references";
import type { TQuoteRequest } from "./schemas";

type TCtx = Pick<TActionContext, "user" | "council" | "db" | "requestId">;

/** Days a quote stays valid after it is issued. */
export const QUOTE_VALID_DAYS = 30;
const DAY = 86_400_000;

/** Wards of the council on its current boundaries (the plan band). */
export async function countWards(db: TScopedClient, vintage: string): Promise<number> {
  return db.area.count({ where: { kind: "ward", vintage } });
}

/**
 * Request a quote: price it from the plan for the council's band (list price, pence ex VAT per
 * billing period; VAT 20 % rounded half up), give it the next LSPI-Q-<year>-<nnnn> reference and a
 * validity of QUOTE_VALID_DAYS, and leave it for the operator to review.
 */
export async function requestQuote(ctx: TCtx, input: TQuoteRequest) {
  const wards = await countWards(ctx.db, ctx.council.boundaryVintage);
  const plans = await ctx.db.plan.findMany({ where: { active: true } });
  const plan = planForWards(plans, input.tier, wards);
  if (!plan) throw new AppError("PRECONDITION", `No ${input.tier} plan covers a council of ${wards} wards. Contact Local SPI for a bespoke quote.`);
  const price = withVat(periodPricePence(plan, input.term));
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    const reference = await nextReference(tx, "Q", now);
    const address = [input.addressLine1, input.addressLine2, input.town].filter(Boolean).join("\n");
    const q = await tx.quote.create({
      data: {
        councilId: ctx.council.id,
        reference,
        planId: plan.id,
        term: input.term,
        wards,
        listPricePence: price.netPence,
        pricePence: price.netPence,
        vatPence: price.vatPence,
        totalPence: price.totalPence,
        billingName: input.billingName,
        billingEmail: input.billingEmail,
        billingAddress: address,
        billingPostcode: input.postcode,
        vatNumber: input.vatNumber ?? null,
        poRequired: input.poRequired,
        validUntil: new Date(now.getTime() + QUOTE_VALID_DAYS * DAY),
        requestedById: ctx.user.id,
      },
    });
    await recordAudit(tx, {
      councilId: ctx.council.id,
      actorId: ctx.user.id,
      action: "quote.requested",
      entityType: "Quote",
      entityId: q.id,
      afterId: q.id,
      data: { reference, plan: plan.code, term: input.term, pricePence: price.netPence },
      requestId: ctx.requestId,
    });
    return { id: q.id, reference };
  });
}

/** The council's quotes, newest first, with their plan. */
export async function findQuotes(db: TScopedClient) {
  return db.quote.findMany({ orderBy: { createdAt: "desc" }, include: { plan: { select: { name: true, tier: true, code: true } } } });
}

/** One of the council's quotes, or NOT_FOUND (also for another council's quote). */
export async function getQuote(db: TScopedClient, id: string) {
  const q = await db.quote.findFirst({ where: { id }, include: { plan: { select: { name: true, tier: true, code: true } } } });
  if (!q) throw notFound("Quote");
  return q;
}

/** True when an approved quote has passed its validity date. */
export function isExpired(q: { status: string; validUntil: Date }, now = new Date()): boolean {
  return (q.status === "approved" || q.status === "requested") && q.validUntil.getTime() < now.getTime();
}
