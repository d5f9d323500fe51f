"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { startScoreRunAction } from "./actions";

export function StartRunForm({
  council,
  editions,
  availablePeriods,
}: {
  council: string;
  editions: Array<{ id: string; label: string }>;
  availablePeriods: number[];
}) {
  const [state, action, pending] = useActionState<TFormState<{ runId: string }>, FormData>(startScoreRunAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(`/c/${council}/releases/runs/${state.data.runId}`);
  }, [state, council, router]);
  const periodsError = fieldError(state, "periods");
  return (
    <form action={action} noValidate data-testid="start-run-form">
      <ActionFeedback state={state} />
      <input type="hidden" name="council" value={council} />
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="frameworkEditionId">
          Framework edition
        </label>
        <select className="govuk-select" id="frameworkEditionId" name="frameworkEditionId">
          {editions.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </div>
      <div className={`govuk-form-group${periodsError ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" aria-describedby="periods-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Years to score</legend>
          <div className="govuk-hint" id="periods-hint">
            Years with loaded data. Values up to 2 years older are carried forward into a year that lacks them.
          </div>
          {periodsError && (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {periodsError}
            </p>
          )}
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {availablePeriods.map((p) => (
              <div className="govuk-checkboxes__item" key={p}>
                <input className="govuk-checkboxes__input" id={`period-${p}`} name="periods" type="checkbox" value={p} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`period-${p}`}>
                  {p}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Method choices for this run</span>
        </summary>
        <div className="govuk-details__text">
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="weighting">
              Weighting of indicators within components
            </label>
            <select className="govuk-select" id="weighting" name="weighting" defaultValue="edition">
              <option value="edition">As the framework edition sets (recommended)</option>
              <option value="equal">Equal weights</option>
              <option value="pca">Principal component (PCA) weights</option>
            </select>
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="carryForwardYears">
              Carry-forward window (years)
            </label>
            <input className="govuk-input govuk-input--width-2" id="carryForwardYears" name="carryForwardYears" type="text" inputMode="numeric" defaultValue="2" />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="peerGroupSize">
              Peer group size for strengths and weaknesses
            </label>
            <input className="govuk-input govuk-input--width-2" id="peerGroupSize" name="peerGroupSize" type="text" inputMode="numeric" defaultValue="15" />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="uncertaintyDraws">
              Uncertainty draws (Monte Carlo)
            </label>
            <input className="govuk-input govuk-input--width-4" id="uncertaintyDraws" name="uncertaintyDraws" type="text" inputMode="numeric" defaultValue="500" />
          </div>
        </div>
      </details>
      <button type="submit" className="govuk-button" disabled={pending}>
        {pending ? "Starting…" : "Start score run"}
      </button>
    </form>
  );
}
