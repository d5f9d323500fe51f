import type Stripe from "stripe";
import { applyInvoice } from "./apply-invoice";
import type { THandler } from "./types";

/** invoice.finalized: the invoice is issued (open) with its number, due date and hosted links. */
export const handleInvoiceFinalized: THandler = (tx, event, at) => applyInvoice(tx, event.data.object as Stripe.Invoice, at);
