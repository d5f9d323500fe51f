import Link from "next/link";
import { FileUploadForm } from "@/components/upload/file-upload-form";
import type { TCouncilContext } from "@/lib/auth/require-council";
import { editionIndicators, getFrameworkEdition, maxUploadBytes, previewColumns, type TUploadView } from "@/lib/uploads";
import { uploadFileAction } from "../../actions";
import { bytesLabel, dateTime, nf } from "../../format";
import { LoadForm, ValidateForm } from "./forms";
import { MappingForm, type TTargetOption } from "./mapping-form";

const ACCEPT = ".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const LONG_OPTIONS: TTargetOption[] = [
  { value: "ignore", label: "Do not load" },
  { value: "area_code", label: "Ward code (area_code)" },
  { value: "indicator_code", label: "Indicator code (indicator_code)" },
  { value: "period", label: "Year (period)" },
  { value: "value", label: "Value (value)" },
  { value: "numerator", label: "Numerator" },
  { value: "denominator", label: "Denominator" },
  { value: "lower_ci", label: "Lower confidence limit" },
  { value: "upper_ci", label: "Upper confidence limit" },
  { value: "note", label: "Note" },
];

export function StepFile({ council, u }: { council: string; u: TUploadView }) {
  const here = `/c/${council}/data/uploads/${u.id}`;
  return (
    <>
      {u.report.refused && (
        <div className="govuk-error-summary" data-testid="refused">
          <div role="alert">
            <h2 className="govuk-error-summary__title">The last file could not be used</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{u.report.refused.message}</p>
            </div>
          </div>
        </div>
      )}
      {u.filename && u.status !== "started" && (
        <p className="govuk-body">
          Uploading a new file replaces {u.filename} ({bytesLabel(u.sizeBytes)}).
        </p>
      )}
      <p className="govuk-body">
        Use the <Link className="govuk-link" href="/docs/input-format">input format</Link> or one of the templates on the{" "}
        <Link className="govuk-link" href={`/c/${council}/data`}>data page</Link>. Columns that hold personal data are dropped before anything is kept.
      </p>
      <FileUploadForm
        council={council}
        uploadId={u.id}
        endpoint={`${here}/file`}
        nextUrl={here}
        action={uploadFileAction as never}
        maxBytes={maxUploadBytes()}
        accept={ACCEPT}
      />
    </>
  );
}

export async function StepMapping({ ctx, u }: { ctx: TCouncilContext; u: TUploadView }) {
  const edition = await getFrameworkEdition(ctx.db, u.frameworkEdition.id);
  const mapping = (u.mapping ?? { format: u.format, columns: {} }) as { format: "long" | "wide"; columns: Record<string, string> };
  const indicatorOptions = editionIndicators(edition.definition).map((i) => ({ value: `indicator:${i.code}`, label: `Indicator: ${i.name} (${i.code})` }));
  const options =
    mapping.format === "wide" ? [...LONG_OPTIONS.filter((o) => ["ignore", "area_code", "period", "note"].includes(o.value)), ...indicatorOptions] : LONG_OPTIONS;
  const detected = u.report.detected;
  const examples = await previewColumns(ctx, u);
  return (
    <>
      <p className="govuk-body">
        We read {detected?.fileType === "xlsx" ? "a workbook" : "a CSV file"} laid out in the <strong>{mapping.format}</strong> format
        {mapping.format === "long" ? " (one value per row)" : " (one column per indicator)"}. Check what each column will be loaded as. Your
        choices are remembered for {ctx.council.name}&apos;s next {mapping.format} upload.
      </p>
      <MappingForm
        council={ctx.council.slug}
        uploadId={u.id}
        format={mapping.format}
        header={detected?.header ?? []}
        columns={mapping.columns}
        examples={examples}
        options={options}
        sheets={detected?.sheets ?? []}
        sheet={u.sheet}
      />
    </>
  );
}

export function StepValidate({ council, u }: { council: string; u: TUploadView }) {
  return (
    <>
      <p className="govuk-body">The columns are matched. Check the file for problems before loading it: nothing is loaded yet.</p>
      <ValidateForm council={council} uploadId={u.id} />
    </>
  );
}

function Facts({ rows }: { rows: Array<[string, React.ReactNode]> }) {
  return (
    <dl className="govuk-summary-list" data-testid="upload-summary">
      {rows.map(([k, v]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{k}</dt>
          <dd className="govuk-summary-list__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function StepLoad({ council, u }: { council: string; u: TUploadView }) {
  const s = u.report.summary!;
  const here = `/c/${council}/data/uploads/${u.id}`;
  return (
    <>
      <h2 className="govuk-heading-m">Check before you load</h2>
      <Facts
        rows={[
          ["File", `${u.filename} (${bytesLabel(u.sizeBytes)})`],
          ["Framework", `${u.frameworkEdition.name}, edition ${u.frameworkEdition.edition}`],
          ["Years", u.periods.join(", ")],
          ["Rows read", nf.format(s.rows)],
          ["Values to load", nf.format(s.observations)],
          ["Warnings", s.warnings === 0 ? "None" : `${nf.format(s.warnings)}, acknowledged`],
          ["Personal data columns dropped", s.droppedColumns === 0 ? "None" : nf.format(s.droppedColumns)],
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" href={`${here}?view=report`}>View the validation report</Link>
      </p>
      <div className="govuk-inset-text">
        Loading adds these values in one step: if anything goes wrong, nothing is loaded. Values for the same ward, indicator and year replace the
        current ones, and earlier loads are kept as history. The file you uploaded is then deleted; only its name, size and SHA-256 fingerprint are kept.
      </div>
      <LoadForm council={council} uploadId={u.id} />
    </>
  );
}

export function StepDone({ council, u }: { council: string; u: TUploadView }) {
  const base = `/c/${council}/data`;
  if (u.status !== "loaded" || !u.dataset) {
    return (
      <>
        <p className="govuk-body" data-testid="source-deleted">
          {u.status === "expired" ? "This upload was not finished within 24 hours, so it was closed" : "This upload was cancelled"} and the file was deleted.
          Nothing from it was loaded.
        </p>
        <Link className="govuk-link" href={base}>Back to data</Link>
      </>
    );
  }
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h2 className="govuk-panel__title">{nf.format(u.dataset.observationCount)} values loaded</h2>
        <div className="govuk-panel__body">from {u.filename}</div>
      </div>
      <Facts
        rows={[
          ["Loaded", dateTime.format(u.dataset.createdAt)],
          ["Rows read", nf.format(u.dataset.rowCount)],
          ["Values loaded", nf.format(u.dataset.observationCount)],
          ["Source file", <span key="d" data-testid="source-deleted">Deleted after loading</span>],
          ["SHA-256 of the source file", <code key="s" style={{ wordBreak: "break-all" }} data-testid="sha256">{u.dataset.sha256}</code>],
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" href={`/c/${council}/data/uploads/${u.id}?view=report`}>View the validation report</Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href={base}>Back to data</Link>
      </p>
    </>
  );
}
