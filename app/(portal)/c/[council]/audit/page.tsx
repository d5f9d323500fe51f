import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/layout/pagination";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { findAuditEvents, ZAuditFilter } from "@/lib/audit/query";
import { CouncilNav } from "../council-nav";

type TProps = { params: Promise<{ council: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "audit:read", (ctx) => ({ title: `Audit log – ${ctx.council.name}` }));
}

const dtf = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

function describe(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  return Object.entries(data as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}

export default async function AuditPage({ params, searchParams }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(council, "audit:read", `/c/${council}/audit`);
  const raw = await searchParams;
  const filter = ZAuditFilter.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])));
  const result = await findAuditEvents(ctx.db, filter);
  const qs = (page: number) => {
    const p = new URLSearchParams();
    if (filter.action) p.set("action", filter.action);
    if (filter.actor) p.set("actor", filter.actor);
    if (filter.from) p.set("from", filter.from);
    if (filter.to) p.set("to", filter.to);
    p.set("page", String(page));
    return `?${p.toString()}`;
  };
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="audit" />
      <h1 className="govuk-heading-xl">Audit log</h1>
      <p className="govuk-body">Every change to this council&apos;s account, newest first. Entries cannot be edited or deleted.</p>
      <form method="get" className="govuk-!-margin-bottom-6" aria-label="Filter the audit log">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="action">
                Action
              </label>
              <select className="govuk-select" id="action" name="action" defaultValue={filter.action ?? ""}>
                <option value="">All actions</option>
                {result.actions.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="actor">
                Who (email contains)
              </label>
              <input className="govuk-input" id="actor" name="actor" type="text" defaultValue={filter.actor ?? ""} />
            </div>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="from">
                From
              </label>
              <input className="govuk-input" id="from" name="from" type="date" defaultValue={filter.from ?? ""} />
            </div>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="to">
                To
              </label>
              <input className="govuk-input" id="to" name="to" type="date" defaultValue={filter.to ?? ""} />
            </div>
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-right-2">
          Apply filters
        </button>
        <Link className="govuk-link" href={`/c/${ctx.council.slug}/audit`}>
          Clear filters
        </Link>
      </form>
      <table className="govuk-table" data-testid="audit-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {result.total} {result.total === 1 ? "entry" : "entries"}
          {result.pages > 1 ? ` – page ${filter.page} of ${result.pages}` : ""}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              When
            </th>
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              Action
            </th>
            <th scope="col" className="govuk-table__header">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {result.rows.map((r) => (
            <tr className="govuk-table__row" key={r.id}>
              <td className="govuk-table__cell lspi-nowrap">{dtf.format(r.at)}</td>
              <td className="govuk-table__cell">{r.actor}</td>
              <td className="govuk-table__cell">
                <code>{r.action}</code>
              </td>
              <td className="govuk-table__cell govuk-body-s">{describe(r.data)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={filter.page} pages={result.pages} href={qs} label="Audit log pages" />
    </>
  );
}
