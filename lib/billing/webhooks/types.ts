import type Stripe from "stripe";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What handling an event did: changed state, nothing to do (unknown type or object), or too old to apply. */
export type TOutcome = "applied" | "ignored" | "stale";

/** One handler per event type: it gets the transaction, the event and the event's time. */
export type THandler = (tx: Prisma.TransactionClient, event: Stripe.Event, at: Date) => Promise<TOutcome>;
