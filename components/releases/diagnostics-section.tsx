import { diagnosticWarnings, type TWarningSeverity } from "@/lib/releases/diagnostics-text";
import type { TSpiResult } from "@/lib/spi";
import { percent } from "./format";

const SEVERITY: Record<TWarningSeverity, { label: string; tag: string }> = {
  high: { label: "Check first", tag: "govuk-tag--red" },
  medium: { label: "Check", tag: "govuk-tag--yellow" },
  low: { label: "Note", tag: "govuk-tag--grey" },
};
const dp2 = (v: number | null) => (v === null ? "Not measured" : v.toFixed(2));

/** Diagnostics of the run (SPI-METHOD §3): warnings in plain English, then the figures. */
export function DiagnosticsSection({ result, names }: { result: TSpiResult; names: Record<string, string> }) {
  const warnings = diagnosticWarnings(result, names);
  const n = (c: string) => names[c] ?? c;
  return (
    <section aria-labelledby="diagnostics-heading">
      <h2 className="govuk-heading-l" id="diagnostics-heading">
        Diagnostics
      </h2>
      <p className="govuk-body">
        Diagnostics never block a release: they show where the index rests on weak ground. Thresholds: Cronbach&apos;s alpha at least 0.7,
        KMO at least 0.5, coverage at least 80%.
      </p>
      <h3 className="govuk-heading-m">Warnings ({warnings.length})</h3>
      {warnings.length === 0 ? (
        <p className="govuk-body">Nothing falls short of a threshold.</p>
      ) : (
        <div data-testid="diagnostic-warnings">
          {(["high", "medium", "low"] as const).map((sev) => {
            const list = warnings.filter((w) => w.severity === sev);
            if (list.length === 0) return null;
            const items = (
              <ul className="govuk-list">
                {list.map((w, i) => (
                  <li key={i} className="govuk-!-margin-bottom-2">
                    <strong className={`govuk-tag ${SEVERITY[sev].tag}`}>{SEVERITY[sev].label}</strong> {w.message}
                  </li>
                ))}
              </ul>
            );
            // the notes are many and minor: folded away so the checks stand out
            return sev === "low" ? (
              <details className="govuk-details" key={sev}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">{list.length} notes (outliers and unmeasured consistency)</span>
                </summary>
                <div className="govuk-details__text">{items}</div>
              </details>
            ) : (
              <div key={sev}>{items}</div>
            );
          })}
        </div>
      )}
      <div role="region" aria-label="Component diagnostics, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
        <table className="govuk-table govuk-!-font-size-16" data-testid="component-diagnostics">
          <caption className="govuk-table__caption govuk-table__caption--m">Components</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Component</th>
              <th scope="col" className="govuk-table__header">Weighting</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Alpha</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">KMO</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">First component share</th>
              <th scope="col" className="govuk-table__header">Weights</th>
              <th scope="col" className="govuk-table__header">Notes</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {result.diagnostics.components.map((c) => (
              <tr className="govuk-table__row" key={c.code}>
                <th scope="row" className="govuk-table__header">{n(c.code)}</th>
                <td className="govuk-table__cell">
                  {c.weighting}
                  {c.weightingFallback ? ` (fallback: ${c.weightingFallback})` : ""}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{dp2(c.cronbachAlpha)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{dp2(c.kmo)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{c.firstComponentShare === null ? "Not measured" : percent(c.firstComponentShare)}</td>
                <td className="govuk-table__cell">
                  <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-0">
                    {Object.entries(c.weights).map(([k, w]) => (
                      <li key={k}>
                        {n(k)}: {(w * 100).toFixed(1)}%{c.nonPositiveLoadings.includes(k) ? " (non-positive loading)" : ""}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="govuk-table__cell">{c.notes.length ? c.notes.join("; ") : "None"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="region" aria-label="Indicator diagnostics, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
        <table className="govuk-table govuk-!-font-size-16" data-testid="indicator-diagnostics">
          <caption className="govuk-table__caption govuk-table__caption--m">Indicators (counts of ward-years)</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Indicator</th>
              <th scope="col" className="govuk-table__header">Component</th>
              {["Coverage", "Observed", "Carried forward", "Imputed", "Missing", "At best bound", "At worst bound", "Outliers"].map((h) => (
                <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {result.diagnostics.indicators.map((i) => (
              <tr className="govuk-table__row" key={i.code}>
                <th scope="row" className="govuk-table__header">{n(i.code)}</th>
                <td className="govuk-table__cell">{n(i.component)}</td>
                {[percent(i.coverage), `${i.observed} of ${i.rows}`, i.carried, i.imputed, i.missing, i.clampedUtopia, i.clampedDystopia, i.outliers.count].map((v, k) => (
                  <td className="govuk-table__cell govuk-table__cell--numeric" key={k}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
