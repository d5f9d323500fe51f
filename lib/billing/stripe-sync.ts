import "server-only";
import type Stripe from "stripe";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { VAT_RATE_BASIS_POINTS } from "./money";
import type { TTerm } from "./pricing";

type TDb = Pick<PrismaClient, "billingSetting">;

/** Get a setting, or create the Stripe object once and remember its id. */
async function once(db: TDb, key: string, create: () => Promise<string>): Promise<string> {
  const held = await db.billingSetting.findUnique({ where: { key } });
  if (held) return held.value;
  const value = await create();
  await db.billingSetting.upsert({ where: { key }, create: { key, value }, update: {} });
  return (await db.billingSetting.findUniqueOrThrow({ where: { key } })).value;
}

/** The 20 % UK VAT tax rate in Stripe, created once (idempotently) and its id stored in BillingSetting. */
export function ensureVatTaxRate(stripe: Stripe, db: TDb): Promise<string> {
  return once(db, "stripe.tax_rate.gb_vat_20", async () => {
    const r = await stripe.taxRates.create(
      { display_name: "VAT", description: "UK VAT, standard rate", percentage: VAT_RATE_BASIS_POINTS / 100, inclusive: false, country: "GB", jurisdiction: "GB", tax_type: "vat" },
      { idempotencyKey: "lspi-tax-rate-gb-vat-20" },
    );
    return r.id;
  });
}

/** The Stripe product every subscription price belongs to, created once. */
export function ensureProduct(stripe: Stripe, db: TDb): Promise<string> {
  return once(db, "stripe.product.service", async () => {
    const p = await stripe.products.create({ name: "Local SPI service", description: "Ward-level Social Progress Index" }, { idempotencyKey: "lspi-product-service" });
    return p.id;
  });
}

export interface TStripeQuote {
  id: string;
  reference: string;
  term: TTerm;
  pricePence: number;
  billingName: string;
  billingEmail: string;
  billingAddress: string;
  billingPostcode: string;
  vatNumber: string | null;
}

export interface TStripeSubscriptionResult {
  customerId: string;
  subscriptionId: string;
  status: string;
  periodStart: Date;
  periodEnd: Date;
  createdAt: Date;
}

/** Recurrence for a term: yearly, or every three months. */
export function recurringFor(term: TTerm): { interval: "year" | "month"; interval_count: number } {
  return term === "annual" ? { interval: "year", interval_count: 1 } : { interval: "month", interval_count: 3 };
}

/** A subscription's current period (on its first item since the 2025 API versions). */
export function periodOf(sub: Stripe.Subscription): { start: Date; end: Date } {
  const item = sub.items?.data?.[0] as (Stripe.SubscriptionItem & { current_period_start?: number; current_period_end?: number }) | undefined;
  const legacy = sub as unknown as { current_period_start?: number; current_period_end?: number };
  const start = item?.current_period_start ?? legacy.current_period_start ?? sub.start_date;
  const end = item?.current_period_end ?? legacy.current_period_end ?? start;
  return { start: new Date(start * 1000), end: new Date(end * 1000) };
}

/**
 * On acceptance: the council's Stripe customer (name, billing email and address, VAT number, and
 * the PO number as an invoice custom field) and a subscription invoiced by email
 * (collection_method "send_invoice", due in 30 days) at the quoted price, with 20 % VAT as a tax
 * rate. Idempotency keys derive from the quote, so a retry after a failure creates nothing twice.
 */
export async function createStripeSubscription(stripe: Stripe, db: TDb, council: { id: string; name: string }, q: TStripeQuote, poNumber: string | null): Promise<TStripeSubscriptionResult> {
  const [taxRate, product] = [await ensureVatTaxRate(stripe, db), await ensureProduct(stripe, db)];
  const lines = q.billingAddress.split("\n");
  const customer = await stripe.customers.create(
    {
      name: council.name,
      email: q.billingEmail,
      description: `Billing contact: ${q.billingName}`,
      address: { line1: lines[0] ?? "", line2: lines.length > 2 ? lines[1] : undefined, city: lines[lines.length - 1], postal_code: q.billingPostcode, country: "GB" },
      ...(q.vatNumber ? { tax_id_data: [{ type: "gb_vat" as const, value: q.vatNumber }] } : {}),
      invoice_settings: { custom_fields: poNumber ? [{ name: "PO number", value: poNumber }] : [] },
      metadata: { councilId: council.id, quote: q.reference },
    },
    { idempotencyKey: `lspi-${q.id}-customer` },
  );
  const sub = await stripe.subscriptions.create(
    {
      customer: customer.id,
      collection_method: "send_invoice",
      days_until_due: 30,
      currency: "gbp",
      items: [{ price_data: { currency: "gbp", product, unit_amount: q.pricePence, recurring: recurringFor(q.term) } }],
      default_tax_rates: [taxRate],
      metadata: { councilId: council.id, quote: q.reference, ...(poNumber ? { poNumber } : {}) },
    },
    { idempotencyKey: `lspi-${q.id}-subscription` },
  );
  const p = periodOf(sub);
  return { customerId: customer.id, subscriptionId: sub.id, status: sub.status, periodStart: p.start, periodEnd: p.end, createdAt: new Date(sub.created * 1000) };
}
