import type { Metadata } from "next";
import Link from "next/link";
import { PageShell } from "@/components/layout/page-shell";
import { INPUT_FORMAT, type TInputField } from "@/lib/ingest";

export const metadata: Metadata = { title: "Input format for indicator data" };

const nf = new Intl.NumberFormat("en-GB");

function FieldTable({ caption, fields, testId }: { caption: string; fields: TInputField[]; testId: string }) {
  return (
    <table className="govuk-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Column</th>
          <th scope="col" className="govuk-table__header">Type</th>
          <th scope="col" className="govuk-table__header">Required</th>
          <th scope="col" className="govuk-table__header">What it holds</th>
          <th scope="col" className="govuk-table__header">Example</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {fields.map((f) => (
          <tr className="govuk-table__row" key={f.name}>
            <th scope="row" className="govuk-table__header"><code>{f.name}</code></th>
            <td className="govuk-table__cell">{f.type === "integer" ? "whole number" : f.type === "number" ? "number" : "text"}</td>
            <td className="govuk-table__cell">{f.required ? "Yes" : "No"}</td>
            <td className="govuk-table__cell">{f.description}</td>
            <td className="govuk-table__cell"><code>{f.example}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The published input format, rendered from the validator's own description (lib/ingest INPUT_FORMAT) so they cannot drift. */
export default function InputFormatPage() {
  const f = INPUT_FORMAT;
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <span className="govuk-caption-l">Documentation</span>
          <h1 className="govuk-heading-xl">Input format for indicator data</h1>
          <p className="govuk-body-l">
            Councils load ward-level indicator values as a CSV or Excel file in one of two layouts. Every file is checked before anything
            is loaded, and the problems are listed by row and column.
          </p>
          <h2 className="govuk-heading-l">Layouts</h2>
          <p className="govuk-body">
            <strong>Long</strong>: one value per row (ward, indicator, year, value). <strong>Wide</strong>: one row per ward and one column
            per indicator, for a single year. Column names are matched for you (for example &quot;Ward code&quot; or &quot;WD13CD&quot; for{" "}
            <code>area_code</code>), and you can change the matching before the file is checked. Descriptive columns such as ward or
            indicator names are allowed and ignored.
          </p>
          <FieldTable caption="Long layout" fields={f.long} testId="fields-long" />
          <FieldTable caption="Wide layout" fields={f.wide} testId="fields-wide" />
          <h2 className="govuk-heading-l">Rules</h2>
          <ul className="govuk-list govuk-list--bullet">
            {f.rules.map((r) => <li key={r}>{r}</li>)}
            <li>An empty cell means the value is missing.</li>
          </ul>
          <h2 className="govuk-heading-l">Accepted files and limits</h2>
          <ul className="govuk-list govuk-list--bullet">
            {f.files.map((x) => <li key={x}>{x}</li>)}
            <li>At most {Math.round(f.limits.maxBytes / 1024 / 1024)} MB and {nf.format(f.limits.maxRows)} rows per file.</li>
          </ul>
          <h2 className="govuk-heading-l">Personal data and your file</h2>
          <p className="govuk-body">
            The index needs ward-level figures only. Columns that hold personal data are dropped before anything is kept, and the report
            says which and why; a file of records about individual people is refused. Messages never repeat the contents of a
            personal-data column.
          </p>
          <p className="govuk-body">
            The file you upload is kept only while you finish the upload. It is deleted in the same step that loads its values, when you
            cancel, or 24 hours after you uploaded it if you do not finish. Afterwards only its name, size, row counts and SHA-256
            fingerprint are kept, so you can show which file the figures came from.
          </p>
          <h2 className="govuk-heading-l">Machine-readable schemas</h2>
          <p className="govuk-body">The same format as Frictionless Table Schema files:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li><a className="govuk-link" href="/docs/formats/input-long.table-schema.json">Long layout (Table Schema JSON)</a></li>
            <li><a className="govuk-link" href="/docs/formats/input-wide.table-schema.json">Wide layout (Table Schema JSON)</a></li>
          </ul>
          <p className="govuk-body">
            Signed-in officers can download templates pre-filled with their wards and the framework&apos;s indicators from their council&apos;s{" "}
            data page. <Link className="govuk-link" href="/about">About the index</Link>.
          </p>
        </div>
      </div>
    </PageShell>
  );
}
