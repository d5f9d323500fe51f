"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ActionFeedback } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { markAllReadAction } from "./actions";

export function MarkAllRead() {
  const router = useRouter();
  const [state, action, pending] = useActionState<TFormState<{ marked: number }>, FormData>(markAllReadAction, null);
  // the unread count in the header lives in the layout: refresh it too
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action}>
      <ActionFeedback state={state} />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending} data-testid="mark-all-read">
        Mark all as read
      </button>
    </form>
  );
}
