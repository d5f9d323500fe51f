import Link from "next/link";
import { FilterableTable } from "@/components/data-table/filterable-table";
import type { TUploadView } from "@/lib/uploads";
import { nf } from "../../format";
import { AcknowledgeForm } from "./forms";

const SEVERITY_LABEL = { error: "Error", warning: "Warning", info: "Information" } as const;
const SEVERITY_ORDER = { error: 1, warning: 2, info: 3 } as const;

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="govuk-grid-column-one-quarter">
      <p className="lspi-stat" data-testid={testId}>
        <span className="lspi-stat__value">{nf.format(value)}</span> {label}
      </p>
    </div>
  );
}

/** The validation report: counts, dropped personal-data columns, the filterable problem table, and what to do next. */
export function StepReport({
  council,
  u,
  canUpload,
  filters,
}: {
  council: string;
  u: TUploadView;
  canUpload: boolean;
  filters: Record<string, string | string[] | undefined>;
}) {
  const r = u.report;
  const s = r.summary;
  const here = `/c/${council}/data/uploads/${u.id}`;
  if (!s) return <p className="govuk-body">This file has not been checked yet.</p>;
  const rows = (r.issues ?? []).map((i, n) => ({
    key: n,
    severity: SEVERITY_LABEL[i.severity],
    severityRank: SEVERITY_ORDER[i.severity],
    row: i.row,
    rowText: i.row === null ? "—" : String(i.row),
    column: i.column ?? "",
    ward: i.area ?? "",
    indicator: i.indicator ?? "",
    period: i.period ?? null,
    periodText: i.period === undefined ? "—" : String(i.period),
    message: `${i.message}${i.suggestion ? ` ${i.suggestion}` : ""}${i.count && i.count > 1 ? ` (${nf.format(i.count)} times)` : ""}`,
  }));
  const initialFilters = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const loaded = u.status === "loaded";
  return (
    <>
      {r.refused && (
        <div className="govuk-error-summary" data-testid="refused">
          <div role="alert">
            <h2 className="govuk-error-summary__title">The file cannot be loaded</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{r.refused.message}</p>
            </div>
          </div>
        </div>
      )}
      {!loaded && s.errors > 0 && (
        <div className="govuk-error-summary" data-testid="errors-block">
          <div role="alert">
            <h2 className="govuk-error-summary__title">There {s.errors === 1 ? "is 1 error" : `are ${nf.format(s.errors)} errors`} to fix</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">Nothing has been loaded. Correct the file and upload it again: errors cannot be loaded or acknowledged.</p>
              <ul className="govuk-list govuk-error-summary__list">
                <li>
                  <a href="#problems">See the problems</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      )}
      <div className="govuk-grid-row" data-testid="report-summary">
        <Stat label="errors" value={s.errors} testId="count-errors" />
        <Stat label="warnings" value={s.warnings} testId="count-warnings" />
        <Stat label="for information" value={s.infos} testId="count-infos" />
        <Stat label="rows read" value={s.rows} testId="count-rows" />
      </div>
      <p className="govuk-body">
        {nf.format(s.observations)} values are ready to load. {nf.format(s.cleaned)} {s.cleaned === 1 ? "cell was" : "cells were"} cleaned (for example
        thousands separators or % signs removed).
      </p>
      {(r.droppedColumns ?? []).length > 0 && (
        <>
          <h2 className="govuk-heading-m">Personal data dropped</h2>
          <p className="govuk-body">These columns were removed before anything was kept, and are not loaded:</p>
          <ul className="govuk-list govuk-list--bullet" data-testid="dropped-columns">
            {r.droppedColumns!.map((d) => (
              <li key={d.column}>
                <strong>{d.column}</strong>: {d.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="govuk-heading-m" id="problems">
        Problems
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">No problems were found.</p>
      ) : (
        <>
          <p className="govuk-body">
            <a className="govuk-link" href={`${here}/problems.csv`} download data-testid="problems-csv">
              Download the problems as CSV
            </a>
          </p>
          <FilterableTable
            caption="Problems found in the file"
            testId="problems"
            noun={["problem", "problems"]}
            rows={rows}
            initialFilters={initialFilters}
            initialSort={{ key: "severityRank" }}
            filters={[
              { key: "severity", label: "Severity", all: "All severities" },
              { key: "column", label: "Column", all: "All columns" },
              { key: "ward", label: "Ward", all: "All wards" },
              { key: "indicator", label: "Indicator", all: "All indicators" },
            ]}
            columns={[
              { key: "severityRank", header: "Severity", numeric: false, display: "severity" },
              { key: "row", header: "Row", numeric: true, display: "rowText" },
              { key: "column", header: "Column" },
              { key: "message", header: "Problem" },
              { key: "ward", header: "Ward" },
              { key: "indicator", header: "Indicator" },
              { key: "period", header: "Year", numeric: true, display: "periodText" },
            ]}
          />
        </>
      )}
      {!loaded && canUpload && s.errors > 0 && (
        <Link className="govuk-button" href={`${here}?change=file`} data-testid="upload-corrected">
          Upload a corrected file
        </Link>
      )}
      {!loaded && canUpload && s.errors === 0 && s.warnings > 0 && !u.warningsAcknowledgedAt && (
        <AcknowledgeForm council={council} uploadId={u.id} warnings={s.warnings} />
      )}
      {!loaded && canUpload && s.errors === 0 && (s.warnings === 0 || u.warningsAcknowledgedAt) && (
        <Link className="govuk-button" href={here}>
          Continue
        </Link>
      )}
      {!loaded && canUpload && (
        <p className="govuk-body">
          <Link className="govuk-link" href={`${here}?change=mapping`}>Change how the columns are matched</Link>
        </p>
      )}
    </>
  );
}
