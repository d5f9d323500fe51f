import Link from "next/link";
import { notFound } from "next/navigation";
import { SortableTable } from "@/components/data-table/sortable-table";
import { WardMap } from "@/components/map/ward-map";
import type { TWardGeometry } from "@/lib/geo/types";
import { directionText, frameworkIndicators, LICENCE } from "@/lib/publish/framework";
import { findRunObservations } from "@/lib/publish/run-observations";
import { PeriodForm } from "./period-form";
import { PublicEmbedPanel } from "./public-embed-panel";
import { PublicReleaseHeader, yearsText } from "./public-release-header";
import { linkFor, param, type TPublicPage, type TSearchParams } from "./load-public-release";
import { fmt, pickPeriod } from "./public-format";

const FLAG_TEXT: Record<string, string> = { carried: "carried forward", imputed: "imputed", clampedUtopia: "at best bound", clampedDystopia: "at worst bound" };
const nf = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** The indicator exists in the release's framework, or 404. */
export function indicatorOf(page: TPublicPage, code: string) {
  const i = frameworkIndicators(page.data.edition.definition).find((x) => x.code === code);
  if (!i) notFound();
  return i;
}

/** One indicator across the wards: map of scores, table of values, and its definition. */
export async function IndicatorPage({ page, code, sp }: { page: TPublicPage; code: string; sp: TSearchParams }) {
  const { data } = page;
  const ind = indicatorOf(page, code);
  const period = pickPeriod(data.result.periods, param(sp.period));
  const obs = (await findRunObservations(data)).filter((o) => o.indicator === code);
  const raw = new Map(obs.filter((o) => o.period === period).map((o) => [o.area, o.value]));
  const years = [...new Set(obs.filter((o) => o.value !== null).map((o) => o.period))];
  const rows = new Map(data.result.scores.filter((r) => r.period === period).map((r) => [r.area, r]));
  const unit = ind.unit ?? "";
  const tableRows = data.wards
    .filter((w) => rows.has(w.code))
    .map((w) => {
      const r = rows.get(w.code)!;
      const s = r.indicators[code];
      const v = raw.get(w.code);
      return {
        name: w.name,
        href: linkFor(page, `/wards/${w.code}`),
        value: v ?? null,
        valueText: v === null || v === undefined ? "Not in this year's data" : `${nf.format(v)} ${unit}`,
        score: s === null || s === undefined ? null : Number(s.toFixed(1)),
        how: r.reasons[`indicators.${code}`] ?? ((r.flags[code] ?? []).map((f) => FLAG_TEXT[f] ?? f).join(", ") || "observed"),
      };
    });
  return (
    <>
      <Link className="govuk-back-link" href={linkFor(page, "")}>
        All wards
      </Link>
      <PublicReleaseHeader page={page} section="indicator" heading={ind.name} caption={`${data.council.name} · indicator`} />
      <PeriodForm periods={data.result.periods} period={period} preview={page.preview} />
      <WardMap
        title={`${ind.name}: score by ward, ${period}`}
        description="Scores from 0 (worst bound) to 100 (best bound); higher is better whatever the indicator's direction."
        method="quantile"
        palette="blue"
        areas={data.wards.map((w) => ({ code: w.code, name: w.name, geometry: w.geometry as TWardGeometry, value: rows.get(w.code)?.indicators[code] ?? null, href: linkFor(page, `/wards/${w.code}`) }))}
      />
      <div role="region" aria-label="Indicator values, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
        <SortableTable
          caption={`${ind.name} by ward, ${period}`}
          testId="indicator-table"
          initialSort={{ key: "score", desc: true }}
          columns={[
            { key: "name", header: "Ward", href: "href" },
            { key: "value", header: `Value (${unit || "as published"})`, numeric: true, display: "valueText" },
            { key: "score", header: "Score (0–100)", numeric: true },
            { key: "how", header: "How obtained" },
          ]}
          rows={tableRows}
        />
      </div>
      <h2 className="govuk-heading-l">Definition</h2>
      <dl className="govuk-summary-list" data-testid="indicator-definition">
        {[
          ["Code", ind.code],
          ["Component", `${ind.componentName} (${ind.dimensionName})`],
          ["Unit", unit || "—"],
          ["Direction", directionText(ind.direction)],
          ["Source", ind.source ?? "—"],
          ["Years in this release's data", years.length ? yearsText(years) : "None"],
          ["Best bound (utopia)", ind.utopia === undefined ? "—" : `${nf.format(ind.utopia)} ${unit}`],
          ["Worst bound (dystopia)", ind.dystopia === undefined ? "—" : `${nf.format(ind.dystopia)} ${unit}`],
          ["Why these bounds", ind.boundsRationale ?? "—"],
        ].map(([k, v]) => (
          <div className="govuk-summary-list__row" key={k}>
            <dt className="govuk-summary-list__key">{k}</dt>
            <dd className="govuk-summary-list__value">{v}</dd>
          </div>
        ))}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Licence</dt>
          <dd className="govuk-summary-list__value">
            <a className="govuk-link" href={LICENCE.path}>
              {LICENCE.title}
            </a>
          </dd>
        </div>
      </dl>
      <p className="govuk-body">Scores: {fmt(0, 0)} at the worst bound, 100 at the best; values beyond a bound are held at it (clamped).</p>
      <PublicEmbedPanel page={page} view="indicator" arg={code} />
    </>
  );
}
