import type { Metadata } from "next";
import Link from "next/link";
import { TableHead } from "@/components/data-table/table-head";
import { operatorMetadata, operatorPage } from "@/lib/auth/page-guards";
import { findAllCouncils } from "@/lib/councils/operator";
import { OnboardForm } from "./onboard-form";

export function generateMetadata(): Promise<Metadata> {
  return operatorMetadata({ title: "Operator console" });
}

export default async function OperatorPage() {
  await operatorPage();
  const councils = await findAllCouncils();
  return (
    <>
      <span className="govuk-caption-l">Platform operator</span>
      <h1 className="govuk-heading-xl">Councils</h1>
      <table className="govuk-table" data-testid="councils-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{councils.length} councils on Local SPI</caption>
        <TableHead columns={["Council", "Code", "Boundaries", { label: "Wards", numeric: true }, { label: "Members", numeric: true }]} />
        <tbody className="govuk-table__body">
          {councils.map((c) => (
            <tr className="govuk-table__row" key={c.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" href={`/c/${c.slug}`}>
                  {c.name}
                </Link>
              </th>
              <td className="govuk-table__cell">{c.laCode}</td>
              <td className="govuk-table__cell">{c.boundaryVintage}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{c.wards}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{c.members}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-l">Onboard a council</h2>
      <p className="govuk-body">
        The boundaries are checked before anything is created: codes must be unique GSS ward codes, every geometry a valid polygon in WGS84.
      </p>
      <OnboardForm />
    </>
  );
}
