import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { TSessionUser } from "@/lib/auth/session";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testDatabaseUrl } from "@/tests/support/db";
import { startFakeStripe, type TFakeStripe } from "@/tests/support/fake-stripe";
import { createArea, createCouncil, createMember, createUser } from "@/tests/support/fixtures";

/**
 * The commissioning journey through the real action wrapper and database: quote → review →
 * acceptance (manual mode, then Stripe mode against a local fake of its API), manual invoicing,
 * and the wrapper's entitlement step refusing an entitled action while an invoice is overdue.
 */
const h = vi.hoisted(() => ({ user: null as TSessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn(async () => h.user) }));
vi.mock("@/lib/auth/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

type TAction = (prev: unknown, payload: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string; fieldErrors?: object } }>;
let prisma: PrismaClient;
let actions: Record<string, TAction>;
let op: { user: TSessionUser; requestId: string };
let fake: TFakeStripe;

const asSession = (u: { id: string; email: string; name: string | null; isOperator: boolean }): TSessionUser => ({ ...u, mustChangePassword: false });

async function councilWithProcurement(label: string, wards = 3) {
  const council = await createCouncil(prisma, label);
  for (let i = 0; i < wards; i++) await createArea(prisma, council.id);
  const { user } = await createMember(prisma, council.id, ["procurement"]);
  return { council, user: asSession(user) };
}

const quoteInput = (slug: string, over: object = {}) => ({
  council: slug,
  tier: "standard",
  term: "annual",
  billingName: "Alex Accounts",
  billingEmail: "accounts@council.example",
  addressLine1: "Town Hall",
  town: "Barking",
  postcode: "ig11 7lu",
  vatNumber: "GB 980 7806 84",
  poRequired: "yes",
  ...over,
});

beforeAll(async () => {
  const url = await testDatabaseUrl();
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(33).toString("base64url");
  delete process.env.STRIPE_SECRET_KEY;
  (await import("@/lib/env")).resetEnvForTests();
  const { createPrismaClient } = await import("@/lib/db/create-client");
  prisma = createPrismaClient(url, { max: 2 });
  await (await import("@/lib/billing/plans")).seedPlans(prisma);
  const billing = await import("@/app/(portal)/c/[council]/billing/actions");
  const { councilAction } = await import("@/lib/actions/define");
  const entitled = councilAction({ name: "test.entitledRun", permission: "council:read", entitlement: "run:create", input: z.object({}), handler: async () => ({ ran: true }) });
  actions = { ...(billing as unknown as Record<string, TAction>), entitled: entitled as unknown as TAction };
  op = { user: asSession(await createUser(prisma, { isOperator: true })), requestId: "test" };
  fake = await startFakeStripe();
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  await fake?.close();
  await prisma?.$disconnect();
});

