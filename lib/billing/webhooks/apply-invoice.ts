import type Stripe from "stripe";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canMoveInvoice, isNewer, type TInvoiceStatus } from "../status";
import type { TOutcome } from "./types";

const idOf = (x: string | { id: string } | null | undefined) => (typeof x === "string" ? x : (x?.id ?? null));
const date = (s: number | null | undefined) => (s ? new Date(s * 1000) : null);

/** The subscription id of an invoice (under `parent` since the 2025 API versions). */
function subscriptionIdOf(inv: Stripe.Invoice): string | null {
  const parent = (inv as { parent?: { subscription_details?: { subscription?: string | { id: string } } | null } | null }).parent;
  return idOf(parent?.subscription_details?.subscription ?? (inv as unknown as { subscription?: string }).subscription);
}

/**
 * Mirror a Stripe invoice into our Invoice table, found by its Stripe id, or created for the
 * council whose subscription or customer it belongs to. Never moves an invoice backwards (a paid
 * invoice stays paid) and never applies a state older than the one held. Amounts are pence;
 * VAT is total − total excluding tax.
 */
export async function applyInvoice(tx: Prisma.TransactionClient, inv: Stripe.Invoice, at: Date, override?: { status?: TInvoiceStatus }): Promise<TOutcome> {
  const status = (override?.status ?? inv.status ?? "draft") as TInvoiceStatus;
  const existing = await tx.invoice.findUnique({ where: { stripeInvoiceId: inv.id! } });
  if (existing && (!isNewer(existing.stripeStateAt, at) || !canMoveInvoice(existing.status, status))) return "stale";
  const stripeSubId = subscriptionIdOf(inv);
  const customerId = idOf(inv.customer as string | { id: string } | null);
  const sub = await tx.subscription.findFirst({
    where: { OR: [...(stripeSubId ? [{ stripeSubscriptionId: stripeSubId }] : []), ...(customerId ? [{ stripeCustomerId: customerId }] : [])] },
  });
  if (!existing && !sub) return "ignored";
  const net = inv.total_excluding_tax ?? inv.subtotal;
  const po = inv.custom_fields?.find((f) => /p\.?o\.?|purchase/i.test(f.name))?.value ?? sub?.poNumber ?? null;
  const data = {
    number: inv.number ?? null,
    status,
    subtotalPence: net,
    vatPence: inv.total - net,
    totalPence: inv.total,
    amountPaidPence: inv.amount_paid,
    currency: inv.currency,
    poNumber: po,
    periodStart: date(inv.period_start),
    periodEnd: date(inv.period_end),
    issuedAt: date(inv.status_transitions?.finalized_at) ?? existing?.issuedAt ?? null,
    dueAt: date(inv.due_date),
    paidAt: status === "paid" ? (date(inv.status_transitions?.paid_at) ?? at) : null,
    hostedInvoiceUrl: inv.hosted_invoice_url ?? null,
    pdfUrl: inv.invoice_pdf ?? null,
    stripeStateAt: at,
  };
  const row = existing
    ? await tx.invoice.update({ where: { id: existing.id }, data })
    : await tx.invoice.create({ data: { ...data, councilId: sub!.councilId, subscriptionId: sub!.id, mode: "stripe", stripeInvoiceId: inv.id! } });
  if (existing?.status !== status) {
    await recordAudit(tx, {
      councilId: row.councilId,
      actorId: null,
      action: `invoice.${status}`,
      entityType: "Invoice",
      entityId: row.id,
      data: { number: row.number, totalPence: row.totalPence, via: "stripe" },
    });
  }
  return "applied";
}

/** The council subscription an invoice belongs to (for the invoice events that also move it). */
export async function subscriptionOfInvoice(tx: Prisma.TransactionClient, inv: Stripe.Invoice) {
  const stripeSubId = subscriptionIdOf(inv);
  return stripeSubId ? tx.subscription.findUnique({ where: { stripeSubscriptionId: stripeSubId } }) : null;
}
