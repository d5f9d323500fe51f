"use client";

import { useActionState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import { Checkbox } from "@/components/forms/checkbox";
import type { TFormState } from "@/lib/actions/result";
import {
  acknowledgeWarningsAction,
  cancelUploadAction,
  loadUploadAction,
  validateUploadAction,
} from "../../actions";

type TState = TFormState<unknown>;

function Hidden({ council, uploadId }: { council: string; uploadId: string }) {
  return (
    <>
      <input type="hidden" name="council" value={council} />
      <input type="hidden" name="uploadId" value={uploadId} />
    </>
  );
}

export function CancelUploadForm({
  council,
  uploadId,
  label,
  compact,
}: {
  council: string;
  uploadId: string;
  label: string;
  compact?: boolean;
}) {
  const [state, action, pending] = useActionState<TState, FormData>(
    cancelUploadAction as never,
    null,
  );
  return (
    <form action={action} style={compact ? { display: "inline" } : undefined}>
      <ActionFeedback state={state} />
      <Hidden council={council} uploadId={uploadId} />
      <button
        type="submit"
        className={
          compact ? "lspi-link-button" : "govuk-button govuk-button--secondary"
        }
        disabled={pending}
      >
        Cancel upload<span className="govuk-visually-hidden"> {label}</span>
      </button>
    </form>
  );
}

export function ValidateForm({
  council,
  uploadId,
}: {
  council: string;
  uploadId: string;
}) {
  const [state, action, pending] = useActionState<TState, FormData>(
    validateUploadAction as never,
    null,
  );
  return (
    <form action={action}>
      <ActionFeedback state={state} />
      <Hidden council={council} uploadId={uploadId} />
      <button type="submit" className="govuk-button" disabled={pending}>
        {pending ? "Checking the file…" : "Check the file"}
      </button>
    </form>
  );
}

export function AcknowledgeForm({
  council,
  uploadId,
  warnings,
}: {
  council: string;
  uploadId: string;
  warnings: number;
}) {
  const [state, action, pending] = useActionState<TState, FormData>(
    acknowledgeWarningsAction as never,
    null,
  );
  const error = fieldError(state, "acknowledge");
  return (
    <form action={action} noValidate data-testid="acknowledge-form">
      <ActionFeedback state={state} />
      <Hidden council={council} uploadId={uploadId} />
      <Checkbox
        id="acknowledge"
        legend="Warnings"
        error={error}
        label={
          <>
            I have read the {warnings} {warnings === 1 ? "warning" : "warnings"}{" "}
            and want to load the data anyway
          </>
        }
      />
      <button type="submit" className="govuk-button" disabled={pending}>
        Continue
      </button>
    </form>
  );
}

export function LoadForm({
  council,
  uploadId,
}: {
  council: string;
  uploadId: string;
}) {
  const [state, action, pending] = useActionState<TState, FormData>(
    loadUploadAction as never,
    null,
  );
  return (
    <form action={action}>
      <ActionFeedback state={state} />
      <Hidden council={council} uploadId={uploadId} />
      <button
        type="submit"
        className="govuk-button"
        disabled={pending}
        data-prevent-double-click="true"
      >
        {pending ? "Loading…" : "Load data"}
      </button>
    </form>
  );
}
