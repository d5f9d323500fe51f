import { ReleaseStateTag } from "@/app/(portal)/c/[council]/releases/release-state-tag";
import type { TReleaseForReview } from "@/lib/releases/queries";
import {
  PEER_BASIS_LABEL,
  peerGroupBasis,
  RUN_OPTION_LABELS,
} from "@/lib/runs/options";
import { dateTime } from "./format";

type TRow = { key: string; value: React.ReactNode };

/** Title, state, who did what and when, and exactly how the scores were made. */
export function ReleaseHeader({
  release,
  run,
  engineVersion,
  inputHash,
  scorecards,
}: Pick<TReleaseForReview, "release" | "run"> & {
  engineVersion: string;
  inputHash: string;
  scorecards: TReleaseForReview["result"]["strengthsWeaknesses"];
}) {
  const r = release;
  const rows: TRow[] = [
    { key: "Version", value: r.version },
    {
      key: "Created",
      value: `${dateTime.format(r.createdAt)} by ${r.createdBy}`,
    },
  ];
  if (r.submittedAt)
    rows.push({
      key: "Submitted for review",
      value: `${dateTime.format(r.submittedAt)}${r.submittedBy ? ` by ${r.submittedBy}` : ""}`,
    });
  if (r.approvedAt)
    rows.push({
      key: "Approved",
      value: `${dateTime.format(r.approvedAt)}${r.approvedBy ? ` by ${r.approvedBy}` : ""}`,
    });
  if (r.publishAt) {
    rows.push({
      key: r.published ? "Published" : "Embargoed until",
      value: `${dateTime.format(r.publishAt)} (UK time)`,
    });
  }
  if (r.supersededByVersion)
    rows.push({
      key: "Superseded by",
      value: `version ${r.supersededByVersion}`,
    });
  if (r.notes)
    rows.push({
      key: "Notes",
      value: <span style={{ whiteSpace: "pre-wrap" }}>{r.notes}</span>,
    });

  const runRows: TRow[] = [
    {
      key: "Framework edition",
      value: `${run.edition.name} (${run.edition.code}, edition ${run.edition.edition})`,
    },
    { key: "Years scored", value: run.periods.join(", ") },
    ...Object.entries(RUN_OPTION_LABELS).flatMap(([k, label]) => [
      {
        key: label,
        value:
          run.options[k] === undefined ? "Default" : String(run.options[k]),
      },
      // the covariate sits beside the size of the groups it chose
      ...(k === "peerGroupSize"
        ? [
            {
              key: PEER_BASIS_LABEL,
              value: peerGroupBasis(run.options, scorecards),
            },
          ]
        : []),
    ]),
    { key: "Engine version", value: run.engineVersion ?? engineVersion },
    {
      key: "Input hash (SHA-256)",
      value: (
        <code style={{ wordBreak: "break-all" }}>
          {run.inputHash ?? inputHash}
        </code>
      ),
    },
    {
      key: "Datasets used",
      value:
        run.datasetIds.length === 0 ? (
          "None recorded"
        ) : (
          <>
            {run.datasetIds.length} (
            {run.datasetIds.map((d) => (
              <code key={d} style={{ wordBreak: "break-all" }}>
                {d}{" "}
              </code>
            ))}
            )
          </>
        ),
    },
  ];
  return (
    <>
      <span className="govuk-caption-l">Release {r.version}</span>
      <h1 className="govuk-heading-xl govuk-!-margin-bottom-4">{r.title}</h1>
      <p className="govuk-body" data-testid="release-state">
        <ReleaseStateTag state={r.state} published={r.published} />
      </p>
      <SummaryList rows={rows} testId="release-summary" />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            How these scores were made
          </span>
        </summary>
        <div className="govuk-details__text">
          <SummaryList rows={runRows} testId="run-details" />
        </div>
      </details>
    </>
  );
}

function SummaryList({ rows, testId }: { rows: TRow[]; testId: string }) {
  return (
    <dl className="govuk-summary-list" data-testid={testId}>
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
