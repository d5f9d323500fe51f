import { SortableTable, type TColumnSpec } from "@/components/data-table/sortable-table";
import { WardMap } from "@/components/map/ward-map";
import type { TSpiResult } from "@/lib/spi";
import { pick, pickRank, score, scoreColumns, type TFrameworkShape, type TScoreColumn } from "./format";

type TRow = Record<string, string | number | null>;

/**
 * Scores of every ward for one period: a map of one chosen score and a sortable table of the
 * index, dimensions and components with the index rank. Choices travel as GET parameters.
 */
export function ScoresSection({
  base,
  result,
  framework,
  wards,
  period,
  periods,
  scoreCode,
}: {
  base: string;
  result: TSpiResult;
  framework: TFrameworkShape;
  wards: Array<{ code: string; name: string; geometry: unknown }>;
  period: number;
  /** the years the run scored (the result may hold earlier reference years) */
  periods: number[];
  scoreCode: string;
}) {
  const cols = scoreColumns(framework);
  const col: TScoreColumn = cols.find((c) => c.code === scoreCode) ?? cols[0];
  const rows = new Map(result.scores.filter((r) => r.period === period).map((r) => [r.area, r]));
  const n = wards.length;
  const href = (code: string) => `${base}/wards/${code}?period=${period}`;

  const tableRows: TRow[] = wards.map((w) => {
    const r = rows.get(w.code);
    const row: TRow = { ward: w.name, href: href(w.code), rank: r?.ranks.index ?? null };
    for (const c of cols) {
      const v = pick(r, c);
      row[c.code] = v;
      row[`${c.code}__label`] = v === null ? null : v.toFixed(1);
    }
    return row;
  });
  const columns: TColumnSpec<TRow>[] = [
    { key: "ward", header: "Ward", href: "href" },
    { key: "index", header: "Index", numeric: true, display: "index__label" },
    { key: "rank", header: "Index rank", numeric: true },
    ...cols.slice(1).map((c) => ({ key: c.code, header: c.name, numeric: true, display: `${c.code}__label` })),
  ];

  return (
    <section aria-labelledby="scores-heading">
      <h2 className="govuk-heading-l" id="scores-heading">
        Scores for {period}
      </h2>
      <form method="get" action={base} className="govuk-!-margin-bottom-6" data-testid="score-choice">
        <input type="hidden" name="tab" value="scores" />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="period">
              Year
            </label>
            <select className="govuk-select" id="period" name="period" defaultValue={String(period)}>
              {[...periods].sort((a, b) => b - a).map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-grid-column-one-half govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="score">
              Score on the map
            </label>
            <select className="govuk-select" id="score" name="score" defaultValue={col.code}>
              {cols.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.level === "component" ? `– ${c.name}` : c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-grid-column-one-quarter">
            <button type="submit" className="govuk-button govuk-!-margin-top-6">
              Show
            </button>
          </div>
        </div>
      </form>
      <WardMap
        title={`${col.name}, ${period}`}
        description="Scores from 0 (worst) to 100 (best); higher is better. Select a ward for its scorecard. Use Tab to move between wards."
        areas={wards.map((w) => {
          const r = rows.get(w.code);
          const v = pick(r, col);
          const rank = pickRank(r, col);
          return {
            code: w.code,
            name: w.name,
            geometry: w.geometry as never,
            value: v,
            href: href(w.code),
            valueLabel: v === null ? undefined : `${score(v)}${rank ? ` (rank ${rank} of ${n})` : ""}`,
          };
        })}
      />
      <div role="region" aria-label="Scores table, scrolls sideways" tabIndex={0} style={{ overflowX: "auto" }}>
        <SortableTable caption={`Ward scores, ${period} (0–100, higher is better; rank 1 is best)`} testId="scores-table" columns={columns} rows={tableRows} initialSort={{ key: "rank" }} />
      </div>
    </section>
  );
}
