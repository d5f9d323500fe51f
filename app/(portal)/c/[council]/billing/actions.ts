"use server";

import { z } from "zod";
import { councilAction } from "@/lib/actions/define";
import { acceptQuote } from "@/lib/billing/accept-quote";
import { requestQuote } from "@/lib/billing/quotes";
import { ZAcceptQuote, ZChangePlan, ZQuoteRequest } from "@/lib/billing/schemas";
import { cancelAtPeriodEnd, changePlan } from "@/lib/billing/subscriptions";

const REVALIDATE = ["/c/:council/billing", "/c/:council/audit"];

export const requestQuoteAction = councilAction({
  name: "billing.requestQuote",
  permission: "billing:manage",
  input: ZQuoteRequest,
  handler: (ctx, input) => requestQuote(ctx, input),
  revalidate: REVALIDATE,
});

export const acceptQuoteAction = councilAction({
  name: "billing.acceptQuote",
  permission: "billing:manage",
  input: ZAcceptQuote,
  handler: (ctx, input) => acceptQuote(ctx, input),
  revalidate: REVALIDATE, // the quote page itself is refreshed by the action (it is the current route)
});

export const changePlanAction = councilAction({
  name: "billing.changePlan",
  permission: "billing:manage",
  input: ZChangePlan,
  handler: (ctx, input) => changePlan(ctx, input.tier),
  revalidate: REVALIDATE,
});

export const cancelSubscriptionAction = councilAction({
  name: "billing.cancelAtPeriodEnd",
  permission: "billing:manage",
  input: z.object({ confirm: z.literal("yes", { message: "Confirm that the subscription should end at the end of this period" }) }),
  handler: (ctx) => cancelAtPeriodEnd(ctx),
  revalidate: REVALIDATE,
});
