"use client";

import { useActionState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { acceptQuoteAction } from "../../actions";

export function AcceptQuoteForm({ council, quoteId, poRequired }: { council: string; quoteId: string; poRequired: boolean }) {
  const [state, action, pending] = useActionState<TFormState<{ reference: string; mode: string }>, FormData>(acceptQuoteAction, null);
  const poError = fieldError(state, "poNumber");
  const confirmError = fieldError(state, "confirm");
  return (
    <form action={action} noValidate className="lspi-no-print" data-testid="accept-quote-form">
      <ActionFeedback
        state={state}
        success={(d) => (
          <p className="govuk-notification-banner__heading">
            Quote {d.reference} accepted. Your subscription has started; {d.mode === "stripe" ? "Stripe emails the invoice to your billing contact" : "Local SPI will email the invoice to your billing contact"}.
          </p>
        )}
      />
      <input type="hidden" name="council" value={council} />
      <input type="hidden" name="quoteId" value={quoteId} />
      <div className={`govuk-form-group${poError ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="poNumber">
          Purchase-order number{poRequired ? "" : " (optional)"}
        </label>
        <div className="govuk-hint" id="poNumber-hint">
          It appears on every invoice
        </div>
        {poError && (
          <p className="govuk-error-message" id="poNumber-error">
            <span className="govuk-visually-hidden">Error:</span> {poError}
          </p>
        )}
        <input className={`govuk-input govuk-input--width-20${poError ? " govuk-input--error" : ""}`} id="poNumber" name="poNumber" type="text" spellCheck={false} aria-describedby={`poNumber-hint${poError ? " poNumber-error" : ""}`} />
      </div>
      <div className={`govuk-form-group${confirmError ? " govuk-form-group--error" : ""}`}>
        {confirmError && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {confirmError}
          </p>
        )}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="accept-confirm" name="confirm" type="checkbox" value="yes" />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="accept-confirm">
              I am authorised to accept this quote for my council
            </label>
          </div>
        </div>
      </div>
      <button type="submit" className="govuk-button" disabled={pending}>
        Accept quote
      </button>
    </form>
  );
}
