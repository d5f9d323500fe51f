"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ActionFeedback, fieldError } from "@/components/forms/action-feedback";
import { TextField } from "@/components/forms/text-field";
import type { TFormState } from "@/lib/actions/result";
import { onboardCouncilAction } from "./actions";

type TOnboarded = { slug: string; wards: number; admin: { email: string; temporaryPassword: string | null } | null };

export function OnboardForm() {
  const [state, action, pending] = useActionState<TFormState<TOnboarded>, FormData>(onboardCouncilAction, null);
  const geoErrors = state && !state.ok ? (state.error.fieldErrors?.geojson ?? []) : [];
  return (
    <form action={action} noValidate encType="multipart/form-data" data-testid="onboard-form">
      <ActionFeedback
        state={state}
        success={(d) => (
          <>
            <p className="govuk-notification-banner__heading">
              Council onboarded with {d.wards} wards.{" "}
              <Link className="govuk-notification-banner__link" href={`/c/${d.slug}`}>
                Open its portal
              </Link>
            </p>
            {d.admin?.temporaryPassword && (
              <p className="govuk-body">
                {d.admin.email}&apos;s temporary password is <span className="lspi-secret">{d.admin.temporaryPassword}</span>. It is shown only once.
              </p>
            )}
          </>
        )}
      />
      {geoErrors.length > 0 && (
        <div className="govuk-inset-text" data-testid="geojson-problems">
          <h3 className="govuk-heading-s">Problems in the boundaries file</h3>
          <ul className="govuk-list govuk-list--bullet">
            {geoErrors.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <TextField boldLabel id="name" label="Council name" hint="As it appears on the council's own website" error={fieldError(state, "name")} type="text" />
      <TextField boldLabel id="slug" label="Web address name" hint="Lower-case words joined by hyphens, used in the portal's addresses: /c/barking-and-dagenham" error={fieldError(state, "slug")} type="text" spellCheck={false} />
      <TextField boldLabel id="laCode" label="Local-authority code" hint="The ONS GSS code, for example E09000002" error={fieldError(state, "laCode")} type="text" spellCheck={false} width="govuk-input--width-10" />
      <TextField boldLabel id="boundaryVintage" label="Ward boundary year" hint="The year of the ward boundaries in the file, for example 2022" error={fieldError(state, "boundaryVintage")} type="text" inputMode="numeric" width="govuk-input--width-4" />
      <TextField
        boldLabel
        id="boundaries"
        label="Ward boundaries (GeoJSON)"
        hint="A FeatureCollection of the council's wards in WGS84 (longitude, latitude), each with a GSS ward code (E05…) and name, as published by ONS Open Geography. Up to 20 MB."
        error={fieldError(state, "boundaries")}
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
      />
      <TextField boldLabel id="firstAdminEmail" label="First administrator's email address (optional)" error={fieldError(state, "firstAdminEmail")} type="email" spellCheck={false} />
      <button type="submit" className="govuk-button" disabled={pending}>
        {pending ? "Checking the boundaries…" : "Onboard council"}
      </button>
    </form>
  );
}
