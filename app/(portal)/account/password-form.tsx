"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { changePasswordAction } from "./actions";

const FIELDS = [
  { id: "currentPassword", label: "Current password", hint: "If an administrator has just added you, this is the temporary password they gave you", auto: "current-password" },
  { id: "newPassword", label: "New password", hint: "At least 12 characters. A few unrelated words make a strong password that is easy to remember", auto: "new-password" },
  { id: "confirmPassword", label: "Confirm new password", hint: undefined, auto: "new-password" },
];

export function PasswordForm() {
  const [state, action, pending] = useActionState<TFormState<{ changed: boolean }>, FormData>(changePasswordAction, null);
  return (
    <form action={action} noValidate>
      <ActionFeedback
        state={state}
        success={() => (
          <p className="govuk-notification-banner__heading">
            Your password has been changed. <Link className="govuk-notification-banner__link" href="/c">Continue to your councils</Link>
          </p>
        )}
      />
      {FIELDS.map((f) => {
        const err = fieldError(state, f.id);
        return (
          <div key={f.id} className={`govuk-form-group${err ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor={f.id}>
              {f.label}
            </label>
            {f.hint && (
              <div className="govuk-hint" id={`${f.id}-hint`}>
                {f.hint}
              </div>
            )}
            {err && (
              <p className="govuk-error-message" id={`${f.id}-error`}>
                <span className="govuk-visually-hidden">Error:</span> {err}
              </p>
            )}
            <input
              className={`govuk-input govuk-!-width-one-half${err ? " govuk-input--error" : ""}`}
              id={f.id}
              name={f.id}
              type="password"
              autoComplete={f.auto}
              aria-describedby={[f.hint ? `${f.id}-hint` : "", err ? `${f.id}-error` : ""].filter(Boolean).join(" ") || undefined}
            />
          </div>
        );
      })}
      <button type="submit" className="govuk-button" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
