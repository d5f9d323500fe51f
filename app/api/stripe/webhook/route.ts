import { prisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { constructWebhookEvent } from "@/lib/billing/stripe-client";
import { handleStripeEvent } from "@/lib/billing/webhooks";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * Stripe webhook endpoint. The signature is verified over the RAW body (req.text(), never
 * re-serialised JSON); a bad or missing signature is 400 and changes nothing. Each event is
 * handled once (see handleStripeEvent); unknown types are acknowledged with 200.
 */
export async function POST(req: Request): Promise<Response> {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: "Stripe webhooks are not configured (manual invoicing mode)" }, { status: 404 });
  const raw = await req.text();
  const signature = req.headers.get("stripe-signature");
  if (!signature) return Response.json({ error: "Missing Stripe-Signature header" }, { status: 400 });
  let event;
  try {
    event = constructWebhookEvent(raw, signature, secret);
  } catch {
    log.warn("stripe webhook: signature verification failed");
    return Response.json({ error: "Invalid signature" }, { status: 400 });
  }
  try {
    const outcome = await handleStripeEvent(prisma, event);
    return Response.json({ received: true, outcome });
  } catch (e) {
    log.error("stripe webhook: handler failed", { eventId: event.id, type: event.type, error: e });
    return Response.json({ error: "Handler failed; Stripe will retry" }, { status: 500 });
  }
}
