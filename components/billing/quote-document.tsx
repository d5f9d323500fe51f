import { formatPence, VAT_RATE_LABEL } from "@/lib/billing/money";
import { TERM_LABELS, type TTerm } from "@/lib/billing/pricing";
import { billingDate, QUOTE_STATUS_LABELS, tagClass } from "./billing-format";

export interface TQuoteDoc {
  reference: string;
  status: string;
  createdAt: Date;
  validUntil: Date;
  term: TTerm;
  wards: number;
  listPricePence: number;
  pricePence: number;
  vatPence: number;
  totalPence: number;
  adjustmentReason: string | null;
  billingName: string;
  billingEmail: string;
  billingAddress: string;
  billingPostcode: string;
  vatNumber: string | null;
  poRequired: boolean;
  poNumber: string | null;
  plan: { name: string };
}

/** Hides the site's chrome and forms when the quote is printed. Hoisted into <head> by React. */
const PRINT_CSS = `@media print {
  .lspi-header, .govuk-phase-banner, .lspi-council-nav, .govuk-footer, .lspi-no-print, .govuk-notification-banner, .govuk-skip-link { display: none !important; }
  .govuk-main-wrapper { padding: 0 !important; }
  .lspi-quote { font-size: 12pt; }
  a[href]::after { content: none !important; }
}`;

/** The quote as a document: reference, dates, parties, the priced line, VAT and total. Prints cleanly. */
export function QuoteDocument({ q, councilName }: { q: TQuoteDoc; councilName: string }) {
  const per = q.term === "annual" ? "year" : "quarter";
  return (
    <article className="lspi-quote" data-testid="quote-document">
      <style href="lspi-quote-print" precedence="default">
        {PRINT_CSS}
      </style>
      <span className="govuk-caption-l">Quotation</span>
      <h1 className="govuk-heading-xl">Quote {q.reference}</h1>
      <p className="govuk-body">
        <strong className={tagClass(q.status)} data-testid="quote-status">
          {QUOTE_STATUS_LABELS[q.status] ?? q.status}
        </strong>
      </p>
      <dl className="govuk-summary-list">
        {[
          ["Reference", q.reference],
          ["Date", billingDate.format(q.createdAt)],
          ["Valid until", billingDate.format(q.validUntil)],
          ["Supplier", "Local SPI, billing@localspi.example"],
          ["Customer", councilName],
          ["Billing contact", `${q.billingName}, ${q.billingEmail}`],
          ["Billing address", `${q.billingAddress}\n${q.billingPostcode}`],
          ["Customer VAT number", q.vatNumber ?? "Not given"],
          ["Purchase order", q.poNumber ?? (q.poRequired ? "Required on acceptance" : "Not required")],
        ].map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value" style={{ whiteSpace: "pre-line" }}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Price</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Item</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Amount</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {q.plan.name} ({q.wards} wards), {TERM_LABELS[q.term].toLowerCase()} billing, per {per}, excluding VAT
              {q.pricePence !== q.listPricePence && (
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-0">
                  List price {formatPence(q.listPricePence)}; adjusted: {q.adjustmentReason}
                </span>
              )}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric" data-testid="quote-net">{formatPence(q.pricePence)}</td>
          </tr>
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">VAT at {VAT_RATE_LABEL}</th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(q.vatPence)}</td>
          </tr>
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">Total per {per}, including VAT</th>
            <td className="govuk-table__cell govuk-table__cell--numeric" data-testid="quote-total">
              <strong>{formatPence(q.totalPence)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="govuk-body-s">
        Invoices are issued at the start of each billing period and are due within 30 days. VAT is charged at the standard rate and rounded to the
        nearest penny on each invoice. Prices are in pounds sterling.
      </p>
    </article>
  );
}
