import type Stripe from "stripe";
import { applySubscription } from "./apply-subscription";
import type { THandler } from "./types";

/** customer.subscription.created: links and confirms the subscription created on acceptance. */
export const handleSubscriptionCreated: THandler = (tx, event, at) => applySubscription(tx, event.data.object as Stripe.Subscription, at);
