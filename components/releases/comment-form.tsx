"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { addCommentAction } from "@/app/(portal)/c/[council]/releases/actions";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";

type TOption = { value: string; label: string };

/**
 * A comment on the release, on one ward × score cell (when `wards` and `scores` are given), or a
 * reply (when `parentId` is given: it inherits nothing, the thread shows what it answers).
 */
export function CommentForm({
  council,
  releaseId,
  parentId,
  wards,
  scores,
  defaultWard,
  defaultScore,
}: {
  council: string;
  releaseId: string;
  parentId?: string;
  wards?: TOption[];
  scores?: TOption[];
  defaultWard?: string;
  defaultScore?: string;
}) {
  const [state, action, pending] = useActionState<TFormState<{ id: string }>, FormData>(addCommentAction, null);
  const router = useRouter();
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, "");
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const err = fieldError(state, "body");
  const bodyId = `comment-body-${uid}`;
  return (
    <form action={action} noValidate data-testid={parentId ? "reply-form" : "comment-form"}>
      <ActionFeedback state={state} success={() => "Your comment has been added."} />
      <input type="hidden" name="council" value={council} />
      <input type="hidden" name="releaseId" value={releaseId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      {wards && scores && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor={`comment-ward-${uid}`}>
              Ward (optional)
            </label>
            <select className="govuk-select" id={`comment-ward-${uid}`} name="areaCode" defaultValue={defaultWard ?? ""}>
              <option value="">The whole release</option>
              {wards.map((w) => (
                <option key={w.value} value={w.value}>
                  {w.label}
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-grid-column-one-half govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor={`comment-score-${uid}`}>
              Score (optional)
            </label>
            <select className="govuk-select" id={`comment-score-${uid}`} name="scoreCode" defaultValue={defaultScore ?? ""}>
              <option value="">Any score</option>
              {scores.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div className={`govuk-form-group${err ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor={bodyId}>
          {parentId ? "Your reply" : "Comment"}
        </label>
        {err && (
          <p className="govuk-error-message" id={`${bodyId}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {err}
          </p>
        )}
        <textarea className={`govuk-textarea${err ? " govuk-textarea--error" : ""}`} id={bodyId} name="body" rows={3} aria-describedby={err ? `${bodyId}-error` : undefined} />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
        {parentId ? "Reply" : "Add comment"}
      </button>
    </form>
  );
}
