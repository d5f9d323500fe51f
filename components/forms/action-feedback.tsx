import type { TFormState } from "@/lib/actions/result";

/** GOV.UK error summary or success banner for a server action's result. */
export function ActionFeedback<T>({ state, success }: { state: TFormState<T>; success?: (data: T) => React.ReactNode }) {
  if (!state) return null;
  if (state.ok) {
    if (!success) return null;
    return (
      <div className="govuk-notification-banner govuk-notification-banner--success" role="status" data-testid="action-success">
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title">Success</h2>
        </div>
        <div className="govuk-notification-banner__content">{success(state.data)}</div>
      </div>
    );
  }
  const fields = Object.entries(state.error.fieldErrors ?? {});
  return (
    <div className="govuk-error-summary" data-testid="action-error">
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {fields.length === 0 ? (
              <li>{state.error.message}</li>
            ) : (
              fields.flatMap(([k, msgs]) => msgs.map((m, i) => <li key={`${k}-${i}`}>{k === "_" ? m : m}</li>))
            )}
          </ul>
          {fields.length > 0 && state.error.code !== "VALIDATION" && <p className="govuk-body">{state.error.message}</p>}
        </div>
      </div>
    </div>
  );
}

/** The first error for a field, for the inline message beside it. */
export function fieldError<T>(state: TFormState<T>, field: string): string | undefined {
  return state && !state.ok ? state.error.fieldErrors?.[field]?.[0] : undefined;
}
