import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { getSessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { DEMO_PASSWORD } from "@/lib/db/demo";
import { SignInForm } from "./sign-in-form";
import { signInWithEntraAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  NotInvited: "Your Microsoft account is not a member of any council on Local SPI. Ask your council's Local SPI administrator to add you.",
  AccessDenied: "You could not be signed in. Ask your council's Local SPI administrator to check your access.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = sp.callbackUrl && sp.callbackUrl.startsWith("/") && !sp.callbackUrl.startsWith("//") ? sp.callbackUrl : "/c";
  if (await getSessionUser()) redirect(callbackUrl);
  const env = getEnv();
  const ssoError = sp.error ? (ERRORS[sp.error] ?? ERRORS.AccessDenied) : null;
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {sp.signedOut && (
            <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="signed-out-title">
              <div className="govuk-notification-banner__header">
                <h2 className="govuk-notification-banner__title" id="signed-out-title">
                  Success
                </h2>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-notification-banner__heading">You have been signed out</p>
              </div>
            </div>
          )}
          {ssoError && (
            <div className="govuk-error-summary">
              <div role="alert">
                <h2 className="govuk-error-summary__title">There is a problem</h2>
                <div className="govuk-error-summary__body">
                  <p className="govuk-body">{ssoError}</p>
                </div>
              </div>
            </div>
          )}
          <h1 className="govuk-heading-xl">Sign in to Local SPI</h1>
          {env.entraEnabled && (
            <>
              <form action={signInWithEntraAction}>
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className="govuk-button govuk-button--secondary">
                  Sign in with your council Microsoft account
                </button>
              </form>
              <p className="govuk-body">Or sign in with your email address and a Local SPI password.</p>
            </>
          )}
          <SignInForm callbackUrl={callbackUrl} />
          {env.demoAccounts && (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Demo accounts</span>
              </summary>
              <div className="govuk-details__text">
                <p className="govuk-body">
                  This copy runs with demo data. Sign in as <code>officer@lbbd.example</code>, <code>reviewer@lbbd.example</code>,{" "}
                  <code>procurement@lbbd.example</code> or <code>admin@lbbd.example</code> (the same for <code>havering.example</code>), or{" "}
                  <code>operator@localspi.example</code>, with the password <code>{DEMO_PASSWORD}</code>.
                </p>
              </div>
            </details>
          )}
        </div>
      </div>
    </PageShell>
  );
}
