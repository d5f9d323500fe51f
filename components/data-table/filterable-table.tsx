"use client";

import { useMemo, useState } from "react";
import { SortableTable, type TColumnSpec } from "./sortable-table";

export interface TFilterSpec<Row> {
  key: keyof Row & string;
  label: string;
  /** text for the "no filter" option, e.g. "All severities" */
  all: string;
}

/**
 * A SortableTable with a select per filter above it. The filters are a GET form, so without
 * JavaScript "Apply filters" reloads the page with them in the query (pass them back as
 * `initialFilters`); with JavaScript the rows filter as soon as a select changes.
 */
export function FilterableTable<Row extends Record<string, unknown>>({
  caption,
  columns,
  rows,
  filters,
  initialFilters = {},
  initialSort,
  testId,
  noun = ["row", "rows"],
}: {
  caption: string;
  columns: TColumnSpec<Row>[];
  rows: Row[];
  filters: TFilterSpec<Row>[];
  initialFilters?: Record<string, string | undefined>;
  initialSort?: { key: string; desc?: boolean };
  testId?: string;
  /** singular and plural of what a row is, for "Showing 3 of 10 problems" */
  noun?: [string, string];
}) {
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(filters.map((f) => [f.key, initialFilters[f.key] ?? ""])),
  );
  const options = useMemo(
    () =>
      Object.fromEntries(
        filters.map((f) => [
          f.key,
          [...new Set(rows.map((r) => r[f.key]).filter((v) => v !== null && v !== undefined && v !== "").map(String))].sort((a, b) =>
            a.localeCompare(b, "en-GB", { numeric: true }),
          ),
        ]),
      ),
    [rows, filters],
  );
  const visible = useMemo(
    () => rows.filter((r) => filters.every((f) => !chosen[f.key] || String(r[f.key] ?? "") === chosen[f.key])),
    [rows, filters, chosen],
  );
  return (
    <>
      <form method="get" className="govuk-!-margin-bottom-4" data-testid={testId ? `${testId}-filters` : undefined}>
        <div className="govuk-grid-row">
          {filters.map((f) => (
            <div className="govuk-grid-column-one-quarter" key={f.key}>
              <div className="govuk-form-group govuk-!-margin-bottom-2">
                <label className="govuk-label govuk-label--s" htmlFor={`filter-${f.key}`}>
                  {f.label}
                </label>
                <select
                  className="govuk-select govuk-!-width-full"
                  id={`filter-${f.key}`}
                  name={f.key}
                  value={chosen[f.key]}
                  onChange={(e) => setChosen((c) => ({ ...c, [f.key]: e.target.value }))}
                >
                  <option value="">{f.all}</option>
                  {options[f.key].map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ))}
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Apply filters
        </button>
      </form>
      <p className="govuk-body" aria-live="polite" data-testid={testId ? `${testId}-count` : undefined}>
        Showing {visible.length} of {rows.length} {rows.length === 1 ? noun[0] : noun[1]}
      </p>
      <SortableTable caption={caption} columns={columns} rows={visible} initialSort={initialSort} testId={testId} />
    </>
  );
}
