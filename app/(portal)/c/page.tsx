import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { userPage } from "@/lib/auth/page-guards";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { findMyCouncils } from "@/lib/councils/councils";

export const metadata: Metadata = { title: "Your councils" };

export default async function CouncilsPage() {
  const user = await userPage("/c");
  if (user.mustChangePassword) redirect("/account?first=1");
  const councils = await findMyCouncils(user.id);
  if (councils.length === 1 && !user.isOperator) redirect(`/c/${councils[0].slug}`);
  return (
    <>
      <h1 className="govuk-heading-xl">Your councils</h1>
      {councils.length === 0 ? (
        <p className="govuk-body">
          You are not a member of any council yet. Ask your council&apos;s Local SPI administrator to add you
          {user.isOperator ? ", or open the operator console to onboard a council." : "."}
        </p>
      ) : (
        <ul className="govuk-list govuk-list--spaced" data-testid="council-switcher">
          {councils.map((c) => (
            <li key={c.slug}>
              <Link className="govuk-link govuk-link--no-visited-state govuk-!-font-size-24 govuk-!-font-weight-bold" href={`/c/${c.slug}`}>
                {c.name}
              </Link>
              <br />
              <span className="govuk-hint">Your roles: {c.roles.map((r) => ROLE_LABELS[r]).join(", ")}</span>
            </li>
          ))}
        </ul>
      )}
      {user.isOperator && (
        <p className="govuk-body">
          <Link className="govuk-link" href="/operator">
            Operator console
          </Link>{" "}
          – onboard and support councils.
        </p>
      )}
    </>
  );
}
