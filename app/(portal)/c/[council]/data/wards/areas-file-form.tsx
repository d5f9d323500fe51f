"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import { TextField } from "@/components/forms/text-field";
import type { TFormState } from "@/lib/actions/result";
import { checkAreasFileAction } from "./actions";
import { AreasFileReport, type TChecked } from "./areas-file-report";

const FIELDS = ["populationYear", "populationSource", "peerCovariateLabel", "peerCovariateSource"] as const;
type TField = (typeof FIELDS)[number];

/**
 * Choose an areas file and say what its figures are; "Check the file" shows the row-by-row report
 * and what would change, and "Apply" (in the report) changes it. The text fields are controlled so
 * that React's reset of the form after each check keeps what the officer typed.
 */
export function AreasFileForm({ council, maxMb, defaults }: { council: string; maxMb: number; defaults: Partial<Record<TField, string>> }) {
  const [state, action, pending] = useActionState<TFormState<TChecked>, FormData>(checkAreasFileAction as never, null);
  const [values, setValues] = useState<Record<TField, string>>(() => Object.fromEntries(FIELDS.map((f) => [f, defaults[f] ?? ""])) as Record<TField, string>);
  const checked = state?.ok ? state.data : null;
  const errorOf = (f: string) => fieldError(state, f) ?? checked?.report.fieldErrors[f];
  const field = (f: TField) => ({ id: f, value: values[f], error: errorOf(f), onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [f]: e.target.value })) });
  const formProblems = checked ? Object.entries(checked.report.fieldErrors) : [];
  const fileErrors = checked?.report.summary.errors ?? 0;
  // After each check, move focus to what it found (the problems to fix, or the report), as a page load would.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) (summary.current ?? document.getElementById("report-heading"))?.focus();
  }, [state]);
  return (
    <>
      {state && !state.ok && (
        <div ref={summary} tabIndex={-1}>
          <ActionFeedback state={state} />
        </div>
      )}
      {checked && (checked.report.refused || fileErrors > 0 || formProblems.length > 0) && (
        <div className="govuk-error-summary" data-testid="check-errors" ref={summary} tabIndex={-1}>
          <div role="alert">
            <h2 className="govuk-error-summary__title">Nothing has been changed: there {fileErrors + formProblems.length === 1 ? "is a problem" : "are problems"} to fix</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                {checked.report.refused && <li>{checked.report.refused.message}</li>}
                {formProblems.map(([f, m]) => (
                  <li key={f}>
                    <a href={`#${f}`}>{m}</a>
                  </li>
                ))}
                {fileErrors > 0 && (
                  <li>
                    <a href="#problems">
                      {checked.filename} has {fileErrors === 1 ? "1 error" : `${fileErrors} errors`}: see the problems, correct the file and check it again
                    </a>
                  </li>
                )}
              </ul>
            </div>
          </div>
        </div>
      )}
      <form action={action} noValidate data-testid="areas-file-form">
        <input type="hidden" name="council" value={council} />
        <TextField id="file" type="file" label="Areas file" hint={`CSV (UTF-8) or Excel (.xlsx), at most ${maxMb} MB.`} accept=".csv,.xlsx,text/csv" error={errorOf("file")} boldLabel />
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">If the file has populations</legend>
          <TextField {...field("populationYear")} label="Year the populations are for" hint="For example 2021 for mid-2021 estimates. They replace the figures held for this year for the wards in the file; other years are kept." width="govuk-input--width-4" inputMode="numeric" />
          <TextField {...field("populationSource")} label="Source of the populations" hint="For example: ONS mid-year estimates (ward level)" />
        </fieldset>
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">If the file has peer values</legend>
          <TextField {...field("peerCovariateLabel")} label="What the peer values measure" hint="For example: Median household income, 2021 (£). Peer values replace the current ones: a ward left out of the file will have none." />
          <TextField {...field("peerCovariateSource")} label="Source of the peer values" />
        </fieldset>
        <button type="submit" className="govuk-button" disabled={pending} data-prevent-double-click="true">
          {pending ? "Checking the file…" : "Check the file"}
        </button>
      </form>
      {checked && <AreasFileReport key={checked.sha256 + JSON.stringify(checked.form)} council={council} checked={checked} />}
    </>
  );
}
