import type Stripe from "stripe";
import { applySubscription } from "./apply-subscription";
import type { THandler } from "./types";

/** customer.subscription.deleted: the subscription has ended (final: later events cannot revive it). */
export const handleSubscriptionDeleted: THandler = (tx, event, at) => applySubscription(tx, event.data.object as Stripe.Subscription, at, "canceled");
