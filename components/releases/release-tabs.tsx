import Link from "next/link";

export const RELEASE_TABS = [
  { id: "scores", label: "Scores" },
  { id: "diagnostics", label: "Diagnostics" },
  { id: "changes", label: "What changed" },
  { id: "comments", label: "Comments" },
] as const;
export type TReleaseTab = (typeof RELEASE_TABS)[number]["id"];

export function parseTab(v: string | undefined): TReleaseTab {
  return RELEASE_TABS.some((t) => t.id === v) ? (v as TReleaseTab) : "scores";
}

/**
 * The sections of the review screen as links (one section per request), styled as GOV.UK tabs.
 * Works without JavaScript; the current one carries aria-current.
 */
export function ReleaseTabs({ base, current, counts }: { base: string; current: TReleaseTab; counts: Partial<Record<TReleaseTab, number>> }) {
  return (
    <nav aria-label="Release sections" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list" style={{ display: "flex", flexWrap: "wrap", gap: "0 24px", borderBottom: "1px solid #b1b4b6", paddingBottom: 8 }}>
        {RELEASE_TABS.map((t) => {
          const label = `${t.label}${counts[t.id] !== undefined ? ` (${counts[t.id]})` : ""}`;
          return (
            <li key={t.id} style={{ margin: 0 }}>
              <Link className="govuk-link govuk-link--no-visited-state govuk-!-font-size-19" href={`${base}?tab=${t.id}`} aria-current={t.id === current ? "page" : undefined}>
                {t.id === current ? <strong>{label}</strong> : label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
