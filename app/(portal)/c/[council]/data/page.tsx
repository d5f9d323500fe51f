import type { Metadata } from "next";
import Link from "next/link";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { findDatasets, findFrameworkEditions, findUploadsInProgress, purgeExpiredUploads } from "@/lib/uploads";
import { CouncilNav } from "../council-nav";
import { CancelUploadForm } from "./uploads/[id]/forms";
import { dateTime, nf, STATUS_LABELS, who } from "./format";

type TProps = { params: Promise<{ council: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "data:read", (ctx) => ({ title: `Data – ${ctx.council.name}` }));
}

export default async function DataPage({ params, searchParams }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(council, "data:read", `/c/${council}/data`);
  await purgeExpiredUploads(ctx.db, new Date());
  const [datasets, inProgress, editions] = await Promise.all([findDatasets(ctx.db), findUploadsInProgress(ctx.db), findFrameworkEditions(ctx.db)]);
  const upload = !ctx.viaOperator && can(ctx.roles, "data:upload");
  const cancelled = (await searchParams).cancelled === "1";
  const base = `/c/${ctx.council.slug}/data`;
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="data" />
      {cancelled && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" data-testid="cancelled-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title">Success</h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Upload cancelled. The file you uploaded has been deleted.</p>
          </div>
        </div>
      )}
      <h1 className="govuk-heading-xl">Data</h1>
      <p className="govuk-body">
        Indicator values for {ctx.council.name}&apos;s wards, loaded from files in the{" "}
        <Link className="govuk-link" href="/docs/input-format">
          published input format
        </Link>
        . A file is checked before anything is loaded, and deleted once its values are loaded: only its name, size and SHA-256 fingerprint are kept.
      </p>
      {upload && (
        <Link href={`${base}/uploads/new`} role="button" draggable={false} className="govuk-button" data-module="govuk-button">
          Upload data
        </Link>
      )}

      {inProgress.length > 0 && (
        <table className="govuk-table" data-testid="uploads-in-progress">
          <caption className="govuk-table__caption govuk-table__caption--m">Uploads in progress</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">File</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Started</th>
              <th scope="col" className="govuk-table__header">Deleted if not finished by</th>
              {upload && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {inProgress.map((u) => (
              <tr className="govuk-table__row" key={u.id}>
                <th scope="row" className="govuk-table__header">{u.filename ?? "No file yet"}</th>
                <td className="govuk-table__cell"><strong className="govuk-tag govuk-tag--blue">{STATUS_LABELS[u.status]}</strong></td>
                <td className="govuk-table__cell">{dateTime.format(u.createdAt)} by {who(u.createdBy)}</td>
                <td className="govuk-table__cell">{dateTime.format(u.expiresAt)}</td>
                {upload && (
                  <td className="govuk-table__cell">
                    <Link className="govuk-link govuk-!-margin-right-3" href={`${base}/uploads/${u.id}`}>
                      Continue<span className="govuk-visually-hidden"> upload {u.filename ?? ""}</span>
                    </Link>
                    <CancelUploadForm council={ctx.council.slug} uploadId={u.id} label={u.filename ?? "upload"} compact />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <table className="govuk-table" data-testid="datasets">
        <caption className="govuk-table__caption govuk-table__caption--m">Datasets loaded</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Loaded</th>
            <th scope="col" className="govuk-table__header">File</th>
            <th scope="col" className="govuk-table__header">By</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Rows</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Values</th>
            <th scope="col" className="govuk-table__header">SHA-256</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {datasets.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={6}>No data has been loaded yet.</td>
            </tr>
          )}
          {datasets.map((d) => (
            <tr className="govuk-table__row" key={d.id} data-testid={`dataset-${d.filename}`}>
              <td className="govuk-table__cell">{dateTime.format(d.createdAt)}</td>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" href={`${base}/uploads/${d.uploadId}`}>{d.filename}</Link>
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                  {d.frameworkEdition.name} · {d.periods.join(", ")}
                </span>
              </th>
              <td className="govuk-table__cell">{who(d.loadedBy)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{nf.format(d.rowCount)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{nf.format(d.observationCount)}</td>
              <td className="govuk-table__cell">
                <code title={d.sha256}>{d.sha256.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">Ward populations and peer groups</h2>
      <p className="govuk-body">
        Each ward&apos;s population weights it when wards are combined into larger areas, and its peer value picks the wards it is compared with for strengths and
        weaknesses.{" "}
        <Link className="govuk-link" href={`${base}/wards`} data-testid="ward-facts-link">
          {upload ? "See and update ward populations and peer groups" : "See ward populations and peer groups"}
        </Link>
      </p>

      <h2 className="govuk-heading-m">Templates</h2>
      <p className="govuk-body">Files ready to fill in, with your wards and the framework&apos;s indicators, units and expected ranges.</p>
      {editions.map((e) => (
        <div key={e.id}>
          <h3 className="govuk-heading-s">{e.name} (edition {e.edition})</h3>
          <ul className="govuk-list govuk-list--bullet" data-testid={`templates-${e.code}`}>
            <li><a className="govuk-link" href={`${base}/templates/${e.id}/long.csv`} download>Long format, CSV</a> (one value per row)</li>
            <li><a className="govuk-link" href={`${base}/templates/${e.id}/wide.csv`} download>Wide format, CSV</a> (one column per indicator)</li>
            <li><a className="govuk-link" href={`${base}/templates/${e.id}/long.xlsx`} download>Long format, Excel</a> (with an indicators reference sheet)</li>
            <li><a className="govuk-link" href={`${base}/templates/${e.id}/wide.xlsx`} download>Wide format, Excel</a> (with an indicators reference sheet)</li>
          </ul>
        </div>
      ))}
    </>
  );
}
