"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/define";
import { issueManualInvoice, markManualInvoice } from "@/lib/billing/invoices";
import { reviewQuote, updatePlan } from "@/lib/billing/operator";
import { ZPlanEdit, ZReviewQuote } from "@/lib/billing/schemas";

export const reviewQuoteAction = userAction({
  name: "operator.billing.reviewQuote",
  operatorOnly: true,
  input: ZReviewQuote,
  handler: (op, input) => reviewQuote(op, input),
  revalidate: ["/operator/billing"],
});

export const updatePlanAction = userAction({
  name: "operator.billing.updatePlan",
  operatorOnly: true,
  input: ZPlanEdit,
  handler: (op, input) => updatePlan(op, input),
  revalidate: ["/operator/billing/plans", "/pricing"],
});

export const issueInvoiceAction = userAction({
  name: "operator.billing.issueInvoice",
  operatorOnly: true,
  input: z
    .object({ subscriptionId: z.string().min(1).optional(), invoiceId: z.string().min(1).optional() })
    .refine((v) => Boolean(v.subscriptionId) !== Boolean(v.invoiceId), { message: "Choose one subscription or one draft invoice" }),
  handler: (op, input) => issueManualInvoice(op, input),
  revalidate: ["/operator/billing"],
});

export const markInvoiceAction = userAction({
  name: "operator.billing.markInvoice",
  operatorOnly: true,
  input: z.object({ invoiceId: z.string().min(1), mark: z.enum(["paid", "overdue"]) }),
  handler: (op, input) => markManualInvoice(op, input),
  revalidate: ["/operator/billing"],
});
