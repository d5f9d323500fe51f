import { frameworkIndicators, frameworkNames } from "@/lib/publish/framework";
import { PublicEmbedPanel } from "./public-embed-panel";
import { PublicReleaseHeader } from "./public-release-header";
import type { TPublicPage } from "./load-public-release";
import { fmt } from "./public-format";

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** How this release was calculated, generated from the framework edition and the run's diagnostics. */
export function MethodologyPage({ page }: { page: TPublicPage }) {
  const { data } = page;
  const f = data.edition.definition;
  const { result } = data;
  const names = frameworkNames(f);
  const comps = new Map(result.diagnostics.components.map((c) => [c.code, c]));
  const inds = new Map(result.diagnostics.indicators.map((i) => [i.code, i]));
  const all = frameworkIndicators(f);
  const carried = result.diagnostics.indicators.reduce((s, i) => s + i.carried, 0);
  const imputed = result.diagnostics.indicators.reduce((s, i) => s + i.imputed, 0);
  const options = Object.entries(result.options).filter(([, v]) => v !== undefined && v !== null);
  return (
    <>
      <PublicReleaseHeader page={page} section="methodology" heading="Methodology" />
      <p className="govuk-body-l">
        The index has three dimensions of {f.dimensions.reduce((s, d) => s + d.components.length, 0)} components, built from {all.length} outcome indicators. Every
        indicator is scaled from 0 (its worst bound, &ldquo;dystopia&rdquo;) to 100 (its best bound, &ldquo;utopia&rdquo;); a component is the weighted mean of its
        indicators, a dimension the mean of its components, and the index the mean of the dimensions.
      </p>
      <h2 className="govuk-heading-l">How the data were treated</h2>
      <ul className="govuk-list govuk-list--bullet" data-testid="treatment">
        <li>Years scored: {result.periods.join(", ")}.</li>
        <li>Values carried forward from an earlier year: {carried} (up to {f.carryForwardYears ?? "the framework's"} years back).</li>
        <li>Values imputed: {imputed}.</li>
        <li>Engine version {result.engineVersion}; input fingerprint (SHA-256) <code className="lspi-code">{result.inputHash.slice(0, 16)}…</code></li>
      </ul>
      {options.length > 0 && (
        <>
          <h3 className="govuk-heading-m">Options chosen for this release</h3>
          <dl className="govuk-summary-list" data-testid="options">
            {options.map(([k, v]) => (
              <div className="govuk-summary-list__row" key={k}>
                <dt className="govuk-summary-list__key">{k}</dt>
                <dd className="govuk-summary-list__value">{typeof v === "object" ? JSON.stringify(v) : String(v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h2 className="govuk-heading-l">Components: weights and reliability</h2>
      <p className="govuk-body">Cronbach&apos;s alpha of 0.7 or more and a KMO of 0.5 or more suggest the indicators of a component measure one thing.</p>
      {f.dimensions.map((d) => (
        <section key={d.code}>
          <h3 className="govuk-heading-m">{d.name}</h3>
          {d.components.map((c) => {
            const diag = comps.get(c.code);
            return (
              <div key={c.code} style={{ overflowX: "auto" }} role="region" aria-label={`${c.name}, scrolls sideways`} tabIndex={0}>
                <table className="govuk-table govuk-!-font-size-16" data-testid={`component-${c.code}`}>
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    {c.name}: {diag?.weighting ?? c.weighting ?? "equal"} weights
                    {diag?.weightingFallback ? ` (${diag.weightingFallback})` : ""}; alpha {diag?.cronbachAlpha == null ? "n/a" : fmt(diag.cronbachAlpha, 2)}, KMO{" "}
                    {diag?.kmo == null ? "n/a" : fmt(diag.kmo, 2)}
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Indicator</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Weight</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Coverage</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Carried forward</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Imputed</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {c.indicators.map((i) => {
                      const di = inds.get(i.code);
                      const w = result.weights[c.code]?.[i.code] ?? diag?.weights[i.code];
                      return (
                        <tr className="govuk-table__row" key={i.code}>
                          <th scope="row" className="govuk-table__header" style={{ fontWeight: 400 }}>
                            {names[i.code]}
                          </th>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{w === undefined ? "–" : pct(w)}</td>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{di ? pct(di.coverage) : "–"}</td>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{di?.carried ?? "–"}</td>
                          <td className="govuk-table__cell govuk-table__cell--numeric">{di?.imputed ?? "–"}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            );
          })}
        </section>
      ))}
      <h2 className="govuk-heading-l">Uncertainty</h2>
      <p className="govuk-body">
        {result.uncertainty
          ? `Each ward's index and rank were recalculated ${result.uncertainty.draws} times in ${result.uncertainty.period} with random alternative weights and bounds (bounds varied by up to ${pct(result.uncertainty.boundsFraction)}); ward pages show the 5th–95th percentile range.`
          : "This release did not estimate uncertainty."}
      </p>
      <h2 className="govuk-heading-l">Strengths and weaknesses</h2>
      <p className="govuk-body">
        Each ward is compared with its peers — the wards most like it on a background measure, or all other wards. A score above the peers&apos; median by more than their
        typical spread is a strength; below it, a weakness.
      </p>
      <PublicEmbedPanel page={page} view="map" />
    </>
  );
}
