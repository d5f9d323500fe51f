"use client";

import { useActionState, useState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { startUploadAction } from "../../actions";

interface TEdition {
  id: string;
  code: string;
  edition: string;
  name: string;
  periodMin: number;
  periodMax: number;
}

function ErrorText({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p className="govuk-error-message" id={id}>
      <span className="govuk-visually-hidden">Error:</span> {text}
    </p>
  );
}

/** Framework edition, layout and years: the first step of the upload wizard. */
export function NewUploadForm({ council, editions }: { council: string; editions: TEdition[] }) {
  const [state, action, pending] = useActionState<TFormState<unknown>, FormData>(startUploadAction as never, null);
  const [editionId, setEditionId] = useState(editions[editions.length - 1].id);
  const edition = editions.find((e) => e.id === editionId) ?? editions[0];
  const years = Array.from({ length: edition.periodMax - edition.periodMin + 1 }, (_, i) => edition.periodMax - i);
  const errs = { edition: fieldError(state, "frameworkEditionId"), format: fieldError(state, "format"), periods: fieldError(state, "periods") };
  return (
    <form action={action} noValidate data-testid="new-upload-form">
      <ActionFeedback state={state} />
      <input type="hidden" name="council" value={council} />
      <div className={`govuk-form-group${errs.edition ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--m" htmlFor="frameworkEditionId">
          Framework edition
        </label>
        <ErrorText id="edition-error" text={errs.edition} />
        <select className="govuk-select" id="frameworkEditionId" name="frameworkEditionId" value={editionId} onChange={(e) => setEditionId(e.target.value)}>
          {editions.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} (edition {e.edition}, {e.periodMin}–{e.periodMax})
            </option>
          ))}
        </select>
      </div>
      <div className={`govuk-form-group${errs.format ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" aria-describedby="format-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">How is the file laid out?</legend>
          <div className="govuk-hint" id="format-hint">
            We check this again when you upload the file.
          </div>
          <ErrorText id="format-error" text={errs.format} />
          <div className="govuk-radios" data-module="govuk-radios">
            <div className="govuk-radios__item">
              <input className="govuk-radios__input" id="format-long" name="format" type="radio" value="long" defaultChecked />
              <label className="govuk-label govuk-radios__label" htmlFor="format-long">
                Long: one value per row (ward, indicator, year, value)
              </label>
            </div>
            <div className="govuk-radios__item">
              <input className="govuk-radios__input" id="format-wide" name="format" type="radio" value="wide" />
              <label className="govuk-label govuk-radios__label" htmlFor="format-wide">
                Wide: one row per ward, one column per indicator (one year)
              </label>
            </div>
          </div>
        </fieldset>
      </div>
      <div className={`govuk-form-group${errs.periods ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" aria-describedby="periods-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Which years does the file hold?</legend>
          <div className="govuk-hint" id="periods-hint">
            Select all that apply. Use the year a period ends: 2014 for 2013/14.
          </div>
          <ErrorText id="periods-error" text={errs.periods} />
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {years.map((y) => (
              <div className="govuk-checkboxes__item" key={`${edition.id}-${y}`}>
                <input className="govuk-checkboxes__input" id={`period-${y}`} name="periods" type="checkbox" value={y} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`period-${y}`}>
                  {y}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="govuk-button" disabled={pending}>
        Continue
      </button>
    </form>
  );
}
