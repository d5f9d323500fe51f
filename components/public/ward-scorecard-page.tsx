import Link from "next/link";
import { notFound } from "next/navigation";
import { TrendChart } from "@/components/charts/trend-chart";
import { TrendTable } from "@/components/charts/trend-table";
import { WardMap } from "@/components/map/ward-map";
import { scoreColumns } from "@/components/releases/format";
import { WardIndicators } from "@/components/releases/ward-indicators";
import { StrengthsWeaknesses, WardScorecard } from "@/components/releases/ward-scorecard";
import { frameworkNames } from "@/lib/publish/framework";
import { byPeriod, findRunObservations } from "@/lib/publish/run-observations";
import type { TWardGeometry } from "@/lib/geo/types";
import { PeriodForm } from "./period-form";
import { PublicEmbedPanel } from "./public-embed-panel";
import { PublicReleaseHeader } from "./public-release-header";
import { linkFor, param, type TPublicPage, type TSearchParams } from "./load-public-release";
import { pickPeriod } from "./public-format";
import styles from "./print.module.css";

/** The ward exists in the release, or 404. */
export function wardOf(page: TPublicPage, code: string) {
  const ward = page.data.wards.find((w) => w.code === code);
  if (!ward || !page.data.result.areas.includes(code)) notFound();
  return ward;
}

/**
 * One ward's public scorecard: index, dimensions, components, every indicator with the raw value
 * the run used, peers, direction of travel, trends and uncertainty. Prints as an A4 scorecard.
 */
export async function WardScorecardPage({ page, code, sp }: { page: TPublicPage; code: string; sp: TSearchParams }) {
  const { data } = page;
  const ward = wardOf(page, code);
  const { result } = data;
  const framework = data.edition.definition;
  const names = frameworkNames(framework);
  const wardNames = Object.fromEntries(data.wards.map((w) => [w.code, w.name]));
  const period = pickPeriod(result.periods, param(sp.period));
  const rows = result.scores.filter((r) => r.area === code).sort((a, b) => a.period - b.period);
  const row = rows.find((r) => r.period === period);
  const cols = scoreColumns(framework);
  const raw = byPeriod(await findRunObservations(data, { area: code }));
  const travel = result.travel.find((t) => t.area === code);
  const scorecard = result.strengthsWeaknesses.find((s) => s.area === code);
  const mainSeries = cols.filter((c) => c.level !== "component").map((c) => ({ key: c.code, name: c.name }));
  const compSeries = cols.filter((c) => c.level === "component").map((c) => ({ key: c.code, name: c.name }));
  const trendRows = rows.map((r) => ({ period: r.period, index: r.index, ...r.dimensions, ...r.components }));
  const wardCount = result.scores.filter((r) => r.period === period).length;

  return (
    <div className={styles.scorecard}>
      <Link className="govuk-back-link lspi-no-print" href={linkFor(page, period === Math.max(...result.periods) ? "" : `?period=${period}`)}>
        All wards
      </Link>
      <PublicReleaseHeader page={page} section="ward" heading={ward.name} caption={`${data.council.name} · ward scorecard, ${period}`} />
      <PeriodForm periods={result.periods} period={period} preview={page.preview} />
      <WardScorecard row={row} cols={cols} wardCount={wardCount} travel={travel} scorecard={scorecard} uncertainty={result.uncertainty?.areas.find((u) => u.area === code)} uncertaintyPeriod={result.uncertainty?.period ?? null} />
      <section className={styles.keep}>
        <h2 className="govuk-heading-l">Strengths and weaknesses</h2>
        <StrengthsWeaknesses scorecard={scorecard} names={names} wardNames={wardNames} />
      </section>
      <section className={styles.pageBreak}>
        <h2 className="govuk-heading-l">Every indicator</h2>
        <p className="govuk-body">Values are the figures the index was calculated from, as published by their source; scores run from 0 (worst bound) to 100 (best bound).</p>
        <WardIndicators framework={framework} row={row} raw={raw.get(period) ?? {}} travel={travel} period={period} />
      </section>
      <section className={styles.pageBreak}>
        <h2 className="govuk-heading-l">Trends</h2>
        <TrendChart rows={trendRows} series={mainSeries} testId="trend-main" />
        <TrendTable caption={`${ward.name}: index and dimensions by year (0–100)`} rows={trendRows} series={mainSeries} testId="trend-main-table" />
        <div role="region" aria-label="Component trends, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
          <TrendTable caption={`${ward.name}: components by year (0–100)`} rows={trendRows} series={compSeries} />
        </div>
      </section>
      <div className="lspi-no-print">
        <WardMap
          title={`Where ${ward.name} is`}
          areas={data.wards.map((w) => ({ code: w.code, name: w.name, geometry: w.geometry as TWardGeometry, value: null, href: linkFor(page, `/wards/${w.code}`) }))}
          selectedCode={code}
          showTable={false}
        />
      </div>
      <p className="govuk-body-s">
        Permanent address of this scorecard:{" "}
        <a className="govuk-link" href={`/p/${data.council.slug}/releases/${data.release.version}/wards/${code}`}>
          /p/{data.council.slug}/releases/{data.release.version}/wards/{code}
        </a>
      </p>
      <PublicEmbedPanel page={page} view="scorecard" arg={code} />
    </div>
  );
}
