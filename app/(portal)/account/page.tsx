import type { Metadata } from "next";
import { userPage } from "@/lib/auth/page-guards";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ first?: string }> }) {
  const user = await userPage("/account");
  const { first } = await searchParams;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Your account</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email address</dt>
            <dd className="govuk-summary-list__value">{user.email}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{user.name ?? "Not given"}</dd>
          </div>
        </dl>
        <h2 className="govuk-heading-l">Change your password</h2>
        {(first || user.mustChangePassword) && (
          <div className="govuk-inset-text">You are signed in with a temporary password. Choose your own password to continue.</div>
        )}
        <PasswordForm />
      </div>
    </div>
  );
}
