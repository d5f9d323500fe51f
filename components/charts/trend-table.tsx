/** The data behind a TrendChart as a table: years as rows, one column per series. */
export function TrendTable({ caption, rows, series, dp = 1, testId }: { caption: string; rows: Array<Record<string, number | null>>; series: Array<{ key: string; name: string }>; dp?: number; testId?: string }) {
  return (
    <table className="govuk-table govuk-!-font-size-16" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Year</th>
          {series.map((s) => (
            <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={s.key}>
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={String(r.period)}>
            <th scope="row" className="govuk-table__header">{r.period}</th>
            {series.map((s) => (
              <td className="govuk-table__cell govuk-table__cell--numeric" key={s.key}>
                {r[s.key] === null || r[s.key] === undefined ? "No data" : (r[s.key] as number).toFixed(dp)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
