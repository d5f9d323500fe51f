import type { Metadata } from "next";
import Link from "next/link";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { getScoreRun } from "@/lib/releases/queries";
import { RUN_OPTION_LABELS, ZRunOptions } from "@/lib/runs/options";
import { CouncilNav } from "../../../council-nav";
import { AutoRefresh } from "../../auto-refresh";
import { GoToRelease } from "./go-to-release";

type TProps = { params: Promise<{ council: string; id: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "release:read", (ctx) => ({ title: `Score run – ${ctx.council.name}` }));
}

export default async function ScoreRunPage({ params }: TProps) {
  const { council, id } = await params;
  const ctx = await councilPage(council, "release:read", `/c/${council}/releases/runs/${id}`);
  const run = await getScoreRun(ctx.db, id);
  const active = run.status === "queued" || run.status === "running";
  const options = ZRunOptions.safeParse(run.options);
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="releases" />
      <AutoRefresh active={active} intervalMs={1000} />
      <h1 className="govuk-heading-xl">Score run for {run.periods.join(", ")}</h1>
      {run.status === "succeeded" && run.release && <GoToRelease href={`/c/${ctx.council.slug}/releases/${run.release.version}`} />}
      {active && (
        <>
          <label className="govuk-label" htmlFor="run-progress">
            {run.status === "queued" ? "Waiting to start" : "Scoring"} – {run.progress}%
          </label>
          <progress id="run-progress" max={100} value={run.progress} style={{ width: "100%", height: "1.5rem" }} />
          <p className="govuk-body govuk-!-margin-top-3" role="status">
            This page updates by itself. You can leave it: the run carries on, and the draft release appears under Releases.
          </p>
        </>
      )}
      {run.status === "failed" && (
        <div className="govuk-error-summary" data-testid="run-failed">
          <div role="alert">
            <h2 className="govuk-error-summary__title">The score run failed</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{run.error}</p>
            </div>
          </div>
        </div>
      )}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Framework edition</dt>
          <dd className="govuk-summary-list__value">
            {run.frameworkEdition.name} (edition {run.frameworkEdition.edition})
          </dd>
        </div>
        {options.success &&
          (Object.keys(RUN_OPTION_LABELS) as Array<keyof typeof RUN_OPTION_LABELS>).map((k) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{RUN_OPTION_LABELS[k]}</dt>
              <dd className="govuk-summary-list__value">{String(options.data[k])}</dd>
            </div>
          ))}
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" href={`/c/${ctx.council.slug}/releases`}>
          Back to releases
        </Link>
      </p>
    </>
  );
}
