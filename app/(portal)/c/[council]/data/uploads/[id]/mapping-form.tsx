"use client";

import { useActionState } from "react";
import { ActionFeedback } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { saveMappingAction } from "../../actions";

export interface TTargetOption {
  value: string;
  label: string;
}

/** One select per column of the file, pre-set to the proposed (or remembered) field. */
export function MappingForm({
  council,
  uploadId,
  format,
  header,
  columns,
  examples,
  options,
  sheets,
  sheet,
}: {
  council: string;
  uploadId: string;
  format: "long" | "wide";
  header: string[];
  columns: Record<string, string>;
  /** first value of each column, personal data already blanked */
  examples: Record<string, string>;
  options: TTargetOption[];
  sheets: string[];
  sheet: string | null;
}) {
  const [state, action, pending] = useActionState<TFormState<unknown>, FormData>(saveMappingAction as never, null);
  return (
    <form action={action} noValidate data-testid="mapping-form">
      <ActionFeedback state={state} />
      <input type="hidden" name="council" value={council} />
      <input type="hidden" name="uploadId" value={uploadId} />
      <input type="hidden" name="format" value={format} />
      {sheets.length > 1 && (
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="sheet">
            Worksheet to read
          </label>
          <select className="govuk-select" id="sheet" name="sheet" defaultValue={sheet ?? sheets[0]}>
            {sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      )}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Columns in your file</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Column in the file
            </th>
            <th scope="col" className="govuk-table__header">
              Example from the file
            </th>
            <th scope="col" className="govuk-table__header">
              Load it as
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {header.map((h, i) => (
            <tr className="govuk-table__row" key={`${i}-${h}`}>
              <th scope="row" className="govuk-table__header">
                <label htmlFor={`target-${i}`}>{h || `(column ${i + 1} has no heading)`}</label>
                <input type="hidden" name="column" value={h} />
              </th>
              <td className="govuk-table__cell">{examples[h] ?? "—"}</td>
              <td className="govuk-table__cell">
                <select className="govuk-select" id={`target-${i}`} name="target" defaultValue={columns[h] ?? "ignore"}>
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="govuk-button" disabled={pending}>
        {pending ? "Checking the file…" : "Save and check the file"}
      </button>
    </form>
  );
}
