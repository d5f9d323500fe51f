"use client";

import { useActionState } from "react";
import { ActionFeedback } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { retryFailedEmailsAction, sendOutboxNowAction } from "./actions";

export function SendNowForm() {
  const [state, action, pending] = useActionState<TFormState<{ sent: number; retrying: number; failed: number }>, FormData>(sendOutboxNowAction, null);
  return (
    <form action={action}>
      <ActionFeedback
        state={state}
        success={(r) => (
          <p className="govuk-notification-banner__heading">
            {r.sent} sent{r.retrying ? `, ${r.retrying} to be tried again` : ""}
            {r.failed ? `, ${r.failed} failed` : ""}.
          </p>
        )}
      />
      <button type="submit" className="govuk-button" disabled={pending} data-testid="send-now">
        Send waiting emails now
      </button>
    </form>
  );
}

export function RetryForm({ id, label }: { id?: string; label: string }) {
  const [state, action, pending] = useActionState<TFormState<{ count: number }>, FormData>(retryFailedEmailsAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="scope" value={id ? "one" : "all"} />
      {id && <input type="hidden" name="id" value={id} />}
      <ActionFeedback state={state} success={(r) => <p className="govuk-notification-banner__heading">{r.count === 1 ? "1 email will be tried again." : `${r.count} emails will be tried again.`}</p>} />
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
