import type { ReactNode } from "react";
import { SiteFooter } from "./site-footer";
import { SiteHeader, type THeaderUser } from "./site-header";

/** Header, main landmark and footer around a page's content. */
export function PageShell({
  user,
  children,
  beforeMain,
}: {
  user?: THeaderUser | null;
  children: ReactNode;
  beforeMain?: ReactNode;
}) {
  return (
    <>
      <SiteHeader user={user} />
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
            <span className="govuk-phase-banner__text">This is a new service. Demo data is real open data for two London boroughs.</span>
          </p>
        </div>
        {beforeMain}
        <main className="govuk-main-wrapper" id="main-content" role="main">
          {children}
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
