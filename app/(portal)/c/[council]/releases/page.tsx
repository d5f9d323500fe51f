import type { Metadata } from "next";
import Link from "next/link";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { can } from "@/lib/auth/permissions";
import { findActiveRuns, findReleases } from "@/lib/releases/queries";
import { STATE_LABELS } from "@/lib/releases/state-machine";
import { resumeQueuedRuns } from "@/lib/runs/start";
import { CouncilNav } from "../council-nav";
import { AutoRefresh } from "./auto-refresh";
import { StartRunForm } from "./start-run-form";
import { ReleaseStateTag } from "./release-state-tag";

type TProps = { params: Promise<{ council: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "release:read", (ctx) => ({ title: `Releases – ${ctx.council.name}` }));
}

const df = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default async function ReleasesPage({ params }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(council, "release:read", `/c/${council}/releases`);
  await resumeQueuedRuns();
  const [releases, runs, datasets, periods] = await Promise.all([
    findReleases(ctx.db),
    findActiveRuns(ctx.db),
    // only editions the council has loaded data for, the most recently loaded first
    ctx.db.dataset.findMany({ orderBy: { createdAt: "desc" }, select: { frameworkEdition: { select: { id: true, name: true, edition: true } } } }),
    ctx.db.observation.findMany({ distinct: ["period"], select: { period: true }, orderBy: { period: "asc" } }),
  ]);
  const editions = [...new Map(datasets.map((d) => [d.frameworkEdition.id, d.frameworkEdition])).values()];
  const canRun = !ctx.viaOperator && can(ctx.roles, "run:create");
  const active = runs.some((r) => r.status === "queued" || r.status === "running");
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="releases" />
      <AutoRefresh active={active} />
      <h1 className="govuk-heading-xl">Releases</h1>
      <p className="govuk-body">
        A release is one scored edition of the index. An officer starts a score run from the loaded data; the run becomes a draft release,
        which a reviewer who did not prepare it approves. Approved releases are published and never change: a correction is a new release.
      </p>
      {runs.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Score runs</h2>
          <ul className="govuk-list" data-testid="active-runs">
            {runs.map((r) => (
              <li key={r.id}>
                <Link className="govuk-link" href={`/c/${ctx.council.slug}/releases/runs/${r.id}`}>
                  Run for {r.periods.join(", ")}
                </Link>{" "}
                started {df.format(r.createdAt)} by {r.startedBy.name ?? r.startedBy.email}:{" "}
                {r.status === "failed" ? (
                  <strong className="govuk-tag govuk-tag--red">Failed</strong>
                ) : (
                  <span>
                    {r.status === "queued" ? "queued" : `running, ${r.progress}%`}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <table className="govuk-table" data-testid="releases-table">
        <caption className="govuk-table__caption govuk-table__caption--m">All releases</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Version</th>
            <th scope="col" className="govuk-table__header">Release</th>
            <th scope="col" className="govuk-table__header">State</th>
            <th scope="col" className="govuk-table__header">Created</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {releases.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={4}>
                No releases yet.
              </td>
            </tr>
          )}
          {releases.map((r) => (
            <tr className="govuk-table__row" key={r.id}>
              <td className="govuk-table__cell">{r.version}</td>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" href={`/c/${ctx.council.slug}/releases/${r.version}`}>
                  {r.title}
                </Link>
              </th>
              <td className="govuk-table__cell">
                <ReleaseStateTag state={r.state} published={r.published} />
              </td>
              <td className="govuk-table__cell lspi-nowrap">
                {df.format(r.createdAt)} by {r.createdBy.name ?? r.createdBy.email}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canRun && (
        <>
          <h2 className="govuk-heading-l">Start a score run</h2>
          {periods.length === 0 ? (
            <p className="govuk-body">
              No data has been loaded yet. <Link className="govuk-link" href={`/c/${ctx.council.slug}/data`}>Upload data</Link> first.
            </p>
          ) : (
            <StartRunForm
              council={ctx.council.slug}
              editions={editions.map((e) => ({ id: e.id, label: `${e.name} (edition ${e.edition})` }))}
              availablePeriods={periods.map((p) => p.period)}
            />
          )}
        </>
      )}
      <p className="govuk-body-s">States: {Object.values(STATE_LABELS).join(", ")}.</p>
    </>
  );
}
