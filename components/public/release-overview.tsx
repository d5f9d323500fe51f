import Link from "next/link";
import { SortableTable } from "@/components/data-table/sortable-table";
import { WardMap } from "@/components/map/ward-map";
import type { TWardGeometry } from "@/lib/geo/types";
import { DOWNLOAD_FILES } from "@/lib/publish/files";
import { PeriodForm } from "./period-form";
import { PublicEmbedPanel } from "./public-embed-panel";
import { PublicReleaseHeader } from "./public-release-header";
import { linkFor, param, type TPublicPage, type TSearchParams } from "./load-public-release";
import { fmt, levelSummaries, pickPeriod } from "./public-format";

/** The release's front page: index map, ward ranking, dimension/component summaries, open data. */
export function ReleaseOverview({ page, sp }: { page: TPublicPage; sp: TSearchParams }) {
  const { data } = page;
  const { result, wards, edition } = data;
  const period = pickPeriod(result.periods, param(sp.period));
  const rows = result.scores.filter((r) => r.period === period);
  const byArea = new Map(rows.map((r) => [r.area, r]));
  const dims = edition.definition.dimensions;
  const wardHref = (code: string) => linkFor(page, `/wards/${code}${period === Math.max(...result.periods) ? "" : `?period=${period}`}`);
  const tableRows = wards
    .filter((w) => byArea.has(w.code))
    .map((w) => {
      const r = byArea.get(w.code)!;
      const row: Record<string, string | number | null> = { name: w.name, href: wardHref(w.code), rank: r.ranks.index, index: r.index === null ? null : Number(r.index.toFixed(1)) };
      for (const d of dims) row[d.code] = r.dimensions[d.code] == null ? null : Number(r.dimensions[d.code]!.toFixed(1));
      return row;
    });
  const summaries = levelSummaries(rows, dims);
  return (
    <>
      <PublicReleaseHeader page={page} section="overview" heading={`Social Progress Index for ${data.council.name}`} />
      {data.release.notes && <p className="govuk-body-l">{data.release.notes}</p>}
      <PeriodForm periods={result.periods} period={period} preview={page.preview} />
      <WardMap
        title={`Social Progress Index by ward, ${period}`}
        description="Scores from 0 to 100; higher is better. Darker wards score higher."
        method="quantile"
        classes={5}
        palette="blue"
        areas={wards.map((w) => ({
          code: w.code,
          name: w.name,
          geometry: w.geometry as TWardGeometry,
          value: byArea.get(w.code)?.index ?? null,
          href: wardHref(w.code),
          valueLabel: byArea.get(w.code)?.index == null ? undefined : `${fmt(byArea.get(w.code)!.index)} (rank ${byArea.get(w.code)!.ranks.index} of ${rows.length})`,
        }))}
      />
      <div role="region" aria-label="Ward ranking, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
        <SortableTable
          caption={`Wards ranked by index, ${period} (1 is best)`}
          testId="ranking-table"
          initialSort={{ key: "rank" }}
          columns={[
            { key: "name", header: "Ward", href: "href" },
            { key: "rank", header: "Rank", numeric: true },
            { key: "index", header: "Index", numeric: true },
            ...dims.map((d) => ({ key: d.code, header: d.name, numeric: true })),
          ]}
          rows={tableRows}
        />
      </div>
      <h2 className="govuk-heading-l">Dimensions and components, {period}</h2>
      <p className="govuk-body">Across the council&apos;s wards: the lowest, middle (median) and highest ward score, 0–100.</p>
      <table className="govuk-table govuk-!-font-size-16" data-testid="summary-table">
        <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">Ward scores by dimension and component</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Score</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Lowest</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Median</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Highest</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {summaries.map((s) => (
            <tr className="govuk-table__row" key={s.code}>
              <th scope="row" className="govuk-table__header" style={s.level === "component" ? { paddingLeft: 20, fontWeight: 400 } : undefined}>
                {s.name}
                {s.level !== "index" && <span className="govuk-visually-hidden"> ({s.level})</span>}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{fmt(s.min)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{fmt(s.median)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{fmt(s.max)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-l">Indicators</h2>
      <ul className="govuk-list" style={{ columns: "2 20em" }}>
        {dims.flatMap((d) => d.components.flatMap((c) => c.indicators)).map((i) => (
          <li key={i.code}>
            <Link className="govuk-link" href={linkFor(page, `/indicators/${i.code}`)}>
              {i.name}
            </Link>
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-l" id="open-data">
        Open data
      </h2>
      <p className="govuk-body">
        Free to reuse under the Open Government Licence v3.0. These addresses never change for release {data.release.version}. The
        <Link className="govuk-link" href="/api/v1/openapi.json"> public API</Link> serves the same figures as JSON.
      </p>
      <ul className="govuk-list govuk-list--bullet" data-testid="downloads">
        {DOWNLOAD_FILES.map((f) => (
          <li key={f.name}>
            <a className="govuk-link" href={`/p/${data.council.slug}/releases/${data.release.version}/download/${f.name}`} download>
              {f.title}
            </a>{" "}
            ({f.format})
          </li>
        ))}
      </ul>
      <PublicEmbedPanel page={page} view="map" />
    </>
  );
}
