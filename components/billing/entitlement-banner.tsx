import Link from "next/link";
import { requireCouncil } from "@/lib/auth/require-council";
import { BILLING_CONTACT } from "@/lib/billing/entitlement-rules";
import { getEntitlementState } from "@/lib/billing/entitlements";

/**
 * Shown on every council page when the council may not publish anything new (subscription past
 * due, unpaid, cancelled, or no plan after the pilot): why, what still works, and whom to contact.
 * Resolves the council itself (layouts and wrappers are not a security boundary).
 */
export async function EntitlementBanner({ slug }: { slug: string }) {
  let state;
  try {
    const ctx = await requireCouncil(slug, "council:read");
    state = await getEntitlementState(ctx.db, ctx.council.id);
  } catch {
    return null; // the page itself reports not-found or sign-in
  }
  if (state.publishing) return null;
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="entitlement-banner-title" data-testid="entitlement-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="entitlement-banner-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{state.reason} Your council cannot publish anything new.</p>
        <p className="govuk-body">
          New score runs and releases are paused until this is resolved. Everything already published stays public, and you can still read and
          upload data. Ask your council&apos;s procurement lead, or contact Local SPI at{" "}
          <a className="govuk-notification-banner__link" href={`mailto:${BILLING_CONTACT}`}>
            {BILLING_CONTACT}
          </a>
          .{" "}
          <Link className="govuk-notification-banner__link" href={`/c/${slug}/billing`}>
            See billing
          </Link>
        </p>
      </div>
    </div>
  );
}
