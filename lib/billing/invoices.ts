import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { TSessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import type { TScopedClient } from "@/lib/db/scoped";
import { AppError, notFound } from "@/lib/errors";
import { withVat } from "./money";
import { TERM_LABELS } from "./pricing";
import { nextReference } from "./references";

type TOp = { user: TSessionUser; requestId: string };
const DAY = 86_400_000;

/** The council's invoices, newest first. */
export async function findInvoices(db: TScopedClient) {
  return db.invoice.findMany({ orderBy: { createdAt: "desc" } });
}

/** Invoices not yet paid (draft or open) across councils, oldest due first. */
export async function findOutstandingInvoices() {
  return prisma.invoice.findMany({
    where: { status: { in: ["draft", "open"] } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    include: { council: { select: { name: true, slug: true } } },
  });
}

/**
 * Manual invoicing mode: the operator issues the invoice for a subscription's current period
 * (price per period ex VAT + 20 % VAT, due in 30 days, numbered LSPI-INV-<year>-<nnnn>), or
 * issues a draft (e.g. a proration) as it stands.
 */
export async function issueManualInvoice(op: TOp, input: { subscriptionId?: string; invoiceId?: string }) {
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const due = new Date(now.getTime() + 30 * DAY);
    let invoice;
    if (input.invoiceId) {
      const draft = await tx.invoice.findUnique({ where: { id: input.invoiceId } });
      if (!draft) throw notFound("Invoice");
      if (draft.status !== "draft" || draft.mode !== "manual") throw new AppError("CONFLICT", "Only a manual draft invoice can be issued here.");
      invoice = await tx.invoice.update({ where: { id: draft.id }, data: { status: "open", number: await nextReference(tx, "INV", now), issuedAt: now, dueAt: due } });
    } else {
      const sub = await tx.subscription.findUnique({ where: { id: input.subscriptionId ?? "" }, include: { plan: true } });
      if (!sub) throw notFound("Subscription");
      if (sub.mode !== "manual") throw new AppError("PRECONDITION", "This subscription is invoiced by Stripe.");
      if (sub.status === "pilot" || sub.status === "canceled") throw new AppError("PRECONDITION", "Pilots and cancelled subscriptions are not invoiced.");
      const v = withVat(sub.pricePence);
      invoice = await tx.invoice.create({
        data: {
          councilId: sub.councilId,
          subscriptionId: sub.id,
          number: await nextReference(tx, "INV", now),
          status: "open",
          mode: "manual",
          subtotalPence: v.netPence,
          vatPence: v.vatPence,
          totalPence: v.totalPence,
          poNumber: sub.poNumber,
          description: `${sub.plan.name}, ${TERM_LABELS[sub.term].toLowerCase()} billing`,
          periodStart: sub.currentPeriodStart,
          periodEnd: sub.currentPeriodEnd,
          issuedAt: now,
          dueAt: due,
        },
      });
    }
    await recordAudit(tx, { councilId: invoice.councilId, actorId: op.user.id, action: "invoice.issued", entityType: "Invoice", entityId: invoice.id, data: { number: invoice.number, totalPence: invoice.totalPence, via: "manual" }, requestId: op.requestId });
    return { number: invoice.number };
  });
}

/**
 * Manual mode: record an invoice as paid, or as overdue (the council's subscription becomes
 * past due and it can publish nothing new). Paying the last overdue invoice makes it active again.
 */
export async function markManualInvoice(op: TOp, input: { invoiceId: string; mark: "paid" | "overdue" }) {
  return prisma.$transaction(async (tx) => {
    const inv = await tx.invoice.findUnique({ where: { id: input.invoiceId }, include: { subscription: true } });
    if (!inv) throw notFound("Invoice");
    if (inv.mode !== "manual") throw new AppError("PRECONDITION", "Stripe invoices are updated by Stripe.");
    if (inv.status !== "open") throw new AppError("CONFLICT", "Only an issued, unpaid invoice can be marked.");
    const now = new Date();
    const sub = inv.subscription;
    if (input.mark === "paid") {
      await tx.invoice.update({ where: { id: inv.id }, data: { status: "paid", paidAt: now, amountPaidPence: inv.totalPence } });
      const others = await tx.invoice.count({ where: { subscriptionId: sub?.id ?? "", status: "open", id: { not: inv.id }, dueAt: { lt: now } } });
      if (sub && sub.status === "past_due" && others === 0) await tx.subscription.update({ where: { id: sub.id }, data: { status: "active" } });
    } else if (sub && sub.status === "active") {
      await tx.subscription.update({ where: { id: sub.id }, data: { status: "past_due" } });
    }
    await recordAudit(tx, { councilId: inv.councilId, actorId: op.user.id, action: `invoice.marked_${input.mark}`, entityType: "Invoice", entityId: inv.id, data: { number: inv.number, via: "manual" }, requestId: op.requestId });
    return { number: inv.number, mark: input.mark };
  });
}

/** Revenue ex VAT by calendar month of payment (UTC), pence, for the last `months` months including this one. */
export async function revenueByMonth(months = 12, now = new Date()): Promise<Array<{ month: string; netPence: number; invoices: number }>> {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
  const paid = await prisma.invoice.findMany({ where: { status: "paid", paidAt: { gte: from } }, select: { paidAt: true, subtotalPence: true } });
  const out = Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + i, 1));
    return { month: d.toISOString().slice(0, 7), netPence: 0, invoices: 0 };
  });
  for (const p of paid) {
    const row = out.find((r) => r.month === p.paidAt!.toISOString().slice(0, 7));
    if (row) {
      row.netPence += p.subtotalPence;
      row.invoices += 1;
    }
  }
  return out;
}
