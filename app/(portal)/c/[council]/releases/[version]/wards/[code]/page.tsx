import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrendChart } from "@/components/charts/trend-chart";
import { TrendTable } from "@/components/charts/trend-table";
import { scoreColumns } from "@/components/releases/format";
import { WardIndicators } from "@/components/releases/ward-indicators";
import { StrengthsWeaknesses, WardScorecard } from "@/components/releases/ward-scorecard";
import { WardMap } from "@/components/map/ward-map";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import type { TCouncilContext } from "@/lib/auth/require-council";
import { CouncilNav } from "../../../../council-nav";
import { loadRelease, param } from "../../load-release";
import { loadRawValues } from "./raw-values";

type TProps = {
  params: Promise<{ council: string; version: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(ctx: TCouncilContext, version: string, code: string) {
  const data = await loadRelease(ctx, version);
  const ward = data.wards.find((w) => w.code === code);
  if (!ward || !data.result.areas.includes(code)) notFound();
  return { data, ward };
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council, version, code } = await params;
  return councilMetadata(council, "release:read", async (ctx) => {
    const { data, ward } = await load(ctx, version, code);
    return { title: `${ward.name} – release ${data.release.version} – ${ctx.council.name}` };
  });
}

/** One ward's scorecard in a release: scores, peers, travel, uncertainty and trends. */
export default async function WardScorecardPage({ params, searchParams }: TProps) {
  const { council, version, code } = await params;
  const sp = await searchParams;
  const ctx = await councilPage(council, "release:read", `/c/${council}/releases/${version}/wards/${code}`);
  const { data, ward } = await load(ctx, version, code);
  const { result, framework, names } = data;
  const base = `/c/${ctx.council.slug}/releases/${data.release.version}`;
  const periodParam = Number(param(sp.period));
  const period = data.run.periods.includes(periodParam) ? periodParam : Math.max(...data.run.periods);
  const rows = result.scores.filter((r) => r.area === code && data.run.periods.includes(r.period)).sort((a, b) => a.period - b.period);
  const row = rows.find((r) => r.period === period);
  const cols = scoreColumns(framework);
  const indicators = framework.dimensions.flatMap((d) => d.components.flatMap((c) => c.indicators));
  const indicator = indicators.find((i) => i.code === param(sp.indicator)) ?? indicators[0];
  const raw = await loadRawValues(ctx.db, data.run.datasetIds, code);

  const mainSeries = cols.filter((c) => c.level !== "component").map((c) => ({ key: c.code, name: c.name }));
  const compSeries = cols.filter((c) => c.level === "component").map((c) => ({ key: c.code, name: c.name }));
  const trendRows = rows.map((r) => ({ period: r.period, index: r.index, ...r.dimensions, ...r.components }));
  const indRows = rows.map((r) => ({ period: r.period, score: r.indicators[indicator.code] ?? null, raw: raw.get(r.period)?.[indicator.code] ?? null }));
  const indSeries = [{ key: "score", name: `${indicator.name} (score 0–100)` }];

  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="releases" />
      <Link className="govuk-back-link" href={`${base}?tab=scores&period=${period}`}>
        Release {data.release.version}: all wards
      </Link>
      <span className="govuk-caption-l">
        Release {data.release.version}: {data.release.title}
      </span>
      <h1 className="govuk-heading-xl">{ward.name}</h1>
      <form method="get" className="govuk-!-margin-bottom-4">
        <div className="govuk-form-group govuk-!-margin-bottom-2">
          <label className="govuk-label govuk-label--s" htmlFor="period">
            Year
          </label>
          <select className="govuk-select" id="period" name="period" defaultValue={String(period)}>
            {[...data.run.periods].sort((a, b) => b - a).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>{" "}
          <input type="hidden" name="indicator" value={indicator.code} />
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Show year
          </button>
        </div>
      </form>
      <WardScorecard
        row={row}
        cols={cols}
        wardCount={data.wards.length}
        travel={result.travel.find((t) => t.area === code)}
        scorecard={result.strengthsWeaknesses.find((s) => s.area === code)}
        uncertainty={result.uncertainty?.areas.find((u) => u.area === code)}
        uncertaintyPeriod={result.uncertainty?.period ?? null}
      />
      <p className="govuk-body">
        <Link className="govuk-link" href={`${base}?tab=comments&ward=${code}`}>
          Comment on {ward.name}
        </Link>
      </p>
      <h2 className="govuk-heading-l">Strengths and weaknesses</h2>
      <StrengthsWeaknesses scorecard={result.strengthsWeaknesses.find((s) => s.area === code)} names={names} wardNames={data.wardNames} />
      <h2 className="govuk-heading-l">Trends</h2>
      <TrendChart rows={trendRows} series={mainSeries} testId="trend-main" />
      <TrendTable caption={`${ward.name}: index and dimensions by year (0–100)`} rows={trendRows} series={mainSeries} testId="trend-main-table" />
      <TrendChart rows={trendRows} series={compSeries.slice(0, 6)} />
      {compSeries.length > 6 && <TrendChart rows={trendRows} series={compSeries.slice(6)} />}
      <div role="region" aria-label="Component trends, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
        <TrendTable caption={`${ward.name}: components by year (0–100)`} rows={trendRows} series={compSeries} />
      </div>
      <h3 className="govuk-heading-m">One indicator over time</h3>
      <form method="get" className="govuk-!-margin-bottom-4" data-testid="indicator-choice">
        <input type="hidden" name="period" value={period} />
        <div className="govuk-form-group govuk-!-margin-bottom-2">
          <label className="govuk-label govuk-label--s" htmlFor="indicator">
            Indicator
          </label>
          <select className="govuk-select" id="indicator" name="indicator" defaultValue={indicator.code}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>{" "}
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Show indicator
          </button>
        </div>
      </form>
      <TrendChart rows={indRows} series={indSeries} />
      <TrendTable
        caption={`${ward.name}: ${indicator.name} by year`}
        rows={indRows}
        series={[...indSeries, { key: "raw", name: `Value as loaded (${indicator.unit ?? ""})` }]}
        dp={2}
        testId="trend-indicator-table"
      />
      <WardIndicators framework={framework} row={row} raw={raw.get(period) ?? {}} travel={result.travel.find((t) => t.area === code)} period={period} />
      <WardMap
        title={`Where ${ward.name} is`}
        areas={data.wards.map((w) => ({ code: w.code, name: w.name, geometry: w.geometry as never, value: null, href: `${base}/wards/${w.code}?period=${period}` }))}
        selectedCode={code}
        showTable={false}
      />
    </>
  );
}
