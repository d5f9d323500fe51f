"use client";

import { useActionState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import { TextField } from "@/components/forms/text-field";
import { createRegionAction, inviteCouncilAction } from "./actions";

/** Create a region (operator console). */
export function CreateRegionForm() {
  const [state, action, pending] = useActionState(createRegionAction, null);
  return (
    <form action={action}>
      <ActionFeedback state={state} success={(d) => <p className="govuk-body">Region {d.slug} created.</p>} />
      <TextField id="region-name" name="name" label="Name" error={fieldError(state, "name")} />
      <TextField id="region-slug" name="slug" label="Slug" hint="Its public page will be /r/<slug>" error={fieldError(state, "slug")} />
      <TextField id="region-description" name="description" label="Description (optional)" error={fieldError(state, "description")} />
      <button type="submit" className="govuk-button" disabled={pending}>
        Create region
      </button>
    </form>
  );
}

/** Invite one council to a region. */
export function InviteCouncilForm({ regionId, regionName, councils }: { regionId: string; regionName: string; councils: Array<{ slug: string; name: string }> }) {
  const [state, action, pending] = useActionState(inviteCouncilAction, null);
  const id = `invite-${regionId}`;
  return (
    <form action={action}>
      <ActionFeedback state={state} success={() => <p className="govuk-body">Invitation sent.</p>} />
      <input type="hidden" name="regionId" value={regionId} />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={id}>
          Invite a council to {regionName}
        </label>
        <select className="govuk-select" id={id} name="councilSlug">
          {councils.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending || councils.length === 0}>
        Invite
      </button>
    </form>
  );
}
