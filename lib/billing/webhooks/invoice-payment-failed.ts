import type Stripe from "stripe";
import { applyInvoice } from "./apply-invoice";
import type { THandler } from "./types";

/** invoice.payment_failed: a payment attempt failed; the invoice stays open (its amounts and links are refreshed). */
export const handleInvoicePaymentFailed: THandler = (tx, event, at) => applyInvoice(tx, event.data.object as Stripe.Invoice, at);
