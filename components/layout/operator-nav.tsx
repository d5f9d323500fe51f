"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/operator", label: "Councils" },
  { href: "/operator/billing", label: "Billing" },
  { href: "/operator/regions", label: "Regions" },
  { href: "/operator/outbox", label: "Email outbox" },
];

/** The operator console's sections. The current one is marked for screen readers and in bold. */
export function OperatorNav() {
  const path = usePathname();
  const current = LINKS.filter((l) => path === l.href || path.startsWith(`${l.href}/`)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <div className="lspi-council-nav" data-testid="operator-nav">
      <nav className="govuk-service-navigation" aria-label="Operator console">
        <ul className="govuk-service-navigation__list">
          {LINKS.map((l) => (
            <li key={l.href} className={`govuk-service-navigation__item${l.href === current ? " govuk-service-navigation__item--active" : ""}`}>
              <Link className="govuk-service-navigation__link" href={l.href} aria-current={l.href === current ? "page" : undefined}>
                {l.href === current ? <strong className="govuk-service-navigation__active-fallback">{l.label}</strong> : l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
