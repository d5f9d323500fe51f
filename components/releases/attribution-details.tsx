import type { TAttribution } from "@/lib/releases/compare";
import { score, signed } from "./format";

/** The full decomposition of one ward × component change, behind a disclosure. */
export function AttributionDetails({ a, names, wardName }: { a: TAttribution; names: Record<string, string>; wardName: string }) {
  const n = (c: string) => names[c] ?? c;
  const title = `${wardName}: ${n(a.component)} ${signed(a.change)} points`;
  return (
    <details className="govuk-details govuk-!-margin-bottom-3">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{title}: contribution of each indicator</span>
      </summary>
      <div className="govuk-details__text">
        <table className="govuk-table govuk-!-font-size-16 govuk-!-margin-bottom-2">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {title} ({score(a.before)} to {score(a.now)})
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Indicator</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Score before</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Score now</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Weight now</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">From the score</th>
              {a.weightsChanged && <th scope="col" className="govuk-table__header govuk-table__header--numeric">From the weight</th>}
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Contribution</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {a.drivers.map((d) => (
              <tr className="govuk-table__row" key={d.indicator}>
                <th scope="row" className="govuk-table__header">
                  {n(d.indicator)}
                  {d.status !== "both" ? ` (${d.status} indicator)` : ""}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{score(d.before)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{score(d.now)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  {(d.weightNow * 100).toFixed(1)}%{a.weightsChanged ? ` (was ${(d.weightBefore * 100).toFixed(1)}%)` : ""}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{signed(d.scoreEffect, 2)}</td>
                {a.weightsChanged && <td className="govuk-table__cell govuk-table__cell--numeric">{signed(d.weightEffect, 2)}</td>}
                <td className="govuk-table__cell govuk-table__cell--numeric">{signed(d.total, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="govuk-body-s">
          Contribution = weight now × (score now − score before){a.weightsChanged ? " + (weight now − weight before) × score before" : ""}.
          {Math.abs(a.residual) >= 0.005 ? ` Not explained by the indicators (missing values, rounding): ${signed(a.residual, 2)}.` : ""}
        </p>
      </div>
    </details>
  );
}