describe("manual invoicing mode", () => {
  it("quote → review with an adjusted price → acceptance with a PO → invoice; overdue refuses entitled actions", async () => {
    const { council, user } = await councilWithProcurement("manual");
    h.user = user;
    const first = await actions.requestQuoteAction(null, quoteInput(council.slug));
    const second = await actions.requestQuoteAction(null, quoteInput(council.slug, { term: "quarterly", poRequired: "no", vatNumber: "" }));
    expect(first).toMatchObject({ ok: true, data: { reference: expect.stringMatching(/^LSPI-Q-\d{4}-\d{4}$/) } });
    const [r1, r2] = [first, second].map((r) => (r.data as { reference: string }).reference);
    expect(Number(r2.slice(-4))).toBe(Number(r1.slice(-4)) + 1);
    const bad = await actions.requestQuoteAction(null, quoteInput(council.slug, { vatNumber: "GB 123 4567 89", postcode: "nope" }));
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { vatNumber: expect.any(Array), postcode: expect.any(Array) } } });

    const quoteId = (first.data as { id: string }).id;
    const q = await prisma.quote.findUniqueOrThrow({ where: { id: quoteId } });
    expect(q).toMatchObject({ wards: 3, listPricePence: 960_000, pricePence: 960_000, vatPence: 192_000, totalPence: 1_152_000, billingPostcode: "IG11 7LU", vatNumber: "GB980780684", status: "requested" });
    expect(await actions.acceptQuoteAction(null, { council: council.slug, quoteId, poNumber: "PO-1", confirm: "yes" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const { reviewQuote } = await import("@/lib/billing/operator");
    await reviewQuote(op, { quoteId, decision: "approve", price: 900_000, reason: "Early adopter discount" });
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: quoteId } })).toMatchObject({ status: "approved", pricePence: 900_000, vatPence: 180_000, totalPence: 1_080_000, adjustmentReason: "Early adopter discount" });

    expect(await actions.acceptQuoteAction(null, { council: council.slug, quoteId, confirm: "yes" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { poNumber: expect.any(Array) } } });
    expect(await actions.acceptQuoteAction(null, { council: council.slug, quoteId, poNumber: "PO-2026-77", confirm: "yes" })).toMatchObject({ ok: true, data: { mode: "manual" } });
    const sub = await prisma.subscription.findUniqueOrThrow({ where: { councilId: council.id } });
    expect(sub).toMatchObject({ status: "active", mode: "manual", pricePence: 900_000, poNumber: "PO-2026-77", stripeCustomerId: null });

    expect(await actions.entitled(null, { council: council.slug })).toEqual({ ok: true, data: { ran: true } });
    const { issueManualInvoice, markManualInvoice } = await import("@/lib/billing/invoices");
    const { number } = await issueManualInvoice(op, { subscriptionId: sub.id });
    const inv = await prisma.invoice.findFirstOrThrow({ where: { number } });
    expect(inv).toMatchObject({ status: "open", subtotalPence: 900_000, vatPence: 180_000, totalPence: 1_080_000, poNumber: "PO-2026-77" });

    await markManualInvoice(op, { invoiceId: inv.id, mark: "overdue" });
    const refused = await actions.entitled(null, { council: council.slug });
    expect(refused).toMatchObject({ ok: false, error: { code: "ENTITLEMENT", message: expect.stringMatching(/past its due date.*billing@localspi\.example/) } });
    // billing itself (and everything not entitled) still works
    expect(await actions.requestQuoteAction(null, quoteInput(council.slug))).toMatchObject({ ok: true });
    await markManualInvoice(op, { invoiceId: inv.id, mark: "paid" });
    expect(await actions.entitled(null, { council: council.slug })).toMatchObject({ ok: true });
  });

  it("an open invoice past its due date refuses entitled actions even before anyone marks it", async () => {
    const { council, user } = await councilWithProcurement("duedate");
    h.user = user;
    const plan = await prisma.plan.findUniqueOrThrow({ where: { code: "standard-s" } });
    const sub = await prisma.subscription.create({ data: { councilId: council.id, planId: plan.id, term: "annual", status: "active", mode: "manual", pricePence: 1, currentPeriodStart: new Date(), currentPeriodEnd: new Date(Date.now() + 1e10) } });
    await prisma.invoice.create({ data: { councilId: council.id, subscriptionId: sub.id, status: "open", mode: "manual", subtotalPence: 1, vatPence: 0, totalPence: 1, dueAt: new Date(Date.now() - 1000) } });
    expect(await actions.entitled(null, { council: council.slug })).toMatchObject({ ok: false, error: { code: "ENTITLEMENT" } });
  });
});

