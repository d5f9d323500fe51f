"use client";

import { useActionState } from "react";
import { ActionFeedback } from "@/components/forms/action-feedback";
import { giveRegionConsentAction, revokeRegionConsentAction } from "./actions";

/** One button: consent to share with a region, or revoke that consent. */
export function ConsentForm({ council, regionId, regionName, isMember }: { council: string; regionId: string; regionName: string; isMember: boolean }) {
  const [state, action, pending] = useActionState(isMember ? revokeRegionConsentAction : giveRegionConsentAction, null);
  return (
    <form action={action}>
      <ActionFeedback state={state} />
      <input type="hidden" name="council" value={council} />
      <input type="hidden" name="regionId" value={regionId} />
      <button type="submit" className={`govuk-button govuk-!-margin-bottom-0${isMember ? " govuk-button--warning" : ""}`} disabled={pending}>
        {isMember ? "Stop sharing" : "Share"} <span className="govuk-visually-hidden">with {regionName}</span>
      </button>
    </form>
  );
}
