"use client";

import { useActionState } from "react";
import { signInAction, type TSignInState } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<TSignInState, FormData>(signInAction, null);
  return (
    <form action={action} noValidate>
      {state?.error && (
        <div className="govuk-error-summary" data-module="govuk-error-summary" data-testid="sign-in-error">
          <div role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <ul className="govuk-list govuk-error-summary__list">
                <li>
                  <a href="#email">{state.error}</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className={`govuk-form-group${state?.error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor="email">
          Email address
        </label>
        <input
          className="govuk-input"
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          defaultValue={state?.email ?? ""}
        />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="password">
          Password
        </label>
        <input className="govuk-input govuk-!-width-two-thirds" id="password" name="password" type="password" autoComplete="current-password" />
      </div>
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
