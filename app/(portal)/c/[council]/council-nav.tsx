import Link from "next/link";
import { EntitlementBanner } from "@/components/billing/entitlement-banner";
import { can, ROLE_LABELS, type TRole } from "@/lib/auth/permissions";

/** Sub-navigation of a council's portal, showing only what the member's roles allow. */
export function CouncilNav({
  slug,
  name,
  roles,
  viaOperator,
  current,
}: {
  slug: string;
  name: string;
  roles: TRole[];
  viaOperator: boolean;
  current: "home" | "data" | "members" | "audit" | "releases" | "billing";
}) {
  const items = [
    { id: "home", href: `/c/${slug}`, label: "Wards", show: true },
    { id: "data", href: `/c/${slug}/data`, label: "Data", show: viaOperator || can(roles, "data:read") },
    { id: "releases", href: `/c/${slug}/releases`, label: "Releases", show: viaOperator || can(roles, "release:read") },
    { id: "members", href: `/c/${slug}/members`, label: "Members", show: true },
    { id: "audit", href: `/c/${slug}/audit`, label: "Audit log", show: viaOperator || can(roles, "audit:read") },
    { id: "billing", href: `/c/${slug}/billing`, label: "Billing", show: viaOperator || can(roles, "billing:read") },
  ] as const;
  return (
    <div className="lspi-council-nav">
      <span className="govuk-caption-l">{name}</span>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {viaOperator ? "Operator support access (read-only for council decisions)" : `Your roles: ${roles.map((r) => ROLE_LABELS[r]).join(", ")}`}
      </p>
      <nav className="govuk-service-navigation" aria-label="Council">
        <ul className="govuk-service-navigation__list">
          {items
            .filter((i) => i.show)
            .map((i) => (
              <li key={i.id} className={`govuk-service-navigation__item${i.id === current ? " govuk-service-navigation__item--active" : ""}`}>
                <Link className="govuk-service-navigation__link" href={i.href} aria-current={i.id === current ? "page" : undefined}>
                  {i.id === current ? <strong className="govuk-service-navigation__active-fallback">{i.label}</strong> : i.label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <EntitlementBanner slug={slug} />
    </div>
  );
}
