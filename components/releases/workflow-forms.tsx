"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { approveReleaseAction, requestChangesAction, submitReleaseAction, withdrawReleaseAction } from "@/app/(portal)/c/[council]/releases/actions";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";

type TLock = { council: string; releaseId: string; lockVersion: number };
type TResult = { version: number; state: string };

function useWorkflowAction<T>(action: (prev: TFormState<T>, fd: FormData) => Promise<TFormState<T>>) {
  const [state, run, pending] = useActionState<TFormState<T>, FormData>(action, null);
  const router = useRouter();
  // the page is rendered per request: re-read it so the new state, lockVersion and comments show
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return [state, run, pending] as const;
}

function Hidden({ council, releaseId, lockVersion }: TLock) {
  return (
    <>
      <input type="hidden" name="council" value={council} />
      <input type="hidden" name="releaseId" value={releaseId} />
      <input type="hidden" name="lockVersion" value={lockVersion} />
    </>
  );
}

function ErrorText({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p className="govuk-error-message" id={id}>
      <span className="govuk-visually-hidden">Error:</span> {text}
    </p>
  ) : null;
}

export function SubmitForm(props: TLock) {
  const [state, action, pending] = useWorkflowAction<TResult>(submitReleaseAction);
  return (
    <form action={action} data-testid="submit-form">
      <ActionFeedback state={state} success={() => "Submitted for review. Reviewers have been told."} />
      <Hidden {...props} />
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="submit-notes">
          Notes for the reviewer (optional)
        </label>
        <div className="govuk-hint" id="submit-notes-hint">What changed in the data, and anything you want checked.</div>
        <textarea className="govuk-textarea" id="submit-notes" name="notes" rows={3} aria-describedby="submit-notes-hint" />
      </div>
      <button type="submit" className="govuk-button" disabled={pending}>
        Submit for review
      </button>
    </form>
  );
}

export function RequestChangesForm(props: TLock) {
  const [state, action, pending] = useWorkflowAction<TResult>(requestChangesAction);
  const err = fieldError(state, "reason");
  return (
    <form action={action} data-testid="request-changes-form" noValidate>
      <ActionFeedback state={state} success={() => "Sent back to the officer with your reason."} />
      <Hidden {...props} />
      <div className={`govuk-form-group${err ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="reason">
          What needs to change
        </label>
        <ErrorText id="reason-error" text={err} />
        <textarea className={`govuk-textarea${err ? " govuk-textarea--error" : ""}`} id="reason" name="reason" rows={3} aria-describedby={err ? "reason-error" : undefined} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
        Request changes
      </button>
    </form>
  );
}

export function ApproveForm(props: TLock) {
  const [state, action, pending] = useWorkflowAction<TResult & { publishAt: Date }>(approveReleaseAction);
  const err = fieldError(state, "publishAt");
  return (
    <form action={action} data-testid="approve-form" noValidate>
      <ActionFeedback state={state} success={() => "Approved. The release is published at the time shown above."} />
      <Hidden {...props} />
      <div className={`govuk-form-group${err ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="publishAt">
          Publish at (UK time, optional)
        </label>
        <div className="govuk-hint" id="publishAt-hint">
          Leave empty to publish as soon as you approve. A later date and time keeps the release embargoed until then.
        </div>
        <ErrorText id="publishAt-error" text={err} />
        <input
          className={`govuk-input govuk-input--width-20${err ? " govuk-input--error" : ""}`}
          type="datetime-local"
          id="publishAt"
          name="publishAt"
          aria-describedby={`publishAt-hint${err ? " publishAt-error" : ""}`}
        />
      </div>
      <button type="submit" className="govuk-button" disabled={pending}>
        Approve release
      </button>
    </form>
  );
}

export function WithdrawForm(props: TLock) {
  const [state, action, pending] = useWorkflowAction<TResult>(withdrawReleaseAction);
  return (
    <form action={action} data-testid="withdraw-form">
      <ActionFeedback state={state} success={() => "The draft has been withdrawn."} />
      <Hidden {...props} />
      <p className="govuk-body">Withdrawing abandons this draft. It stays on record but can no longer be submitted.</p>
      <button type="submit" className="govuk-button govuk-button--warning" disabled={pending}>
        Withdraw draft
      </button>
    </form>
  );
}
