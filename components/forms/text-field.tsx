import type { InputHTMLAttributes } from "react";
import { describedBy, FieldMessages } from "./field-messages";

/**
 * A GOV.UK text input with its label, optional hint and inline error, linked by
 * aria-describedby. `name` defaults to `id`; `width` is a GOV.UK width class such as
 * "govuk-input--width-10" (two-thirds of the column when omitted); `type="file"` gets the file
 * upload style and no width.
 */
export function TextField({
  id,
  name,
  label,
  hint,
  error,
  width,
  boldLabel,
  type = "text",
  ...rest
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  width?: string;
  boldLabel?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className">) {
  const classes = [
    "govuk-input",
    type === "file"
      ? "govuk-file-upload"
      : (width ?? "govuk-!-width-two-thirds"),
    error ? "govuk-input--error" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}
    >
      <label
        className={`govuk-label${boldLabel ? " govuk-label--s" : ""}`}
        htmlFor={id}
      >
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        className={classes}
        id={id}
        name={name ?? id}
        type={type}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}
