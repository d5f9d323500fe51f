/** A GOV.UK table's header row from column labels; `numeric` columns are right-aligned. */
export function TableHead({ columns }: { columns: Array<string | { label: string; numeric?: boolean }> }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((c) => {
          const col = typeof c === "string" ? { label: c } : c;
          return (
            <th key={col.label} scope="col" className={`govuk-table__header${col.numeric ? " govuk-table__header--numeric" : ""}`}>
              {col.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
