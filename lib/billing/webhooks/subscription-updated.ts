import type Stripe from "stripe";
import { applySubscription } from "./apply-subscription";
import type { THandler } from "./types";

/** customer.subscription.updated: status, period and cancel-at-period-end changes. */
export const handleSubscriptionUpdated: THandler = (tx, event, at) => applySubscription(tx, event.data.object as Stripe.Subscription, at);
