import type { Metadata } from "next";
import Link from "next/link";
import { operatorMetadata, operatorPage } from "@/lib/auth/page-guards";
import { findAllCouncils } from "@/lib/councils/operator";
import { findRegionsForOperator } from "@/lib/regions/consent";
import { CreateRegionForm, InviteCouncilForm } from "./region-forms";

export function generateMetadata(): Promise<Metadata> {
  return operatorMetadata({ title: "Regions – operator console" }, "/operator/regions");
}

function status(c: { consentedAt: Date | null; revokedAt: Date | null }): string {
  if (c.consentedAt && !c.revokedAt) return "Sharing";
  if (c.revokedAt) return "Stopped sharing";
  return "Invited";
}

/** Regions, their invited councils and consent status; create regions and invite councils. */
export default async function OperatorRegionsPage() {
  await operatorPage("/operator/regions");
  const [regions, councils] = await Promise.all([findRegionsForOperator(), findAllCouncils()]);
  return (
    <>
      <Link href="/operator" className="govuk-back-link">
        Back to councils
      </Link>
      <span className="govuk-caption-l">Platform operator</span>
      <h1 className="govuk-heading-xl">Regions</h1>
      <p className="govuk-body">A council joins a region only when its administrator consents, on its own sharing settings.</p>
      {regions.map((r) => {
        const invited = new Set(r.consents.map((c) => c.council.slug));
        return (
          <section key={r.id} className="govuk-!-margin-bottom-8" data-testid={`region-${r.slug}`}>
            <h2 className="govuk-heading-m">
              <Link className="govuk-link" href={`/r/${r.slug}`}>
                {r.name}
              </Link>
            </h2>
            {r.description ? <p className="govuk-body">{r.description}</p> : null}
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Invited councils</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Council</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {r.consents.map((c) => (
                  <tr className="govuk-table__row" key={c.id}>
                    <th scope="row" className="govuk-table__header">{c.council.name}</th>
                    <td className="govuk-table__cell">{status(c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <InviteCouncilForm regionId={r.id} regionName={r.name} councils={councils.filter((c) => !invited.has(c.slug)).map((c) => ({ slug: c.slug, name: c.name }))} />
          </section>
        );
      })}
      <h2 className="govuk-heading-m">Create a region</h2>
      <CreateRegionForm />
    </>
  );
}
