import "server-only";
import Stripe from "stripe";
import { getEnv } from "@/lib/env";

export type TBillingMode = "stripe" | "manual";

/** "stripe" when STRIPE_SECRET_KEY is set, otherwise "manual" (the operator issues and marks invoices). */
export function billingMode(): TBillingMode {
  return getEnv().STRIPE_SECRET_KEY ? "stripe" : "manual";
}

let cached: { key: string; client: Stripe } | undefined;

/**
 * The Stripe client, or null in manual mode. STRIPE_API_HOST/PORT/PROTOCOL point it at a local
 * fake for tests and development. The key never leaves the server and is never logged.
 */
export function getStripe(): Stripe | null {
  const env = getEnv();
  const key = env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const id = `${key}|${env.STRIPE_API_HOST ?? ""}|${env.STRIPE_API_PORT ?? ""}`;
  if (cached?.key !== id) cached = { key: id, client: createStripe(key, env) };
  return cached.client;
}

/** A Stripe client for a key and optional host override (exported for tests). */
export function createStripe(key: string, o: { STRIPE_API_HOST?: string; STRIPE_API_PORT?: number; STRIPE_API_PROTOCOL?: "http" | "https" } = {}): Stripe {
  return new Stripe(key, {
    maxNetworkRetries: 1,
    telemetry: false,
    appInfo: { name: "Local SPI" },
    ...(o.STRIPE_API_HOST ? { host: o.STRIPE_API_HOST } : {}),
    ...(o.STRIPE_API_PORT ? { port: o.STRIPE_API_PORT } : {}),
    ...(o.STRIPE_API_PROTOCOL ? { protocol: o.STRIPE_API_PROTOCOL } : {}),
  });
}

/**
 * Verify a webhook's signature over the RAW body and parse it. Throws on a bad signature.
 * Signature checking is offline: no API key is needed, so a placeholder client does it.
 */
export function constructWebhookEvent(rawBody: string, signature: string, secret: string): Stripe.Event {
  const client = getStripe() ?? new Stripe("sk_test_webhook_verification_only", { telemetry: false });
  return client.webhooks.constructEvent(rawBody, signature, secret);
}
