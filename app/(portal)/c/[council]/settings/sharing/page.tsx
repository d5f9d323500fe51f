import type { Metadata } from "next";
import Link from "next/link";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { findRegionInvitations } from "@/lib/regions/consent";
import { ConsentForm } from "./consent-form";

type TProps = { params: Promise<{ council: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "settings:manage", (ctx) => ({ title: `Sharing with regions – ${ctx.council.name}` }));
}

const df = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/** Invitations from regional bodies; an admin gives or revokes consent (settings:manage). */
export default async function SharingPage({ params }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(council, "settings:manage", `/c/${council}/settings/sharing`);
  const invitations = await findRegionInvitations(ctx.db);
  return (
    <>
      <Link href={`/c/${ctx.council.slug}`} className="govuk-back-link">
        Back to {ctx.council.name}
      </Link>
      <h1 className="govuk-heading-xl">Sharing with regions</h1>
      <p className="govuk-body">
        A regional body (for example a health system) can show {ctx.council.name}&apos;s index combined with its other members&apos;. Only your
        published releases are shared, and only while you consent. Stopping removes {ctx.council.name} from the region&apos;s pages at once.
      </p>
      {invitations.length === 0 ? (
        <p className="govuk-body" data-testid="no-invitations">
          No region has invited {ctx.council.name}.
        </p>
      ) : (
        <table className="govuk-table" data-testid="region-invitations">
          <caption className="govuk-table__caption govuk-table__caption--m">Invitations</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Region</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Action</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {invitations.map((i) => (
              <tr className="govuk-table__row" key={i.id}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" href={`/r/${i.region.slug}`}>
                    {i.region.name}
                  </Link>
                </th>
                <td className="govuk-table__cell">
                  {i.isMember
                    ? `Sharing since ${df.format(i.consentedAt!)}`
                    : i.revokedAt
                      ? `Stopped sharing on ${df.format(i.revokedAt)}`
                      : `Invited on ${df.format(i.invitedAt)}; not sharing`}
                </td>
                <td className="govuk-table__cell">
                  <ConsentForm council={ctx.council.slug} regionId={i.regionId} regionName={i.region.name} isMember={i.isMember} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
