import Link from "next/link";
import { compareReleases, describeAttribution, type TCompareSide } from "@/lib/releases/compare";
import type { TScoreChange } from "@/lib/releases/compare";
import { AttributionDetails } from "./attribution-details";
import { score, signed } from "./format";

/**
 * "What changed since the last approved release, and why": the comparison made, methodology
 * changes, the biggest movers and, for each of them, the indicators that drove the change.
 */
export function ChangesSection({
  base,
  current,
  previous,
  basis,
  names,
  wardNames,
}: {
  base: string;
  current: TCompareSide;
  previous: TCompareSide | null;
  basis: "latest" | "common";
  names: Record<string, string>;
  wardNames: Record<string, string>;
}) {
  if (!previous) {
    return (
      <section aria-labelledby="changes-heading">
        <h2 className="govuk-heading-l" id="changes-heading">
          What changed
        </h2>
        <p className="govuk-body" data-testid="first-release">
          This is the first release: there is no approved release to compare it with. From the next release on, this section shows what
          changed and why.
        </p>
      </section>
    );
  }
  const cmp = compareReleases(current, previous, { basis, topN: 10 });
  const ward = (c: string) => wardNames[c] ?? c;
  const n = (c: string) => names[c] ?? c;
  const top = cmp.movers.cells;
  const attr = (area: string, component: string) => cmp.attributions.find((a) => a.area === area && a.component === component);
  return (
    <section aria-labelledby="changes-heading">
      <h2 className="govuk-heading-l" id="changes-heading">
        What changed since release {previous.version}
      </h2>
      <p className="govuk-body" data-testid="comparison-basis">
        {cmp.basis.description}{" "}
        {cmp.basis.kind === "latest" && cmp.basis.commonPeriods.length > 0 && (
          <Link className="govuk-link" href={`${base}?tab=changes&compare=common`}>
            Compare {cmp.basis.commonPeriods[cmp.basis.commonPeriods.length - 1]} with {cmp.basis.commonPeriods[cmp.basis.commonPeriods.length - 1]} instead
          </Link>
        )}
        {cmp.basis.kind === "common" && (
          <Link className="govuk-link" href={`${base}?tab=changes`}>
            Compare the latest years instead
          </Link>
        )}
      </p>
      <p className="govuk-body">Changes are in points on the 0–100 scale; a positive change is an improvement.</p>

      <h3 className="govuk-heading-m">Methodology</h3>
      {cmp.methodology.length === 0 ? (
        <p className="govuk-body">No change of framework edition, engine, options or weighting.</p>
      ) : (
        <table className="govuk-table" data-testid="methodology-changes">
          <caption className="govuk-table__caption govuk-table__caption--s">Methodology changes</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">What</th>
              <th scope="col" className="govuk-table__header">Release {previous.version}</th>
              <th scope="col" className="govuk-table__header">This release</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {cmp.methodology.map((m) => (
              <tr className="govuk-table__row" key={m.what}>
                <th scope="row" className="govuk-table__header">{m.what.replace(/ (for|of) (\w+)/, (_, p: string, c: string) => ` ${p} ${n(c)}`)}</th>
                <td className="govuk-table__cell">{m.before}</td>
                <td className="govuk-table__cell">{m.now}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">
        {cmp.indicators.added.length === 0 && cmp.indicators.removed.length === 0
          ? "The same indicators are used."
          : [
              cmp.indicators.added.length ? `New indicators: ${cmp.indicators.added.map(n).join(", ")}.` : "",
              cmp.indicators.removed.length ? `Removed indicators: ${cmp.indicators.removed.map(n).join(", ")}.` : "",
            ].join(" ")}
      </p>

      <MoversTable caption="Biggest movers: index" rows={cmp.movers.index} ward={ward} n={n} testId="index-movers" />

      <h3 className="govuk-heading-m">Biggest component changes, and why</h3>
      {top.length === 0 ? (
        <p className="govuk-body">No ward has a component score in both releases for these years.</p>
      ) : (
        <ol className="govuk-list govuk-list--number" data-testid="attribution-sentences">
          {top.map((c) => {
            const a = attr(c.area, c.code);
            return <li key={`${c.area}-${c.code}`}>{a ? describeAttribution(a, names, ward(c.area)) : `${ward(c.area)}: ${n(c.code)} ${signed(c.change)}`}</li>;
          })}
        </ol>
      )}
      {top.map((c) => {
        const a = attr(c.area, c.code);
        return a ? <AttributionDetails key={`${c.area}-${c.code}`} a={a} names={names} wardName={ward(c.area)} /> : null;
      })}

      <h3 className="govuk-heading-m">Biggest movers in each component</h3>
      <table className="govuk-table" data-testid="component-movers">
        <caption className="govuk-table__caption govuk-table__caption--s">The 3 wards whose score changed most, per component</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Component</th>
            <th scope="col" className="govuk-table__header">Wards (change)</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {Object.entries(cmp.movers.byComponent).map(([code, list]) => (
            <tr className="govuk-table__row" key={code}>
              <th scope="row" className="govuk-table__header">{n(code)}</th>
              <td className="govuk-table__cell">{list.slice(0, 3).map((m) => `${ward(m.area)} ${signed(m.change)}`).join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MoversTable({ caption, rows, ward, n, testId }: { caption: string; rows: TScoreChange[]; ward: (c: string) => string; n: (c: string) => string; testId: string }) {
  return (
    <table className="govuk-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Ward</th>
          <th scope="col" className="govuk-table__header">Score</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Before</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Now</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Change</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.length === 0 && (
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" colSpan={5}>No ward has an index score in both releases for these years.</td>
          </tr>
        )}
        {rows.map((m) => (
          <tr className="govuk-table__row" key={`${m.area}-${m.code}`}>
            <th scope="row" className="govuk-table__header">{ward(m.area)}</th>
            <td className="govuk-table__cell">{n(m.code)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{score(m.before)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{score(m.now)}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {signed(m.change)} <span className="govuk-visually-hidden">points</span>
              {m.change !== null && Math.abs(m.change) >= 0.05 ? (m.change > 0 ? " (better)" : " (worse)") : " (same)"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