describe("Stripe mode against a local fake of the Stripe API", () => {
  const useStripe = async () => {
    Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_fakekey123", STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: String(fake.port), STRIPE_API_PROTOCOL: "http" });
    (await import("@/lib/env")).resetEnvForTests();
  };

  async function approvedQuote(label: string) {
    const c = await councilWithProcurement(label);
    h.user = c.user;
    const r = await actions.requestQuoteAction(null, quoteInput(c.council.slug));
    const quoteId = (r.data as { id: string }).id;
    await (await import("@/lib/billing/operator")).reviewQuote(op, { quoteId, decision: "approve" });
    return { ...c, quoteId };
  }

  it("acceptance creates the customer (address, VAT id, PO custom field), a send_invoice subscription with the VAT tax rate; the tax rate is created once", async () => {
    await useStripe();
    const a = await approvedQuote("stripe-a");
    expect(await actions.acceptQuoteAction(null, { council: a.council.slug, quoteId: a.quoteId, poNumber: "PO-STRIPE-1", confirm: "yes" })).toMatchObject({ ok: true, data: { mode: "stripe" } });
    const posts = (p: string) => fake.requests.filter((r) => r.method === "POST" && r.path === p);
    expect(posts("/v1/tax_rates")).toHaveLength(1);
    expect(posts("/v1/tax_rates")[0].body).toMatchObject({ percentage: "20", inclusive: "false", country: "GB" });
    const customer = posts("/v1/customers").at(-1)!;
    expect(customer.authorization).toBe("Bearer sk_test_fakekey123");
    expect(customer.body).toMatchObject({
      email: "accounts@council.example",
      address: { line1: "Town Hall", city: "Barking", postal_code: "IG11 7LU", country: "GB" },
      tax_id_data: [{ type: "gb_vat", value: "GB980780684" }],
      invoice_settings: { custom_fields: [{ name: "PO number", value: "PO-STRIPE-1" }] },
    });
    const subReq = posts("/v1/subscriptions").at(-1)!;
    const taxRateId = (await prisma.billingSetting.findUniqueOrThrow({ where: { key: "stripe.tax_rate.gb_vat_20" } })).value;
    expect(subReq.body).toMatchObject({ collection_method: "send_invoice", days_until_due: "30", default_tax_rates: [taxRateId], items: [{ price_data: { currency: "gbp", unit_amount: "960000", recurring: { interval: "year" } } }] });
    expect(subReq.idempotencyKey).toBe(`lspi-${a.quoteId}-subscription`);
    const sub = await prisma.subscription.findUniqueOrThrow({ where: { councilId: a.council.id } });
    expect(sub).toMatchObject({ mode: "stripe", status: "active", stripeCustomerId: customer ? expect.stringMatching(/^cus_/) : null, stripeSubscriptionId: expect.stringMatching(/^sub_/) });

    const b = await approvedQuote("stripe-b");
    expect(await actions.acceptQuoteAction(null, { council: b.council.slug, quoteId: b.quoteId, poNumber: "PO-B", confirm: "yes" })).toMatchObject({ ok: true });
    expect(posts("/v1/tax_rates")).toHaveLength(1);
    expect(posts("/v1/products")).toHaveLength(1);

    h.user = a.user;
    expect(await actions.changePlanAction(null, { council: a.council.slug, tier: "plus" })).toMatchObject({ ok: true, data: { planName: "Plus, up to 20 wards" } });
    const update = posts(`/v1/subscriptions/${sub.stripeSubscriptionId}`).at(-1)!;
    expect(update.body).toMatchObject({ proration_behavior: "create_prorations", items: [{ price_data: { unit_amount: "1560000" } }] });
    expect(await actions.cancelSubscriptionAction(null, { council: a.council.slug, confirm: "yes" })).toMatchObject({ ok: true });
    expect(posts(`/v1/subscriptions/${sub.stripeSubscriptionId}`).at(-1)!.body).toEqual({ cancel_at_period_end: "true" });
    expect(await prisma.subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ cancelAtPeriodEnd: true, pricePence: 1_560_000 });
  });

  it("a Stripe error is reported and nothing is saved", async () => {
    await useStripe();
    const c = await approvedQuote("stripe-err");
    process.env.STRIPE_API_PORT = "1"; // nothing listens there
    (await import("@/lib/env")).resetEnvForTests();
    const r = await actions.acceptQuoteAction(null, { council: c.council.slug, quoteId: c.quoteId, poNumber: "PO-X", confirm: "yes" });
    expect(r).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    expect(await prisma.quote.findUniqueOrThrow({ where: { id: c.quoteId } })).toMatchObject({ status: "approved" });
    expect(await prisma.subscription.findUnique({ where: { councilId: c.council.id } })).toBeNull();
  });
});
