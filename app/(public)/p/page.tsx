import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { dateFormat } from "@/components/public/load-public-release";
import { findPublicCouncils } from "@/lib/publish/public-release";

export const metadata: Metadata = { title: "Published indices" };

/** Every council with at least one public release. */
export default async function PublishedIndicesPage() {
  // rendered per request: which releases are public depends on the time (embargoes)
  await connection();
  const councils = await findPublicCouncils(new Date());
  return (
    <>
      <h1 className="govuk-heading-xl">Published indices</h1>
      <p className="govuk-body-l">Ward-level Social Progress Indices published by councils using Local SPI. Free to reuse under the Open Government Licence.</p>
      {councils.length === 0 ? (
        <p className="govuk-body">No council has published an index yet.</p>
      ) : (
        <table className="govuk-table" data-testid="councils">
          <caption className="govuk-table__caption govuk-table__caption--m">Councils</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Council</th>
              <th scope="col" className="govuk-table__header">Latest release</th>
              <th scope="col" className="govuk-table__header">Published</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {councils.map((c) => (
              <tr className="govuk-table__row" key={c.slug}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" href={`/p/${c.slug}`}>
                    {c.name}
                  </Link>
                </th>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`/p/${c.slug}/releases`}>
                    Release {c.latestVersion}
                    <span className="govuk-visually-hidden"> of {c.name}</span>
                  </Link>{" "}
                  ({c.releaseCount} in all)
                </td>
                <td className="govuk-table__cell">{dateFormat.format(c.latestPublishAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">
        Developers: the same data is available through the <a className="govuk-link" href="/api/v1/openapi.json">public API (OpenAPI 3.1)</a>.
      </p>
    </>
  );
}
