import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small Stripe-compatible HTTP server for tests: only the endpoints Local SPI calls
 * (customers, tax_rates, products, subscriptions create/retrieve/update, invoices list/retrieve),
 * form-encoded bodies as the real SDK sends them, Idempotency-Key replay, and Stripe's error
 * shape for unknown ids and paths. Every request is recorded for assertions.
 */
export interface TFakeRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  idempotencyKey?: string;
  authorization?: string;
}

export interface TFakeStripe {
  port: number;
  requests: TFakeRequest[];
  objects: Map<string, Record<string, unknown>>;
  /** put an invoice in the fake's store (as Stripe would have created it) */
  addInvoice(inv: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** `items[0][price_data][unit_amount]=5` → { items: [{ price_data: { unit_amount: "5" } }] } */
export function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.split(/[[\]]+/).filter(Boolean);
    let node: Record<string, unknown> | unknown[] = out;
    parts.forEach((p, i) => {
      const last = i === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
      const k = /^\d+$/.test(p) && Array.isArray(node) ? Number(p) : p;
      const container = node as Record<string | number, unknown>;
      if (last) container[k] = value;
      else {
        container[k] ??= nextIsIndex ? [] : {};
        node = container[k] as Record<string, unknown>;
      }
    });
  }
  return out;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = "";
    req.on("data", (c) => (s += c));
    req.on("end", () => resolve(s));
  });

let counter = 0;
const newId = (prefix: string) => `${prefix}_fake${Date.now().toString(36)}${(++counter).toString(36)}`;
const nowS = () => Math.floor(Date.now() / 1000);

function subscriptionFrom(body: Record<string, unknown>): Record<string, unknown> {
  const item = (body.items as Array<Record<string, unknown>>)[0];
  const pd = item.price_data as { product: string; unit_amount: string; currency: string; recurring: { interval: string; interval_count?: string } };
  const start = nowS();
  const months = pd.recurring.interval === "year" ? 12 : Number(pd.recurring.interval_count ?? 1);
  const end = new Date(start * 1000);
  end.setUTCMonth(end.getUTCMonth() + months);
  const id = newId("sub");
  return {
    id,
    object: "subscription",
    status: "active",
    created: start,
    start_date: start,
    customer: body.customer,
    collection_method: body.collection_method,
    days_until_due: Number(body.days_until_due),
    cancel_at_period_end: false,
    canceled_at: null,
    metadata: body.metadata ?? {},
    default_tax_rates: body.default_tax_rates,
    items: {
      object: "list",
      data: [
        {
          id: newId("si"),
          object: "subscription_item",
          current_period_start: start,
          current_period_end: Math.floor(end.getTime() / 1000),
          price: { id: newId("price"), object: "price", product: pd.product, unit_amount: Number(pd.unit_amount), currency: pd.currency, recurring: pd.recurring },
        },
      ],
    },
  };
}

/** Start the fake on a free port of 127.0.0.1. */
export async function startFakeStripe(): Promise<TFakeStripe> {
  const requests: TFakeRequest[] = [];
  const objects = new Map<string, Record<string, unknown>>();
  const idem = new Map<string, Record<string, unknown>>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const text = await read(req);
    const body = req.method === "GET" ? parseForm(url.search.slice(1)) : parseForm(text);
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? undefined;
    requests.push({ method: req.method ?? "", path: url.pathname, body, idempotencyKey, authorization: req.headers.authorization });
    const send = (status: number, obj: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": newId("req") });
      res.end(JSON.stringify(obj));
    };
    const missing = (what: string) => send(404, { error: { type: "invalid_request_error", message: `No such ${what}` } });
    const create = (prefix: string, object: string, make: () => Record<string, unknown>) => {
      const key = idempotencyKey ? `${url.pathname}:${idempotencyKey}` : null;
      if (key && idem.has(key)) return send(200, idem.get(key));
      const o = { id: newId(prefix), object, created: nowS(), ...make() };
      objects.set(o.id as string, o);
      if (key) idem.set(key, o);
      send(200, o);
    };
    const m = /^\/v1\/(customers|tax_rates|products|subscriptions|invoices)(?:\/([^/]+))?$/.exec(url.pathname);
    if (!m) return send(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname})` } });
    const [, resource, id] = m;
    if (id) {
      const o = objects.get(id);
      if (!o) return missing(resource.replace(/s$/, ""));
      if (req.method === "POST" && resource === "subscriptions") {
        if (body.cancel_at_period_end !== undefined) o.cancel_at_period_end = body.cancel_at_period_end === "true";
        const items = body.items as Array<Record<string, unknown>> | undefined;
        if (items) {
          const pd = items[0].price_data as { unit_amount: string; product: string };
          const item = (o.items as { data: Array<Record<string, unknown>> }).data[0];
          item.price = { ...(item.price as object), id: newId("price"), unit_amount: Number(pd.unit_amount), product: pd.product };
        }
      }
      return send(200, o);
    }
    if (req.method === "GET" && resource === "invoices") {
      const data = [...objects.values()].filter((o) => o.object === "invoice" && (!body.customer || o.customer === body.customer));
      return send(200, { object: "list", data, has_more: false, url: "/v1/invoices" });
    }
    if (req.method !== "POST") return send(405, { error: { type: "invalid_request_error", message: "Method not allowed" } });
    if (resource === "customers") return create("cus", "customer", () => ({ ...body }));
    if (resource === "tax_rates") return create("txr", "tax_rate", () => ({ ...body, percentage: Number(body.percentage), inclusive: body.inclusive === "true", active: true }));
    if (resource === "products") return create("prod", "product", () => ({ ...body, active: true }));
    if (resource === "subscriptions") {
      const key = idempotencyKey ? `${url.pathname}:${idempotencyKey}` : null;
      if (key && idem.has(key)) return send(200, idem.get(key));
      const s = subscriptionFrom(body);
      objects.set(s.id as string, s);
      if (key) idem.set(key, s);
      return send(200, s);
    }
    send(404, { error: { type: "invalid_request_error", message: "Unsupported in the fake" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    objects,
    addInvoice: (inv) => void objects.set(inv.id as string, { object: "invoice", ...inv }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
