import type { InputHTMLAttributes, ReactNode } from "react";
import { describedBy, FieldMessages } from "./field-messages";

/**
 * A single GOV.UK checkbox — a confirmation such as "I have read the warnings" — with optional
 * legend, hint and inline error. As GOV.UK Frontend does, the hint and error are linked by
 * aria-describedby on the fieldset when there is a legend (the question), else on the input.
 * `legend` is the question as a medium heading (h2) of the page; `name` defaults to `id`, `value`
 * to "yes"; `small` gives the small checkbox style.
 */
export function Checkbox({
  id,
  name,
  label,
  legend,
  hint,
  error,
  small,
  value = "yes",
  ...rest
}: {
  id: string;
  label: ReactNode;
  legend?: string;
  hint?: string;
  error?: string;
  small?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className" | "type">) {
  const ids = describedBy(id, hint, error);
  const body = (
    <>
      <FieldMessages id={id} hint={hint} error={error} />
      <div
        className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`}
        data-module="govuk-checkboxes"
      >
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={name ?? id}
            type="checkbox"
            value={value}
            aria-describedby={legend ? undefined : ids}
            {...rest}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </>
  );
  return (
    <div
      className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}
    >
      {legend ? (
        <fieldset className="govuk-fieldset" aria-describedby={ids}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">{legend}</h2>
          </legend>
          {body}
        </fieldset>
      ) : (
        body
      )}
    </div>
  );
}
