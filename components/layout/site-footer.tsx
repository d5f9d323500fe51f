import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="govuk-footer" role="contentinfo">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" href="/about">
                  About the index
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" href="/accessibility">
                  Accessibility statement
                </Link>
              </li>
            </ul>
            <p className="govuk-body-s">
              Demo data: contains public sector information licensed under the{" "}
              <a className="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
                Open Government Licence v3.0
              </a>
              . Source: Greater London Authority, Ward Profiles and Atlas. Contains National Statistics and OS data © Crown
              copyright and database right 2014. Ward boundaries converted by Martin Chorley (UK-GeoJSON, CC BY 4.0).
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
