import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { testDatabaseUrl, uniqueId } from "@/tests/support/db";
import { createCouncil } from "@/tests/support/fixtures";

/**
 * The Stripe webhook route against the real database: signature checked on the raw body,
 * replays idempotent, out-of-order events unable to move state backwards, unknown events ignored.
 */
const SECRET = `whsec_${randomBytes(12).toString("hex")}`;
const stripe = new Stripe("sk_test_unused", { telemetry: false });
let POST: (req: Request) => Promise<Response>;
let prisma: PrismaClient;
let councilId: string;
let subId: string;
const stripeSubId = `sub_${uniqueId()}`;
const customerId = `cus_${uniqueId()}`;
const T0 = 1_790_000_000; // seconds

function signed(event: object, secret = SECRET): Request {
  const payload = JSON.stringify(event);
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
  return new Request("http://localhost/api/stripe/webhook", { method: "POST", body: payload, headers: { "stripe-signature": header, "content-type": "application/json" } });
}

const event = (type: string, created: number, object: object, id = `evt_${uniqueId()}`) => ({ id, object: "event", type, created, api_version: "2026-10-28.endive", livemode: false, pending_webhooks: 0, request: null, data: { object } });

const invoice = (id: string, status: string, over: object = {}) => ({
  id,
  object: "invoice",
  customer: customerId,
  parent: { type: "subscription_details", subscription_details: { subscription: stripeSubId } },
  number: `INV-${id.slice(-4)}`,
  status,
  subtotal: 960_000,
  total_excluding_tax: 960_000,
  total: 1_152_000,
  amount_paid: status === "paid" ? 1_152_000 : 0,
  currency: "gbp",
  due_date: T0 + 30 * 86_400,
  period_start: T0,
  period_end: T0,
  custom_fields: [{ name: "PO number", value: "PO-778" }],
  hosted_invoice_url: `https://invoice.stripe.test/${id}`,
  invoice_pdf: `https://invoice.stripe.test/${id}.pdf`,
  status_transitions: { finalized_at: T0, paid_at: status === "paid" ? T0 + 100 : null },
  ...over,
});

const subscription = (status: string, over: object = {}) => ({
  id: stripeSubId,
  object: "subscription",
  status,
  customer: customerId,
  created: T0,
  start_date: T0,
  cancel_at_period_end: false,
  canceled_at: null,
  metadata: { councilId },
  items: { object: "list", data: [{ id: "si_1", object: "subscription_item", current_period_start: T0, current_period_end: T0 + 365 * 86_400 }] },
  ...over,
});

async function snapshot() {
  return {
    sub: await prisma.subscription.findUniqueOrThrow({ where: { id: subId } }),
    invoices: await prisma.invoice.findMany({ where: { councilId }, orderBy: { id: "asc" } }),
    events: await prisma.stripeEvent.count(),
    audit: await prisma.auditEvent.count({ where: { councilId } }),
  };
}

beforeAll(async () => {
  const url = await testDatabaseUrl();
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= randomBytes(33).toString("base64url");
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  const { resetEnvForTests } = await import("@/lib/env");
  resetEnvForTests();
  const { createPrismaClient } = await import("@/lib/db/create-client");
  const { seedPlans } = await import("@/lib/billing/plans");
  prisma = createPrismaClient(url, { max: 2 });
  await seedPlans(prisma);
  const council = await createCouncil(prisma, "webhooks");
  councilId = council.id;
  const plan = await prisma.plan.findUniqueOrThrow({ where: { code: "standard-s" } });
  const sub = await prisma.subscription.create({
    data: { councilId, planId: plan.id, term: "annual", status: "active", mode: "stripe", pricePence: 960_000, currentPeriodStart: new Date(T0 * 1000), currentPeriodEnd: new Date((T0 + 365 * 86_400) * 1000), stripeCustomerId: customerId, stripeSubscriptionId: stripeSubId, stripeStateAt: new Date(T0 * 1000) },
  });
  subId = sub.id;
  ({ POST } = await import("@/app/api/stripe/webhook/route"));
});

afterAll(async () => {
  delete process.env.STRIPE_WEBHOOK_SECRET;
  await prisma?.$disconnect();
});

