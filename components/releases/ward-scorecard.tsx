import type { TScorecard, TTravel, TTravelEntry, TUncertaintyRow } from "@/lib/spi";
import type { TScoreRow } from "@/lib/spi";
import { pick, pickRank, score, signed, type TScoreColumn } from "./format";

const STATUS: Record<TTravelEntry["status"], string> = { improving: "▲ Improving", stable: "► Stable", worsening: "▼ Worsening" };

/** Direction of travel as words (the arrow is decoration; the word carries the meaning). */
export function travelText(t: TTravelEntry | null | undefined): string {
  if (!t) return "Not enough years";
  return `${STATUS[t.status]} (${signed(t.change)} since ${t.from}; ${signed(t.slope, 2)} a year over ${t.periods} years)`;
}

function peerText(code: string, sw: TScorecard | undefined): string {
  if (!sw) return "Not compared";
  if (sw.strengths.some((s) => s.code === code)) return "Strength";
  if (sw.weaknesses.some((s) => s.code === code)) return "Weakness";
  return "As expected";
}

/** Headline figures of one ward: index, its uncertainty, and every dimension and component. */
export function WardScorecard({
  row,
  cols,
  wardCount,
  travel,
  scorecard,
  uncertainty,
  uncertaintyPeriod,
}: {
  row: TScoreRow | undefined;
  cols: TScoreColumn[];
  wardCount: number;
  travel: TTravel | undefined;
  scorecard: TScorecard | undefined;
  uncertainty: TUncertaintyRow | undefined;
  uncertaintyPeriod: number | null;
}) {
  const travelOf = (c: TScoreColumn) => (c.level === "index" ? travel?.index : c.level === "dimension" ? travel?.dimensions[c.code] : travel?.components[c.code]);
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <p className="lspi-stat" data-testid="ward-index">
            <span className="lspi-stat__value">{score(row?.index)}</span> index score (0–100)
          </p>
        </div>
        <div className="govuk-grid-column-one-third">
          <p className="lspi-stat">
            <span className="lspi-stat__value">{row?.ranks.index ?? "–"}</span> rank of {wardCount} (1 is best)
          </p>
        </div>
        <div className="govuk-grid-column-one-third">
          <p className="govuk-body" data-testid="ward-uncertainty">
            {uncertainty ? (
              <>
                <strong>Uncertainty ({uncertaintyPeriod}):</strong> the index could plausibly be {score(uncertainty.scoreP5)} to {score(uncertainty.scoreP95)} and
                the rank {uncertainty.rankP5} to {uncertainty.rankP95} (5th–95th percentile over alternative weights and bounds).
              </>
            ) : (
              "This run did not estimate uncertainty."
            )}
          </p>
        </div>
      </div>
      <div role="region" aria-label="Ward scores, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
        <table className="govuk-table" data-testid="ward-scores">
          <caption className="govuk-table__caption govuk-table__caption--m">Index, dimensions and components</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Score</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Rank</th>
              <th scope="col" className="govuk-table__header">Against peers</th>
              <th scope="col" className="govuk-table__header">Direction of travel</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {cols.map((c) => (
              <tr className="govuk-table__row" key={c.code}>
                <th scope="row" className="govuk-table__header" style={c.level === "component" ? { paddingLeft: 20, fontWeight: 400 } : undefined}>
                  {c.name}
                  {c.level !== "index" && <span className="govuk-visually-hidden"> ({c.level})</span>}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{score(pick(row, c))}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{pickRank(row, c) ?? "–"}</td>
                <td className="govuk-table__cell">{peerText(c.code, scorecard)}</td>
                <td className="govuk-table__cell">{travelText(travelOf(c))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Strengths and weaknesses against the ward's peers (SPI-METHOD §5). */
export function StrengthsWeaknesses({ scorecard, names, wardNames }: { scorecard: TScorecard | undefined; names: Record<string, string>; wardNames: Record<string, string> }) {
  if (!scorecard) return <p className="govuk-body">Strengths and weaknesses were not computed for this run.</p>;
  const list = (items: TScorecard["strengths"], empty: string) =>
    items.length === 0 ? (
      <p className="govuk-body">{empty}</p>
    ) : (
      <ul className="govuk-list govuk-list--bullet">
        {items.map((i) => (
          <li key={`${i.level}-${i.code}`}>
            {names[i.code] ?? i.code} ({i.level}): {score(i.value)} against a peer median of {score(i.peerMedian)} (typical spread {score(i.peerAad)})
          </li>
        ))}
      </ul>
    );
  return (
    <div data-testid="strengths-weaknesses">
      <p className="govuk-body">
        Compared in {scorecard.period} with {scorecard.peers.length} {scorecard.peerBasis === "covariate" ? "wards most similar on the peer measure" : "other wards of the council"}:{" "}
        {scorecard.peers.map((p) => wardNames[p] ?? p).join(", ")}. A strength is above the peers&apos; median by more than their typical spread; a weakness is below it.
        {scorecard.note ? ` ${scorecard.note}` : ""}
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h3 className="govuk-heading-s">Strengths</h3>
          {list(scorecard.strengths, "No strengths against peers.")}
        </div>
        <div className="govuk-grid-column-one-half">
          <h3 className="govuk-heading-s">Weaknesses</h3>
          {list(scorecard.weaknesses, "No weaknesses against peers.")}
        </div>
      </div>
    </div>
  );
}
