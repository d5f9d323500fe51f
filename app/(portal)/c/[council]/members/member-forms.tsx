"use client";

import { useActionState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import type { TFormState } from "@/lib/actions/result";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type TRole } from "@/lib/auth/permissions";
import { addMemberAction, removeMemberAction, updateMemberRolesAction } from "./actions";

type TAdded = { membershipId: string; email: string; temporaryPassword: string | null };

function RoleCheckboxes({ idPrefix, grantable, checked, error }: { idPrefix: string; grantable: TRole[]; checked: TRole[]; error?: string }) {
  const ungrantable = ROLES.filter((r) => !grantable.includes(r) && !checked.includes(r));
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`${idPrefix}-roles-hint`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Roles</legend>
        <div className="govuk-hint" id={`${idPrefix}-roles-hint`}>
          Select all that apply. You can only grant roles whose permissions you hold yourself
          {ungrantable.length > 0 ? `, so you cannot grant: ${ungrantable.map((r) => ROLE_LABELS[r].toLowerCase()).join(", ")}` : ""}.
        </div>
        {error && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {ROLES.filter((r) => grantable.includes(r) || checked.includes(r)).map((r) => (
            <div className="govuk-checkboxes__item" key={r}>
              <input
                className="govuk-checkboxes__input"
                id={`${idPrefix}-role-${r}`}
                name="roles"
                type="checkbox"
                value={r}
                defaultChecked={checked.includes(r)}
                aria-describedby={`${idPrefix}-role-${r}-hint`}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`${idPrefix}-role-${r}`}>
                {ROLE_LABELS[r]}
              </label>
              <div id={`${idPrefix}-role-${r}-hint`} className="govuk-hint govuk-checkboxes__hint">
                {ROLE_DESCRIPTIONS[r]}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function AddMemberForm({ council, grantable }: { council: string; grantable: TRole[] }) {
  const [state, action, pending] = useActionState<TFormState<TAdded>, FormData>(addMemberAction, null);
  const emailError = fieldError(state, "email");
  return (
    <form action={action} noValidate data-testid="add-member-form">
      <ActionFeedback
        state={state}
        success={(d) => (
          <>
            <p className="govuk-notification-banner__heading">{d.email} has been added.</p>
            {d.temporaryPassword ? (
              <p className="govuk-body">
                They are new to Local SPI. Their temporary password is{" "}
                <span className="lspi-secret" data-testid="temporary-password">
                  {d.temporaryPassword}
                </span>
                . It is shown only once: pass it on securely. They will choose their own password when they first sign in.
              </p>
            ) : (
              <p className="govuk-body">They already have a Local SPI account and can sign in now.</p>
            )}
          </>
        )}
      />
      <input type="hidden" name="council" value={council} />
      <div className={`govuk-form-group${emailError ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label" htmlFor="member-email">
          Email address
        </label>
        {emailError && (
          <p className="govuk-error-message" id="member-email-error">
            <span className="govuk-visually-hidden">Error:</span> {emailError}
          </p>
        )}
        <input className="govuk-input govuk-!-width-two-thirds" id="member-email" name="email" type="email" spellCheck={false} autoComplete="off" />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="member-name">
          Full name (optional)
        </label>
        <input className="govuk-input govuk-!-width-two-thirds" id="member-name" name="name" type="text" autoComplete="off" />
      </div>
      <RoleCheckboxes idPrefix="add" grantable={grantable} checked={[]} error={fieldError(state, "roles")} />
      <button type="submit" className="govuk-button" disabled={pending}>
        Add member
      </button>
    </form>
  );
}

export function MemberRowForms({
  council,
  membershipId,
  email,
  roles,
  grantable,
}: {
  council: string;
  membershipId: string;
  email: string;
  roles: TRole[];
  grantable: TRole[];
}) {
  const [roleState, roleAction, rolePending] = useActionState<TFormState<unknown>, FormData>(updateMemberRolesAction as never, null);
  const [removeState, removeAction, removePending] = useActionState<TFormState<unknown>, FormData>(removeMemberAction as never, null);
  const id = `m-${membershipId}`;
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Change<span className="govuk-visually-hidden"> roles or remove {email}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <form action={roleAction} noValidate>
          <ActionFeedback state={roleState} success={() => <p className="govuk-body">Roles updated.</p>} />
          <input type="hidden" name="council" value={council} />
          <input type="hidden" name="membershipId" value={membershipId} />
          <RoleCheckboxes idPrefix={id} grantable={grantable} checked={roles} error={fieldError(roleState, "roles")} />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={rolePending}>
            Save roles<span className="govuk-visually-hidden"> for {email}</span>
          </button>
        </form>
        <form action={removeAction}>
          <ActionFeedback state={removeState} />
          <input type="hidden" name="council" value={council} />
          <input type="hidden" name="membershipId" value={membershipId} />
          <button type="submit" className="govuk-button govuk-button--warning" disabled={removePending}>
            Remove {email} from this council
          </button>
        </form>
      </div>
    </details>
  );
}
