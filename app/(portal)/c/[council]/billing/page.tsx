import type { Metadata } from "next";
import Link from "next/link";
import { billingDate, QUOTE_STATUS_LABELS, tagClass } from "@/components/billing/billing-format";
import { InvoiceTable } from "@/components/billing/invoice-table";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { renewalDue } from "@/lib/billing/entitlement-rules";
import { getEntitlementState } from "@/lib/billing/entitlements";
import { findInvoices } from "@/lib/billing/invoices";
import { formatPence } from "@/lib/billing/money";
import { TERM_LABELS, TIER_LABELS, TIERS } from "@/lib/billing/pricing";
import { findQuotes, isExpired } from "@/lib/billing/quotes";
import { SUBSCRIPTION_STATUS_LABELS } from "@/lib/billing/status";
import { billingMode } from "@/lib/billing/stripe-client";
import { getSubscription, previewPlanChange } from "@/lib/billing/subscriptions";
import { CouncilNav } from "../council-nav";
import { CancelForm, ChangePlanForm, RequestQuoteForm } from "./billing-forms";

type TProps = { params: Promise<{ council: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "billing:read", (ctx) => ({ title: `Billing – ${ctx.council.name}` }));
}

export default async function BillingPage({ params }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(council, "billing:read", `/c/${council}/billing`);
  const manage = !ctx.viaOperator && can(ctx.roles, "billing:manage");
  const [sub, quotes, invoices, state] = await Promise.all([getSubscription(ctx.db), findQuotes(ctx.db), findInvoices(ctx.db), getEntitlementState(ctx.db, ctx.council.id)]);
  const now = new Date();
  const paid = sub && sub.status !== "pilot" && sub.status !== "canceled";
  const otherTier = sub ? TIERS.find((t) => t !== sub.plan.tier)! : null;
  const preview = paid && otherTier ? await previewPlanChange({ ...ctx, requestId: "preview" }, otherTier).catch(() => null) : null;
  const mode = billingMode();
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="billing" />
      <h1 className="govuk-heading-xl">Billing</h1>
      <p className="govuk-inset-text" data-testid="billing-mode">
        {mode === "stripe"
          ? "Invoices are issued and collected through Stripe: each one has a page where it can be viewed, downloaded as a PDF and paid."
          : "Manual invoicing mode: Local SPI issues invoices by email and records payments by hand. Card and online payment are not set up on this service."}
      </p>
      {sub && renewalDue(sub.currentPeriodEnd, now) && sub.status !== "canceled" && (
        <div className="govuk-warning-text" data-testid="renewal-notice">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {sub.status === "pilot"
              ? `Your pilot ends on ${billingDate.format(sub.currentPeriodEnd)}. Request a quote to keep publishing.`
              : sub.cancelAtPeriodEnd
                ? `Your subscription ends on ${billingDate.format(sub.currentPeriodEnd)} and will not renew.`
                : `Your subscription renews on ${billingDate.format(sub.currentPeriodEnd)}. Check the purchase order covers the next period.`}
          </strong>
        </div>
      )}
      <h2 className="govuk-heading-l">Your plan</h2>
      <dl className="govuk-summary-list" data-testid="subscription-summary">
        {[
          ["Status", sub ? SUBSCRIPTION_STATUS_LABELS[state.state === "past_due" ? "past_due" : sub.status] : state.publishing ? "Pilot (no subscription yet)" : "No subscription"],
          ["Plan", sub ? (sub.status === "pilot" ? `Pilot (${sub.plan.name} features)` : sub.plan.name) : "—"],
          ["Price", sub && sub.status !== "pilot" ? `${formatPence(sub.pricePence)} ${sub.term === "annual" ? "a year" : "a quarter"} excluding VAT (${TERM_LABELS[sub.term].toLowerCase()} billing)` : "Free during the pilot"],
          [sub?.status === "pilot" ? "Pilot ends" : "Current period ends", sub ? billingDate.format(sub.currentPeriodEnd) : state.until ? billingDate.format(state.until) : "—"],
          ["Purchase order", sub?.poNumber ?? "—"],
          ["Can publish new releases", state.publishing ? "Yes" : `No: ${state.reason}`],
        ].map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value" data-testid={`sub-${k.toLowerCase().replace(/\W+/g, "-")}`}>
              {k === "Status" ? <strong className={tagClass(state.state === "past_due" ? "past_due" : (sub?.status ?? "pilot"))}>{v}</strong> : v}
            </dd>
          </div>
        ))}
      </dl>
      {paid && preview && otherTier && (
        <>
          <h3 className="govuk-heading-m">Change to {TIER_LABELS[otherTier]}</h3>
          <p className="govuk-body" data-testid="proration">
            {preview.planName} costs {formatPence(preview.newPricePence)} a {sub.term === "annual" ? "year" : "quarter"} excluding VAT. Changing today
            credits {formatPence(-preview.proration.creditPence)} for the unused part of this period and charges {formatPence(preview.proration.chargePence)} for
            the rest of it on the new plan: {preview.proration.netPence >= 0 ? "an extra" : "a credit of"} {formatPence(Math.abs(preview.proration.netPence))}{" "}
            excluding VAT ({formatPence(Math.abs(preview.proration.totalPence))} including VAT) on the next invoice.
          </p>
          {manage && <ChangePlanForm council={ctx.council.slug} tier={otherTier} label={`Change to ${TIER_LABELS[otherTier]} now`} />}
        </>
      )}
      {paid && manage && !sub.cancelAtPeriodEnd && (
        <>
          <h3 className="govuk-heading-m">Cancel</h3>
          <p className="govuk-body">The subscription stays in force until the end of the period already invoiced; nothing is refunded.</p>
          <CancelForm council={ctx.council.slug} endsOn={billingDate.format(sub.currentPeriodEnd)} />
        </>
      )}
      <h2 className="govuk-heading-l">Quotes</h2>
      {quotes.length === 0 ? (
        <p className="govuk-body">No quotes yet.</p>
      ) : (
        <table className="govuk-table" data-testid="quotes-table">
          <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Quotes</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Reference</th>
              <th scope="col" className="govuk-table__header">Plan</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Price excluding VAT</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Valid until</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {quotes.map((q) => {
              const status = isExpired(q, now) ? "expired" : q.status;
              return (
                <tr className="govuk-table__row" key={q.id}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" href={`/c/${ctx.council.slug}/billing/quotes/${q.id}`}>
                      {q.reference}
                    </Link>
                  </th>
                  <td className="govuk-table__cell">{q.plan.name}, {TERM_LABELS[q.term].toLowerCase()}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(q.pricePence)}</td>
                  <td className="govuk-table__cell"><strong className={tagClass(status)}>{QUOTE_STATUS_LABELS[status]}</strong></td>
                  <td className="govuk-table__cell lspi-nowrap">{billingDate.format(q.validUntil)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-l">Invoices</h2>
      <InvoiceTable invoices={invoices} now={now} />
      {manage && (
        <>
          <h2 className="govuk-heading-l">Request a quote</h2>
          <p className="govuk-body">
            Prices depend on your council&apos;s number of wards and the tier: see <Link className="govuk-link" href="/pricing">pricing</Link>. Local SPI
            reviews each quote; once approved you can accept it here with a purchase-order number.
          </p>
          <RequestQuoteForm council={ctx.council.slug} tiers={TIERS.map((t) => [t, TIER_LABELS[t]])} />
        </>
      )}
    </>
  );
}
