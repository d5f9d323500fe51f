import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WardMap, type TWardMapArea } from "@/components/map/ward-map";
import type { TWardGeometry } from "@/lib/geo/types";
import { commonPeriod, indicatorAggregate, scoreAggregate, type TAggregate } from "@/lib/regions/aggregate";
import { findRegion, findRegionMembers } from "@/lib/regions/members";

type TProps = { params: Promise<{ region: string }> };

// Consent and publication are read on every request: revoking consent removes a council at once.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const region = await findRegion((await params).region);
  if (!region) notFound();
  return { title: `${region.name}: regional Social Progress Index` };
}

const f1 = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? v.toFixed(1) : "No data");
const nf = new Intl.NumberFormat("en-GB");

function AggregateCard({ a, id }: { a: TAggregate; id: string }) {
  return (
    <div className="govuk-summary-card" data-testid={`aggregate-${a.method}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={id}>
          {a.method === "score" ? "Score aggregation" : "Indicator aggregation"}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body-s">{a.label}.</p>
        <p className="govuk-heading-l govuk-!-margin-bottom-2">Index {f1(a.index)}</p>
        {a.note ? <p className="govuk-body-s">{a.note}</p> : null}
        <p className="govuk-body-s">
          {a.wards} wards, population {nf.format(a.population)}.
        </p>
      </div>
    </div>
  );
}

/**
 * A region's public page: population-weighted aggregates of its consenting members' LATEST
 * PUBLISHED releases by both methods of SPI-METHOD §6, a map of every member ward, and a table
 * of the member councils.
 */
export default async function RegionPage({ params }: TProps) {
  const region = await findRegion((await params).region);
  if (!region) notFound();
  const { members, pending } = await findRegionMembers(region.id, new Date());
  const period = commonPeriod(members);
  const dims = members[0]?.release.edition.definition.dimensions.map((d) => ({ code: d.code, name: d.name })) ?? [];
  const codes = dims.map((d) => d.code);
  const both = period === null ? [] : [scoreAggregate(members, period, codes), indicatorAggregate(`region:${region.slug}`, members, period, codes)];
  const areas: TWardMapArea[] = members.flatMap((m) => {
    const rows = new Map(m.scores.filter((s) => s.period === period).map((s) => [s.area, s]));
    return m.release.wards
      .filter((w) => w.geometry)
      .map((w) => ({ code: w.code, name: `${w.name} (${m.council.name})`, geometry: w.geometry as TWardGeometry, value: rows.get(w.code)?.index ?? null }));
  });
  return (
    <>
      <span className="govuk-caption-xl">Regional Social Progress Index</span>
      <h1 className="govuk-heading-xl">{region.name}</h1>
      {region.description ? <p className="govuk-body-l">{region.description}</p> : null}
      {members.length === 0 ? (
        <p className="govuk-body" data-testid="no-members">
          No member council shares a published index with {region.name} yet.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Combined from the latest published releases of {members.length} member {members.length === 1 ? "council" : "councils"} that consent to
            share them{period !== null ? `, for ${period}` : ""}. Aggregates are population-weighted; the two methods of the SPI method (§6) are
            shown side by side because they answer slightly different questions.
          </p>
          {period === null ? (
            <p className="govuk-body">The members have no year in common, so no regional figure can be given.</p>
          ) : (
            <section aria-labelledby="agg-h">
              <h2 className="govuk-heading-l" id="agg-h">
                {region.name}, {period}
              </h2>
              {both.map((a) => (
                <AggregateCard key={a.method} a={a} id={`agg-${a.method}`} />
              ))}
              <table className="govuk-table" data-testid="aggregate-dimensions">
                <caption className="govuk-table__caption govuk-table__caption--m">Dimension scores by aggregation method, {period}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Dimension</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Score aggregation</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Indicator aggregation</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {dims.map((d) => (
                    <tr className="govuk-table__row" key={d.code}>
                      <th scope="row" className="govuk-table__header">{d.name}</th>
                      {both.map((a) => (
                        <td key={a.method} className="govuk-table__cell govuk-table__cell--numeric">
                          {f1(a.dimensions[d.code])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <WardMap areas={areas} title={`Social Progress Index of every member ward, ${period ?? ""}`} description="Scores 0 to 100, higher is better. Each council's own published ward scores." />
          <table className="govuk-table" data-testid="region-councils">
            <caption className="govuk-table__caption govuk-table__caption--m">Member councils (score aggregation of each council&apos;s wards)</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Council</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Release</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Wards</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Population</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Index</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {members.map((m) => {
                const a = period === null ? null : scoreAggregate([m], period, codes);
                return (
                  <tr className="govuk-table__row" key={m.council.slug}>
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" href={`/p/${m.council.slug}`}>
                        {m.council.name}
                      </Link>
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{m.releaseVersion}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{m.wards.length}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{a ? nf.format(a.population) : "–"}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{f1(a?.index)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {pending.length > 0 ? (
        <p className="govuk-body-s">Consenting but nothing published yet: {pending.map((p) => p.name).join(", ")}.</p>
      ) : null}
      {/* The embed (web component and iframe) draws one council's release; there is no regional view to embed. */}
      <details className="govuk-details lspi-no-print govuk-!-margin-top-8" data-testid="region-embed-note">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Embed this on your website</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">The regional view cannot be embedded yet: the embed shows one council&apos;s index at a time.</p>
          {members.length > 0 ? (
            <p className="govuk-body">
              Each member council&apos;s page has code to embed its ward map, ranking, scorecards and indicator maps:{" "}
              {members.map((m, i) => (
                <span key={m.council.slug}>
                  {i > 0 ? ", " : ""}
                  <Link className="govuk-link" href={`/p/${m.council.slug}`}>
                    {m.council.name}
                  </Link>
                </span>
              ))}
              .
            </p>
          ) : null}
        </div>
      </details>
    </>
  );
}