describe("Stripe webhook", () => {
  const invId = `in_${uniqueId()}`;

  it("invoice.finalized creates the council's invoice with amounts, PO number, due date and Stripe's links", async () => {
    const res = await POST(signed(event("invoice.finalized", T0 + 10, invoice(invId, "open"))));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: "applied" });
    const row = await prisma.invoice.findUniqueOrThrow({ where: { stripeInvoiceId: invId } });
    expect(row).toMatchObject({ councilId, subscriptionId: subId, status: "open", mode: "stripe", subtotalPence: 960_000, vatPence: 192_000, totalPence: 1_152_000, poNumber: "PO-778", hostedInvoiceUrl: `https://invoice.stripe.test/${invId}` });
    expect(row.dueAt?.getTime()).toBe((T0 + 30 * 86_400) * 1000);
  });

  it("a bad or missing signature is 400 and changes nothing", async () => {
    const before = await snapshot();
    const evt = event("invoice.paid", T0 + 20, invoice(invId, "paid"));
    expect((await POST(signed(evt, "whsec_wrongsecret"))).status).toBe(400);
    const tampered = signed(evt);
    const body = (await tampered.text()).replace('"paid"', '"void"');
    expect((await POST(new Request(tampered.url, { method: "POST", body, headers: tampered.headers }))).status).toBe(400);
    expect((await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: JSON.stringify(evt) }))).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("a replayed event changes nothing", async () => {
    const evt = event("invoice.paid", T0 + 30, invoice(invId, "paid"));
    expect(await (await POST(signed(evt))).json()).toMatchObject({ outcome: "applied" });
    const after = await snapshot();
    expect(after.invoices.find((i) => i.stripeInvoiceId === invId)?.status).toBe("paid");
    const replay = await POST(signed(evt));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ outcome: "duplicate" });
    expect(await snapshot()).toEqual(after);
  });

  it("an older event cannot move an invoice or subscription backwards", async () => {
    const stale = await POST(signed(event("invoice.finalized", T0 + 15, invoice(invId, "open"))));
    expect(await stale.json()).toMatchObject({ outcome: "stale" });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { stripeInvoiceId: invId } })).status).toBe("paid");
    // a newer event that would move paid back to open is refused by the status order too
    expect(await (await POST(signed(event("invoice.finalized", T0 + 500, invoice(invId, "open"))))).json()).toMatchObject({ outcome: "stale" });

    expect(await (await POST(signed(event("customer.subscription.updated", T0 + 300, subscription("past_due"))))).json()).toMatchObject({ outcome: "applied" });
    expect(await (await POST(signed(event("customer.subscription.updated", T0 + 200, subscription("active"))))).json()).toMatchObject({ outcome: "stale" });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: subId } })).status).toBe("past_due");
  });

  it("invoice.overdue makes the subscription past due, invoice.paid brings it back", async () => {
    await POST(signed(event("customer.subscription.updated", T0 + 400, subscription("active"))));
    const late = `in_${uniqueId()}`;
    await POST(signed(event("invoice.finalized", T0 + 410, invoice(late, "open", { due_date: T0 + 420 }))));
    expect(await (await POST(signed(event("invoice.overdue", T0 + 430, invoice(late, "open", { due_date: T0 + 420 }))))).json()).toMatchObject({ outcome: "applied" });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: subId } })).status).toBe("past_due");
    await POST(signed(event("invoice.paid", T0 + 440, invoice(late, "paid", { due_date: T0 + 420 }))));
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: subId } })).status).toBe("active");
  });

  it("a deleted subscription stays cancelled whatever arrives later", async () => {
    expect(await (await POST(signed(event("customer.subscription.deleted", T0 + 600, subscription("canceled", { canceled_at: T0 + 600 }))))).json()).toMatchObject({ outcome: "applied" });
    expect(await (await POST(signed(event("customer.subscription.updated", T0 + 700, subscription("active"))))).json()).toMatchObject({ outcome: "stale" });
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: subId } })).status).toBe("canceled");
  });

  it("unknown event types, and events for objects we do not know, are acknowledged and change nothing", async () => {
    const before = await snapshot();
    const res = await POST(signed(event("charge.refunded", T0 + 800, { id: "ch_1", object: "charge" })));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "ignored" });
    const stranger = await POST(signed(event("invoice.finalized", T0 + 800, { ...invoice(`in_${uniqueId()}`, "open"), customer: "cus_other", parent: null })));
    expect(await stranger.json()).toMatchObject({ outcome: "ignored" });
    const after = await snapshot();
    expect({ ...after, events: before.events }).toEqual(before);
    expect(after.events).toBe(before.events + 2);
  });
});
