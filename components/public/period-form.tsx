/** A GET form choosing the year a page shows; works without JavaScript. */
export function PeriodForm({ periods, period, preview, hidden = {} }: { periods: number[]; period: number; preview: boolean; hidden?: Record<string, string> }) {
  return (
    <form method="get" className="govuk-!-margin-bottom-4 lspi-no-print">
      {preview && <input type="hidden" name="preview" value="1" />}
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="govuk-form-group govuk-!-margin-bottom-2">
        <label className="govuk-label govuk-label--s" htmlFor="period">
          Year
        </label>
        <select className="govuk-select" id="period" name="period" defaultValue={String(period)}>
          {[...periods].reverse().map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Show year
        </button>
      </div>
    </form>
  );
}
