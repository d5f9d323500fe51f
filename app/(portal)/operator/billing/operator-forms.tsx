"use client";

import { useActionState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { issueInvoiceAction, markInvoiceAction, reviewQuoteAction, updatePlanAction } from "./actions";

export function ReviewQuoteForm({ quoteId, reference, listPrice }: { quoteId: string; reference: string; listPrice: string }) {
  const [state, action, pending] = useActionState<TFormState<{ reference: string; status: string }>, FormData>(reviewQuoteAction, null);
  const id = `q-${quoteId}`;
  return (
    <form action={action} noValidate data-testid={`review-${reference}`}>
      <ActionFeedback state={state} success={(d) => <p className="govuk-notification-banner__heading">Quote {d.reference} {d.status}.</p>} />
      <input type="hidden" name="quoteId" value={quoteId} />
      <div className={`govuk-form-group${fieldError(state, "price") ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-price`}>
          Adjusted price for {reference}, pounds excluding VAT (optional)
        </label>
        <div className="govuk-hint" id={`${id}-price-hint`}>
          Leave blank to approve at the list price of {listPrice}
        </div>
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">£</div>
          <input className="govuk-input govuk-input--width-10" id={`${id}-price`} name="price" type="text" inputMode="decimal" aria-describedby={`${id}-price-hint`} />
        </div>
      </div>
      <div className={`govuk-form-group${fieldError(state, "reason") ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-reason`}>
          Reason for {reference} (needed for an adjustment or to decline)
        </label>
        {fieldError(state, "reason") && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {fieldError(state, "reason")}
          </p>
        )}
        <input className="govuk-input" id={`${id}-reason`} name="reason" type="text" />
      </div>
      <div className="govuk-button-group">
        <button type="submit" name="decision" value="approve" className="govuk-button" disabled={pending}>
          Approve<span className="govuk-visually-hidden"> {reference}</span>
        </button>
        <button type="submit" name="decision" value="decline" className="govuk-button govuk-button--warning" disabled={pending}>
          Decline<span className="govuk-visually-hidden"> {reference}</span>
        </button>
      </div>
    </form>
  );
}

export function IssueInvoiceButton({ subscriptionId, invoiceId, label }: { subscriptionId?: string; invoiceId?: string; label: string }) {
  const [state, action, pending] = useActionState<TFormState<{ number: string | null }>, FormData>(issueInvoiceAction, null);
  return (
    <form action={action}>
      <ActionFeedback state={state} success={(d) => <p className="govuk-notification-banner__heading">Invoice {d.number} issued.</p>} />
      {subscriptionId && <input type="hidden" name="subscriptionId" value={subscriptionId} />}
      {invoiceId && <input type="hidden" name="invoiceId" value={invoiceId} />}
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={pending}>
        {label}
      </button>
    </form>
  );
}

export function MarkInvoiceButtons({ invoiceId, number }: { invoiceId: string; number: string }) {
  const [state, action, pending] = useActionState<TFormState<{ number: string | null; mark: string }>, FormData>(markInvoiceAction, null);
  return (
    <form action={action}>
      <ActionFeedback state={state} success={(d) => <p className="govuk-notification-banner__heading">Invoice {d.number} marked {d.mark}.</p>} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        <button type="submit" name="mark" value="paid" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={pending}>
          Mark paid<span className="govuk-visually-hidden"> {number}</span>
        </button>
        <button type="submit" name="mark" value="overdue" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" disabled={pending}>
          Mark overdue<span className="govuk-visually-hidden"> {number}</span>
        </button>
      </div>
    </form>
  );
}

export function PlanEditForm({ plan }: { plan: { id: string; code: string; name: string; annual: string; quarterly: string; active: boolean } }) {
  const [state, action, pending] = useActionState<TFormState<{ code: string }>, FormData>(updatePlanAction, null);
  const id = `plan-${plan.code}`;
  const field = (name: string, label: string, value: string, width: string) => (
    <div className={`govuk-form-group${fieldError(state, name) ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {fieldError(state, name) && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {fieldError(state, name)}
        </p>
      )}
      <input className={`govuk-input ${width}`} id={`${id}-${name}`} name={name} type="text" defaultValue={value} />
    </div>
  );
  return (
    <form action={action} noValidate data-testid={id}>
      <ActionFeedback state={state} success={(d) => <p className="govuk-notification-banner__heading">Plan {d.code} saved.</p>} />
      <input type="hidden" name="planId" value={plan.id} />
      {field("name", `Name of ${plan.code}`, plan.name, "govuk-!-width-two-thirds")}
      {field("annualPrice", `Annual price of ${plan.code}, pounds excluding VAT`, plan.annual, "govuk-input--width-10")}
      {field("quarterlyPrice", `Quarterly price of ${plan.code}, pounds excluding VAT`, plan.quarterly, "govuk-input--width-10")}
      <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={`${id}-active`} name="active" type="checkbox" defaultChecked={plan.active} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={`${id}-active`}>
            Offer {plan.code} to councils
          </label>
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
        Save {plan.code}
      </button>
    </form>
  );
}
