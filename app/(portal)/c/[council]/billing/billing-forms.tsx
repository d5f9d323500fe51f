"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import { TextField } from "@/components/forms/text-field";
import type { TFormState } from "@/lib/actions/result";
import { cancelSubscriptionAction, changePlanAction, requestQuoteAction } from "./actions";

function Radios({ name, legend, options, error, value }: { name: string; legend: string; options: Array<[string, string]>; error?: string; value?: string }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {error && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-radios govuk-radios--small">
          {options.map(([v, label]) => (
            <div className="govuk-radios__item" key={v}>
              <input className="govuk-radios__input" id={`${name}-${v}`} name={name} type="radio" value={v} defaultChecked={value === v} />
              <label className="govuk-label govuk-radios__label" htmlFor={`${name}-${v}`}>
                {label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function RequestQuoteForm({ council, tiers }: { council: string; tiers: Array<[string, string]> }) {
  // React resets a form after its action: keep what was typed, so a correction does not mean retyping everything.
  const [{ state, values, n }, action, pending] = useActionState<{ state: TFormState<{ id: string; reference: string }>; values: Record<string, string>; n: number }, FormData>(
    async (prev, fd) => {
      const state = await requestQuoteAction(prev.state, fd);
      const values = state.ok ? {} : (Object.fromEntries([...fd.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>);
      return { state, values, n: prev.n + 1 };
    },
    { state: null, values: {}, n: 0 },
  );
  const e = (f: string) => fieldError(state, f);
  const d = (f: string) => ({ defaultValue: values[f] ?? "" });
  return (
    <form action={action} noValidate data-testid="request-quote-form" key={n}>
      <ActionFeedback
        state={state}
        success={(d) => (
          <p className="govuk-notification-banner__heading">
            Quote {d.reference} requested. Local SPI will review it, usually within two working days.{" "}
            <Link className="govuk-notification-banner__link" href={`/c/${council}/billing/quotes/${d.id}`}>
              View quote {d.reference}
            </Link>
          </p>
        )}
      />
      <input type="hidden" name="council" value={council} />
      <Radios name="tier" legend="Tier" options={tiers} error={e("tier")} value={values.tier} />
      <Radios name="term" legend="Billing" options={[["annual", "Annually, in advance"], ["quarterly", "Quarterly, in advance (5% more over a year)"]]} error={e("term")} value={values.term} />
      <TextField id="billingName" label="Billing contact's name" error={e("billingName")} {...d("billingName")} autoComplete="name" />
      <TextField id="billingEmail" label="Billing contact's email address" hint="Invoices are sent here" error={e("billingEmail")} {...d("billingEmail")} type="email" spellCheck={false} autoComplete="email" />
      <TextField id="addressLine1" label="Billing address line 1" error={e("addressLine1")} {...d("addressLine1")} autoComplete="address-line1" />
      <TextField id="addressLine2" label="Billing address line 2 (optional)" error={e("addressLine2")} {...d("addressLine2")} autoComplete="address-line2" />
      <TextField id="town" label="Town or city" error={e("town")} {...d("town")} width="govuk-!-width-one-half" autoComplete="address-level2" />
      <TextField id="postcode" label="Postcode" error={e("postcode")} {...d("postcode")} width="govuk-input--width-10" autoComplete="postal-code" />
      <TextField id="vatNumber" label="Council's VAT registration number (optional)" hint="For example GB 980 7806 84" error={e("vatNumber")} {...d("vatNumber")} width="govuk-input--width-20" spellCheck={false} />
      <Radios name="poRequired" legend="Does your council need a purchase-order number on invoices?" options={[["yes", "Yes"], ["no", "No"]]} error={e("poRequired")} value={values.poRequired} />
      <button type="submit" className="govuk-button" disabled={pending}>
        Request a quote
      </button>
    </form>
  );
}

export function ChangePlanForm({ council, tier, label }: { council: string; tier: string; label: string }) {
  const [state, action, pending] = useActionState<TFormState<{ planName: string }>, FormData>(changePlanAction, null);
  return (
    <form action={action} className="lspi-no-print">
      <ActionFeedback state={state} success={(d) => <p className="govuk-notification-banner__heading">Your council is now on {d.planName}.</p>} />
      <input type="hidden" name="council" value={council} />
      <input type="hidden" name="tier" value={tier} />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
        {label}
      </button>
    </form>
  );
}

export function CancelForm({ council, endsOn }: { council: string; endsOn: string }) {
  const [state, action, pending] = useActionState<TFormState<unknown>, FormData>(cancelSubscriptionAction as never, null);
  return (
    <form action={action} noValidate className="lspi-no-print">
      <ActionFeedback state={state} success={() => <p className="govuk-notification-banner__heading">The subscription will end on {endsOn}.</p>} />
      <input type="hidden" name="council" value={council} />
      <div className={`govuk-form-group${fieldError(state, "confirm") ? " govuk-form-group--error" : ""}`}>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input className="govuk-checkboxes__input" id="cancel-confirm" name="confirm" type="checkbox" value="yes" />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="cancel-confirm">
              End the subscription on {endsOn}, at the end of the period already paid for
            </label>
          </div>
        </div>
      </div>
      <button type="submit" className="govuk-button govuk-button--warning" disabled={pending}>
        Cancel at the end of the period
      </button>
    </form>
  );
}
