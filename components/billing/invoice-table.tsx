import { formatPence } from "@/lib/billing/money";
import { INVOICE_STATUS_LABELS, type TInvoiceStatus } from "@/lib/billing/status";
import { billingDate, tagClass } from "./billing-format";

export interface TInvoiceRow {
  id: string;
  number: string | null;
  status: TInvoiceStatus;
  mode: "stripe" | "manual";
  subtotalPence: number;
  vatPence: number;
  totalPence: number;
  poNumber: string | null;
  description: string | null;
  issuedAt: Date | null;
  dueAt: Date | null;
  hostedInvoiceUrl: string | null;
  pdfUrl: string | null;
}

/** A council's invoices: number, status (overdue called out), amounts in pounds, due date and Stripe's links. */
export function InvoiceTable({ invoices, now = new Date() }: { invoices: TInvoiceRow[]; now?: Date }) {
  if (invoices.length === 0) return <p className="govuk-body">No invoices yet.</p>;
  return (
    <table className="govuk-table" data-testid="invoices-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Invoices</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Invoice</th>
          <th scope="col" className="govuk-table__header">Status</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Excluding VAT</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">VAT</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Total</th>
          <th scope="col" className="govuk-table__header">Due</th>
          <th scope="col" className="govuk-table__header">Documents</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {invoices.map((i) => {
          const overdue = i.status === "open" && i.dueAt !== null && i.dueAt < now;
          return (
            <tr className="govuk-table__row" key={i.id}>
              <th scope="row" className="govuk-table__header">
                {i.number ?? "Draft"}
                {i.description && <span className="govuk-body-s govuk-!-display-block govuk-!-margin-0">{i.description}</span>}
                {i.poNumber && <span className="govuk-body-s govuk-!-display-block govuk-!-margin-0">PO {i.poNumber}</span>}
              </th>
              <td className="govuk-table__cell">
                <strong className={tagClass(overdue ? "overdue" : i.status)}>{overdue ? "Overdue" : INVOICE_STATUS_LABELS[i.status]}</strong>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(i.subtotalPence)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(i.vatPence)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(i.totalPence)}</td>
              <td className="govuk-table__cell lspi-nowrap">{i.dueAt ? billingDate.format(i.dueAt) : "—"}</td>
              <td className="govuk-table__cell">
                {i.hostedInvoiceUrl || i.pdfUrl ? (
                  <>
                    {i.hostedInvoiceUrl && (
                      <a className="govuk-link govuk-!-display-block" href={i.hostedInvoiceUrl} rel="noreferrer noopener" target="_blank">
                        View and pay<span className="govuk-visually-hidden"> invoice {i.number} (opens in new tab)</span>
                      </a>
                    )}
                    {i.pdfUrl && (
                      <a className="govuk-link" href={i.pdfUrl} rel="noreferrer noopener">
                        PDF<span className="govuk-visually-hidden"> of invoice {i.number}</span>
                      </a>
                    )}
                  </>
                ) : (
                  <span className="govuk-body-s">{i.mode === "manual" ? "Sent by Local SPI by email" : "—"}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
