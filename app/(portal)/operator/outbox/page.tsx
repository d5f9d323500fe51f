import type { Metadata } from "next";
import Link from "next/link";
import { TableHead } from "@/components/data-table/table-head";
import { Pagination } from "@/components/layout/pagination";
import { dateTime } from "@/components/releases/format";
import { operatorMetadata, operatorPage } from "@/lib/auth/page-guards";
import { prisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { describeSmtpUrl, listOutbox, MAX_ATTEMPTS, SENT_RETENTION_DAYS, type TOutboxFilter } from "@/lib/notifications/mailer";
import { RetryForm, SendNowForm } from "./outbox-forms";

export function generateMetadata(): Promise<Metadata> {
  return operatorMetadata({ title: "Email outbox – operator console" }, "/operator/outbox");
}

const FILTERS: Array<{ value: TOutboxFilter; label: string }> = [
  { value: "all", label: "All" },
  { value: "pending", label: "Waiting" },
  { value: "failed", label: "Failed" },
  { value: "sent", label: "Sent" },
];

const STATUS_TAG: Record<string, { label: string; tag: string }> = {
  pending: { label: "Waiting", tag: "govuk-tag--yellow" },
  sending: { label: "Sending", tag: "govuk-tag--blue" },
  sent: { label: "Sent", tag: "govuk-tag--green" },
  failed: { label: "Failed", tag: "govuk-tag--red" },
};

/** Every email the service has written: what it said, to whom, and whether it went. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  await operatorPage("/operator/outbox");
  const sp = await searchParams;
  const filter = (FILTERS.find((f) => f.value === sp.status)?.value ?? "all") as TOutboxFilter;
  const out = await listOutbox(prisma, { status: filter, page: Number(sp.page) || 1 });
  const env = getEnv();
  const waiting = out.counts.pending + out.counts.sending;
  const qs = (page: number) => `/operator/outbox?${new URLSearchParams({ ...(filter !== "all" ? { status: filter } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  const countOf = (f: TOutboxFilter) => (f === "all" ? out.counts.pending + out.counts.sending + out.counts.sent + out.counts.failed : f === "pending" ? waiting : out.counts[f]);
  return (
    <>
      <span className="govuk-caption-l">Platform operator</span>
      <h1 className="govuk-heading-xl">Email outbox</h1>
      {env.SMTP_URL ? (
        <div className="govuk-inset-text" data-testid="smtp-status">
          Emails are sent through <strong>{describeSmtpUrl(env.SMTP_URL)}</strong> from {env.SMTP_FROM}, within a minute of being written. A failed email is tried {MAX_ATTEMPTS} times
          over about three hours before it is marked failed. Sent emails are deleted after {SENT_RETENTION_DAYS} days.
        </div>
      ) : (
        <div className="govuk-warning-text" data-testid="smtp-status">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Email is not set up, so nothing is sent: emails wait here for you to read. People still see every notification when they sign in. To send email, set SMTP_URL and
            SMTP_FROM and restart the service.
          </strong>
        </div>
      )}
      <dl className="lspi-stat-row">
        {FILTERS.slice(1).map((f) => (
          <div key={f.value} className="lspi-stat">
            <dt className="govuk-body-s govuk-!-margin-bottom-0">{f.label}</dt>
            <dd className="lspi-stat__value" data-testid={`outbox-count-${f.value}`}>
              {countOf(f.value)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="govuk-button-group">
        {env.SMTP_URL && waiting > 0 && <SendNowForm />}
        {out.counts.failed > 0 && <RetryForm label={`Try all ${out.counts.failed} failed emails again`} />}
      </div>
      <nav aria-label="Which emails" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list lspi-inline-list">
          {FILTERS.map((f) => (
            <li key={f.value}>
              <Link className="govuk-link govuk-link--no-visited-state" href={f.value === "all" ? "/operator/outbox" : `/operator/outbox?status=${f.value}`} aria-current={f.value === filter ? "page" : undefined}>
                {f.value === filter ? <strong>{`${f.label} (${countOf(f.value)})`}</strong> : `${f.label} (${countOf(f.value)})`}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {out.emails.length === 0 ? (
        <p className="govuk-body" data-testid="outbox-empty">
          No emails here.
        </p>
      ) : (
        <table className="govuk-table" data-testid="outbox-table">
          <caption className="govuk-table__caption govuk-table__caption--m">
            {out.total} email{out.total === 1 ? "" : "s"}
            {filter === "all" ? "" : ` ${FILTERS.find((f) => f.value === filter)?.label.toLowerCase()}`}, newest first
          </caption>
          <TableHead columns={["Written", "To", "Email", "Status"]} />
          <tbody className="govuk-table__body">
            {out.emails.map((e) => {
              const s = STATUS_TAG[e.status];
              return (
                <tr className="govuk-table__row" key={e.id} data-testid="outbox-row">
                  <td className="govuk-table__cell lspi-nowrap">{dateTime.format(e.createdAt)}</td>
                  <td className="govuk-table__cell">{e.to}</td>
                  <td className="govuk-table__cell">
                    <details className="govuk-details govuk-!-margin-bottom-0">
                      <summary className="govuk-details__summary">
                        <span className="govuk-details__summary-text">{e.subject}</span>
                      </summary>
                      <div className="govuk-details__text">
                        <pre className="lspi-email-body">{e.body}</pre>
                      </div>
                    </details>
                  </td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${s.tag}`}>{s.label}</strong>
                    <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      {e.sentAt
                        ? `Sent ${dateTime.format(e.sentAt)}`
                        : e.attempts > 0
                          ? `${e.attempts} attempt${e.attempts === 1 ? "" : "s"}${e.status === "pending" ? `; next ${dateTime.format(e.nextAttemptAt)}` : ""}`
                          : "Not tried yet"}
                    </p>
                    {e.error && e.status !== "sent" && <p className="govuk-body-s govuk-!-margin-bottom-1 lspi-secondary-text">{e.error}</p>}
                    {e.status === "failed" && <RetryForm id={e.id} label="Try again" />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination page={out.page} pages={out.pages} href={qs} label="Outbox pages" />
    </>
  );
}
