"use client";

import { useMemo, useState } from "react";
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
} from "@tanstack/react-table";

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

export interface TColumnSpec<Row> {
  key: keyof Row & string;
  header: string;
  numeric?: boolean;
  /** another field of the row holding the text to show (sorting still uses `key`) */
  display?: keyof Row & string;
  /** a field holding a same-site URL: the cell becomes a link */
  href?: keyof Row & string;
}

/**
 * A GOV.UK-styled table whose columns sort when their header button is pressed, announcing
 * the order through aria-sort. Works without JavaScript as a plain table (server-rendered).
 */
export function SortableTable<Row extends Record<string, unknown>>({
  caption,
  columns,
  rows,
  initialSort,
  testId,
}: {
  caption: string;
  columns: TColumnSpec<Row>[];
  rows: Row[];
  initialSort?: { key: string; desc?: boolean };
  testId?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [{ id: initialSort.key, desc: !!initialSort.desc }] : []);
  const defs = useMemo(() => {
    const helper = createColumnHelper<typeof features, Row>();
    return helper.columns(
      columns.map((c) =>
        helper.accessor((row: Row) => row[c.key] as never, {
          id: c.key,
          header: c.header,
          sortFn: c.numeric ? "basic" : "alphanumeric",
          sortUndefined: "last",
          // first press sorts ascending, whatever the type: predictable for everyone
          sortDescFirst: false,
          cell: (info) => {
            const row = info.row.original;
            const v = c.display ? row[c.display] : info.getValue();
            const text = v === null || v === undefined ? "No data" : String(v);
            const href = c.href ? row[c.href] : undefined;
            return typeof href === "string" ? (
              <a className="govuk-link" href={href}>
                {text}
              </a>
            ) : (
              text
            );
          },
        }),
      ) as never,
    );
  }, [columns]);
  const table = useTable({ features, columns: defs, data: rows, state: { sorting }, onSortingChange: setSorting });
  const numeric = new Set(columns.filter((c) => c.numeric).map((c) => c.key));

  return (
    <table className="govuk-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        {table.getHeaderGroups().map((group) => (
          <tr className="govuk-table__row" key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={`govuk-table__header${numeric.has(header.column.id) ? " govuk-table__header--numeric" : ""}`}
                  aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                >
                  <button type="button" className="lspi-sort-button" onClick={header.column.getToggleSortingHandler()}>
                    <table.FlexRender header={header} />
                    <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ⇅"}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody className="govuk-table__body">
        {table.getRowModel().rows.map((row) => (
          <tr className="govuk-table__row" key={row.id}>
            {row.getAllCells().map((cell, i) =>
              i === 0 ? (
                <th scope="row" className="govuk-table__header" key={cell.id}>
                  <table.FlexRender cell={cell} />
                </th>
              ) : (
                <td key={cell.id} className={`govuk-table__cell${numeric.has(cell.column.id) ? " govuk-table__cell--numeric" : ""}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
