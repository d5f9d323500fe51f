import type { Metadata } from "next";
import Link from "next/link";
import { billingDate, QUOTE_STATUS_LABELS, tagClass } from "@/components/billing/billing-format";
import { RevenueChart } from "@/components/billing/revenue-chart";
import { operatorMetadata, operatorPage } from "@/lib/auth/page-guards";
import { evaluateEntitlement } from "@/lib/billing/entitlement-rules";
import { findOutstandingInvoices, revenueByMonth } from "@/lib/billing/invoices";
import { formatPence } from "@/lib/billing/money";
import { findCouncilSubscriptions, findQuotesForOperator } from "@/lib/billing/operator";
import { TERM_LABELS } from "@/lib/billing/pricing";
import { INVOICE_STATUS_LABELS, SUBSCRIPTION_STATUS_LABELS } from "@/lib/billing/status";
import { billingMode } from "@/lib/billing/stripe-client";
import { IssueInvoiceButton, MarkInvoiceButtons, ReviewQuoteForm } from "./operator-forms";

export function generateMetadata(): Promise<Metadata> {
  return operatorMetadata({ title: "Billing – operator console" }, "/operator/billing");
}

const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

export default async function OperatorBillingPage() {
  await operatorPage("/operator/billing");
  const [quotes, councils, outstanding, revenue] = await Promise.all([findQuotesForOperator(), findCouncilSubscriptions(), findOutstandingInvoices(), revenueByMonth(12)]);
  const mode = billingMode();
  const now = new Date();
  const toReview = quotes.filter((q) => q.status === "requested");
  return (
    <>
      <span className="govuk-caption-l">Platform operator</span>
      <h1 className="govuk-heading-xl">Billing</h1>
      <p className="govuk-inset-text" data-testid="billing-mode">
        {mode === "stripe" ? "Stripe mode: invoices are issued and collected by Stripe and arrive here through its webhooks." : "Manual invoicing mode (no Stripe keys): issue invoices and record payments here."}{" "}
        <Link className="govuk-link" href="/operator/billing/plans">Edit plans and prices</Link>
      </p>
      <h2 className="govuk-heading-l">Quotes to review</h2>
      {toReview.length === 0 && <p className="govuk-body">No quotes are waiting for review.</p>}
      {toReview.map((q) => (
        <section key={q.id} className="govuk-!-margin-bottom-6" aria-labelledby={`h-${q.id}`}>
          <h3 className="govuk-heading-m" id={`h-${q.id}`}>
            {q.reference}: {q.council.name}
          </h3>
          <p className="govuk-body">
            {q.plan.name}, {TERM_LABELS[q.term].toLowerCase()} billing, {q.wards} wards: list price {formatPence(q.listPricePence)} excluding VAT. Billing contact{" "}
            {q.billingName} ({q.billingEmail}); purchase order {q.poRequired ? "required" : "not required"}.
          </p>
          <ReviewQuoteForm quoteId={q.id} reference={q.reference} listPrice={formatPence(q.listPricePence)} />
        </section>
      ))}
      <h2 className="govuk-heading-l">Councils</h2>
      <table className="govuk-table" data-testid="subscriptions-table">
        <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Councils and their subscriptions</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Council</th>
            <th scope="col" className="govuk-table__header">Plan</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">Period ends</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {councils.map((c) => {
            const s = c.subscription;
            const state = evaluateEntitlement({ subscription: s ? { status: s.status, tier: s.plan.tier, currentPeriodEnd: s.currentPeriodEnd, cancelAtPeriodEnd: s.cancelAtPeriodEnd } : null, councilCreatedAt: c.createdAt, overdueInvoices: 0, now });
            return (
              <tr className="govuk-table__row" key={c.id}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" href={`/c/${c.slug}/billing`}>{c.name}</Link>
                </th>
                <td className="govuk-table__cell">{s ? `${s.plan.name} (${s.mode})` : "None"}</td>
                <td className="govuk-table__cell">
                  <strong className={tagClass(s?.status ?? state.state)}>{s ? SUBSCRIPTION_STATUS_LABELS[s.status] : state.publishing ? "Implicit pilot" : "None"}</strong>
                  {s?.cancelAtPeriodEnd && <span className="govuk-body-s govuk-!-display-block">Ends at period end</span>}
                </td>
                <td className="govuk-table__cell lspi-nowrap">{s ? billingDate.format(s.currentPeriodEnd) : "—"}</td>
                <td className="govuk-table__cell">
                  {s && s.mode === "manual" && (s.status === "active" || s.status === "past_due") && <IssueInvoiceButton subscriptionId={s.id} label={`Issue invoice to ${c.name}`} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 className="govuk-heading-l">Invoices outstanding</h2>
      {outstanding.length === 0 ? (
        <p className="govuk-body">Nothing outstanding.</p>
      ) : (
        <table className="govuk-table" data-testid="outstanding-table">
          <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Invoices outstanding</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Invoice</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Total</th>
              <th scope="col" className="govuk-table__header">Due</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {outstanding.map((i) => (
              <tr className="govuk-table__row" key={i.id} data-testid={`outstanding-${i.number ?? i.id}`}>
                <th scope="row" className="govuk-table__header">
                  {i.number ?? "Draft"} — {i.council.name}
                  {i.description && <span className="govuk-body-s govuk-!-display-block">{i.description}</span>}
                </th>
                <td className="govuk-table__cell"><strong className={tagClass(i.status)}>{INVOICE_STATUS_LABELS[i.status]}</strong></td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(i.totalPence)}</td>
                <td className="govuk-table__cell lspi-nowrap">{i.dueAt ? billingDate.format(i.dueAt) : "—"}</td>
                <td className="govuk-table__cell">
                  {i.mode === "manual" && i.status === "draft" && <IssueInvoiceButton invoiceId={i.id} label="Issue draft" />}
                  {i.mode === "manual" && i.status === "open" && <MarkInvoiceButtons invoiceId={i.id} number={i.number ?? ""} />}
                  {i.mode === "stripe" && <span className="govuk-body-s">Managed by Stripe</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-l">Revenue by month</h2>
      <p className="govuk-body">Invoices paid, excluding VAT, by the month they were paid. The table below gives the same figures.</p>
      <RevenueChart rows={revenue.map((r) => ({ month: monthLabel.format(new Date(`${r.month}-01T00:00:00Z`)), pounds: r.netPence / 100 }))} />
      <table className="govuk-table" data-testid="revenue-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Revenue by month, excluding VAT</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Month</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Invoices paid</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Revenue</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {revenue.map((r) => (
            <tr className="govuk-table__row" key={r.month}>
              <th scope="row" className="govuk-table__header">{monthLabel.format(new Date(`${r.month}-01T00:00:00Z`))}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.invoices}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(r.netPence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-l">Recent quotes</h2>
      <ul className="govuk-list">
        {quotes.filter((q) => q.status !== "requested").slice(0, 20).map((q) => (
          <li key={q.id}>
            {q.reference} — {q.council.name}: <strong className={tagClass(q.status)}>{QUOTE_STATUS_LABELS[q.status]}</strong> {formatPence(q.pricePence)}
            {q.adjustmentReason ? ` (${q.adjustmentReason})` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
