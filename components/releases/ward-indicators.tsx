import type { TIndicatorFlag, TScoreRow, TTravel } from "@/lib/spi";
import { score, type TFrameworkShape } from "./format";
import { travelText } from "./ward-scorecard";

const FLAG_TEXT: Record<TIndicatorFlag, string> = { carried: "carried forward", imputed: "imputed", clampedUtopia: "at best bound", clampedDystopia: "at worst bound" };
const nf = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/**
 * Every indicator of one ward for one year: the value as loaded (from the datasets the run used),
 * its 0–100 score, how it was obtained, and its direction of travel.
 */
export function WardIndicators({ framework, row, raw, travel, period }: { framework: TFrameworkShape; row: TScoreRow | undefined; raw: Record<string, number | null>; travel: TTravel | undefined; period: number }) {
  return (
    <div role="region" aria-label="Indicators, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
      <table className="govuk-table govuk-!-font-size-16" data-testid="ward-indicators">
        <caption className="govuk-table__caption govuk-table__caption--m">Indicators, {period}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Indicator</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value as loaded</th>
            <th scope="col" className="govuk-table__header">Better when</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Score (0–100)</th>
            <th scope="col" className="govuk-table__header">How obtained</th>
            <th scope="col" className="govuk-table__header">Direction of travel</th>
          </tr>
        </thead>
        {framework.dimensions.flatMap((d) =>
          d.components.map((c) => (
            <tbody className="govuk-table__body" key={c.code}>
              <tr className="govuk-table__row">
                <th scope="colgroup" colSpan={6} className="govuk-table__header" style={{ background: "#f3f2f1", paddingLeft: 8 }}>
                  {c.name} <span className="govuk-body-s">({d.name})</span>
                </th>
              </tr>
              {c.indicators.map((i) => {
                const flags = row?.flags[i.code] ?? [];
                const reason = row?.reasons[`indicators.${i.code}`];
                const v = raw[i.code];
                return (
                  <tr className="govuk-table__row" key={i.code}>
                    <th scope="row" className="govuk-table__header" style={{ fontWeight: 400 }}>
                      {i.name}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{v === undefined || v === null ? `None for ${period}` : `${nf.format(v)} ${i.unit ?? ""}`}</td>
                    <td className="govuk-table__cell">{i.direction === -1 ? "lower" : "higher"}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{score(row?.indicators[i.code])}</td>
                    <td className="govuk-table__cell">{reason ?? (flags.length ? flags.map((f) => FLAG_TEXT[f]).join(", ") : "observed")}</td>
                    <td className="govuk-table__cell">{travelText(travel?.indicators[i.code])}</td>
                  </tr>
                );
              })}
            </tbody>
          )),
        )}
      </table>
    </div>
  );
}
