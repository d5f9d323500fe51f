import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { yearsText } from "@/components/public/public-release-header";
import { dateFormat } from "@/components/public/load-public-release";
import { isAppError } from "@/lib/errors";
import { findPublishedReleases } from "@/lib/publish/public-release";

type TProps = { params: Promise<{ council: string }> };

async function load(slug: string) {
  try {
    return await findPublishedReleases(slug, new Date());
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return { title: `Releases – ${(await load(council)).council.name}` };
}

/** Every public release of a council, each at its permanent address. */
export default async function PublicReleasesPage({ params }: TProps) {
  const { council } = await params;
  const data = await load(council);
  return (
    <>
      <Link className="govuk-back-link" href={`/p/${council}`}>
        Latest release
      </Link>
      <span className="govuk-caption-l">{data.council.name}</span>
      <h1 className="govuk-heading-xl">Releases</h1>
      <p className="govuk-body">A release never changes once published. A correction is published as a new release that supersedes the old one.</p>
      <table className="govuk-table" data-testid="releases">
        <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Published releases</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Release</th>
            <th scope="col" className="govuk-table__header">Years</th>
            <th scope="col" className="govuk-table__header">Framework</th>
            <th scope="col" className="govuk-table__header">Published</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.releases.map((r) => (
            <tr className="govuk-table__row" key={r.version}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" href={`/p/${council}/releases/${r.version}`}>
                  Release {r.version}: {r.title}
                </Link>
              </th>
              <td className="govuk-table__cell">{yearsText(r.periods)}</td>
              <td className="govuk-table__cell">
                {r.edition.name} ({r.edition.edition})
              </td>
              <td className="govuk-table__cell">{dateFormat.format(r.publishAt)}</td>
              <td className="govuk-table__cell">
                {r.isLatest ? <strong className="govuk-tag govuk-tag--green">Latest</strong> : r.supersededByVersion ? `Corrected by release ${r.supersededByVersion}` : "Earlier release"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
