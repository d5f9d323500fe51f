import Link from "next/link";
import { dateFormat, dateTimeFormat, linkFor, type TPublicPage } from "./load-public-release";

export type TPublicSection = "overview" | "ward" | "indicator" | "methodology" | "downloads" | "releases";

/**
 * The heading block of every public release page: preview banner (never for the public),
 * correction notices, release facts and the section navigation.
 */
export function PublicReleaseHeader({ page, section, heading, caption }: { page: TPublicPage; section: TPublicSection; heading: string; caption?: string }) {
  const { data, preview } = page;
  const { release, council, edition } = data;
  const slug = council.slug;
  const nav: Array<{ key: TPublicSection; label: string; href: string }> = [
    { key: "overview", label: "Overview", href: linkFor(page, "") || `/p/${slug}` },
    { key: "methodology", label: "Methodology", href: linkFor(page, "/methodology") },
    { key: "downloads", label: "Open data", href: linkFor(page, "#open-data") },
    { key: "releases", label: "All releases", href: `/p/${slug}/releases` },
  ];
  return (
    <>
      {preview && (
        <div className="govuk-notification-banner" role="region" aria-labelledby="preview-title" data-testid="preview-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="preview-title">
              Preview
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Preview – not yet public (publishes at {dateTimeFormat.format(release.publishAt)})</p>
            <p className="govuk-body">Only signed-in members of {council.name} can see this page until then.</p>
          </div>
        </div>
      )}
      {release.supersededByVersion !== null && (
        <div className="govuk-warning-text" data-testid="corrected-notice">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This release was corrected by{" "}
            <Link className="govuk-link" href={`/p/${slug}/releases/${release.supersededByVersion}`}>
              release {release.supersededByVersion}
            </Link>
            .
          </strong>
        </div>
      )}
      {release.supersedesVersion !== null && (
        <div className="govuk-inset-text" data-testid="supersedes-notice">
          This release supersedes{" "}
          <Link className="govuk-link" href={`/p/${slug}/releases/${release.supersedesVersion}`}>
            release {release.supersedesVersion}
          </Link>
          , which stays available at its permanent address.
        </div>
      )}
      <span className="govuk-caption-l">
        {caption ?? council.name}
      </span>
      <h1 className="govuk-heading-xl">{heading}</h1>
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-font-size-16 lspi-public-facts">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Release</dt>
          <dd className="govuk-summary-list__value" data-testid="release-version">
            {release.version}: {release.title}
            {release.isLatest && !preview ? " (latest)" : ""}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Published</dt>
          <dd className="govuk-summary-list__value">{dateFormat.format(release.publishAt)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Years</dt>
          <dd className="govuk-summary-list__value">{yearsText(data.result.periods)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Framework</dt>
          <dd className="govuk-summary-list__value">
            {edition.name}, edition {edition.edition}
          </dd>
        </div>
      </dl>
      <nav className="lspi-public-nav govuk-!-margin-bottom-6" aria-label="This release">
        <ul className="govuk-list lspi-public-nav__list" style={{ display: "flex", flexWrap: "wrap", gap: "0 1.5rem" }}>
          {nav.map((n) => (
            <li key={n.key}>
              <Link className="govuk-link govuk-link--no-visited-state" href={n.href} aria-current={n.key === section ? "page" : undefined}>
                {n.key === section ? <strong>{n.label}</strong> : n.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** "2013–2015" or "2008, 2011". */
export function yearsText(periods: number[]): string {
  const p = [...periods].sort((a, b) => a - b);
  if (p.length === 0) return "None";
  const contiguous = p.every((y, i) => i === 0 || y === p[i - 1] + 1);
  return contiguous && p.length > 1 ? `${p[0]}–${p[p.length - 1]}` : p.join(", ");
}
