/**
 * A GOV.UK field's hint and inline error message, with the ids that `describedBy` names, so every
 * form field links them to its control the same way (aria-describedby).
 */
export function FieldMessages({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string;
  error?: string;
}) {
  return (
    <>
      {hint && (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
    </>
  );
}

/** The aria-describedby of a field with FieldMessages: its hint and error ids, or undefined when it has neither. */
export function describedBy(
  id: string,
  hint?: string,
  error?: string,
): string | undefined {
  return (
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
      .filter(Boolean)
      .join(" ") || undefined
  );
}
