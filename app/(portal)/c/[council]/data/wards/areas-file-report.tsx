"use client";

import { useActionState } from "react";
import { TableHead } from "@/components/data-table/table-head";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import { Checkbox } from "@/components/forms/checkbox";
import type { TFormState } from "@/lib/actions/result";
import type {
  TWardFactsForm,
  TWardFactsReport,
} from "@/lib/councils/ward-facts-check";
import { applyAreasFileAction } from "./actions";

/** What "Check the file" returns: the report, and the file itself so that "Apply" applies exactly it. */
export interface TChecked {
  filename: string;
  sizeBytes: number;
  sha256: string;
  content: string;
  form: TWardFactsForm;
  report: Omit<TWardFactsReport, "rows">;
}

const nf = new Intl.NumberFormat("en-GB");
const TAGS = {
  error: ["Error", "govuk-tag--red"],
  warning: ["Warning", "govuk-tag--yellow"],
  info: ["Information", "govuk-tag--grey"],
} as const;
const plural = (n: number, one: string, many = `${one}s`) =>
  `${nf.format(n)} ${n === 1 ? one : many}`;
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function populationChanges(
  p: NonNullable<TWardFactsReport["plan"]["populations"]>,
): string {
  const parts: string[] = [];
  if (p.replaced > 0)
    parts.push(
      `${nf.format(p.replaced)} replace the ${p.year} ${p.replaced === 1 ? "figure" : "figures"} held now (${nf.format(p.changed)} different)`,
    );
  if (p.added > 0)
    parts.push(
      `${nf.format(p.added)} ${p.added === 1 ? "is" : "are"} new for ${p.year}`,
    );
  return parts.join(" and ");
}

/** The row-numbered report of a checked areas file, what applying it would change, and the "Apply" form. */
export function AreasFileReport({
  council,
  checked,
}: {
  council: string;
  checked: TChecked;
}) {
  const r = checked.report;
  const s = r.summary;
  return (
    <section aria-labelledby="report-heading" data-testid="areas-file-report">
      <h2
        className="govuk-heading-l govuk-!-margin-top-6"
        id="report-heading"
        tabIndex={-1}
      >
        Checks on {checked.filename}
      </h2>
      {!r.refused && (
        <p className="govuk-body" data-testid="report-counts">
          {plural(s.rows, "row")} read
          {s.ignoredRows > 0 ? ` (${nf.format(s.ignoredRows)} ignored)` : ""}:{" "}
          {plural(s.errors, "error")}, {plural(s.warnings, "warning")} and{" "}
          {nf.format(s.infos)} for information.
        </p>
      )}
      {r.issues.length > 0 && (
        <table className="govuk-table" id="problems" data-testid="problems">
          <caption className="govuk-table__caption govuk-table__caption--m">
            Problems found in the file
          </caption>
          <TableHead
            columns={[
              { label: "Row", numeric: true },
              "Column",
              "Problem",
              "Severity",
            ]}
          />
          <tbody className="govuk-table__body">
            {r.issues.map((i, n) => (
              <tr className="govuk-table__row" key={n}>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {i.row ?? "—"}
                </td>
                <td className="govuk-table__cell">{i.column ?? "—"}</td>
                <td className="govuk-table__cell">
                  {sentence(i.message)}
                  {i.suggestion && (
                    <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
                      {i.suggestion}
                    </span>
                  )}
                </td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${TAGS[i.severity][1]}`}>
                    {TAGS[i.severity][0]}
                  </strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!r.refused && r.issues.length === 0 && (
        <p className="govuk-body">No problems were found.</p>
      )}
      {r.canApply && <ApplyForm council={council} checked={checked} />}
    </section>
  );
}

function ApplyForm({
  council,
  checked,
}: {
  council: string;
  checked: TChecked;
}) {
  const [state, action, pending] = useActionState<
    TFormState<unknown>,
    FormData
  >(applyAreasFileAction as never, null);
  const { populations, peerValues } = checked.report.plan;
  const warnings = checked.report.summary.warnings;
  const ackError = fieldError(state, "acknowledge");
  return (
    <>
      <h2 className="govuk-heading-m">What will change</h2>
      <ul className="govuk-list govuk-list--bullet" data-testid="plan">
        {populations && (
          <li data-testid="plan-populations">
            <strong>Populations for {populations.year}</strong> (
            {populations.source}) for {plural(populations.wards, "ward")}:{" "}
            {populationChanges(populations)}. Figures for other years, and for
            wards not in the file, are kept.
          </li>
        )}
        {peerValues && (
          <li data-testid="plan-peer-values">
            <strong>Peer values</strong> for {plural(peerValues.wards, "ward")}{" "}
            replace the current ones ({nf.format(peerValues.changed)} different
            from now).{" "}
            {peerValues.without > 0 &&
              `${plural(peerValues.without, "ward")} will have no peer value${peerValues.cleared > 0 ? ` (${nf.format(peerValues.cleared)} of them have one now)` : ""}, so ${peerValues.without === 1 ? "it gets" : "they get"} no strengths and weaknesses. `}
            They measure “{peerValues.label}” (source: {peerValues.source})
            {peerValues.labelChanged ? ", a new description" : ""}.
          </li>
        )}
      </ul>
      <p className="govuk-body">
        Score runs from now on use these figures, and regional views weight each
        ward by its latest population. The file itself is not kept.
      </p>
      <form action={action} noValidate data-testid="apply-form">
        <ActionFeedback state={state} />
        <input type="hidden" name="council" value={council} />
        <input type="hidden" name="content" value={checked.content} />
        <input type="hidden" name="filename" value={checked.filename} />
        <input type="hidden" name="warningsSeen" value={warnings} />
        {Object.entries(checked.form).map(([k, v]) =>
          v === undefined ? null : (
            <input key={k} type="hidden" name={k} value={String(v)} />
          ),
        )}
        {warnings > 0 && (
          <Checkbox
            id="acknowledge"
            small
            error={ackError}
            label={
              <>
                I have read the {plural(warnings, "warning")} and want to apply
                the file anyway
              </>
            }
          />
        )}
        <button
          type="submit"
          className="govuk-button"
          disabled={pending}
          data-prevent-double-click="true"
        >
          {pending ? "Applying…" : "Apply"}
        </button>
      </form>
    </>
  );
}
