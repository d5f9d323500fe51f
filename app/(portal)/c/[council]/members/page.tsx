import type { Metadata } from "next";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { can, canGrant, ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { findMembers } from "@/lib/members/members";
import { CouncilNav } from "../council-nav";
import { AddMemberForm, MemberRowForms } from "./member-forms";

type TProps = { params: Promise<{ council: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "members:read", (ctx) => ({ title: `Members – ${ctx.council.name}` }));
}

const df = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

export default async function MembersPage({ params }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(council, "members:read", `/c/${council}/members`);
  const members = await findMembers(ctx.db);
  const manage = ctx.viaOperator || can(ctx.roles, "members:manage");
  const grantable = ROLES.filter((r) => canGrant({ roles: ctx.roles, isOperator: ctx.viaOperator }, r));
  const admins = members.filter((m) => m.roles.includes("admin")).length;
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="members" />
      <h1 className="govuk-heading-xl">Members</h1>
      <p className="govuk-body">
        {members.length} {members.length === 1 ? "person" : "people"} can sign in to {ctx.council.name}&apos;s Local SPI. {admins}{" "}
        {admins === 1 ? "is an administrator" : "are administrators"}; a council always keeps at least one.
      </p>
      <table className="govuk-table" data-testid="members-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Members and roles</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Email address
            </th>
            <th scope="col" className="govuk-table__header">
              Roles
            </th>
            <th scope="col" className="govuk-table__header">
              Added
            </th>
            {manage && (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {members.map((m) => (
            <tr className="govuk-table__row" key={m.id} data-testid={`member-${m.email}`}>
              <th scope="row" className="govuk-table__header">
                {m.name ?? "—"}
              </th>
              <td className="govuk-table__cell">{m.email}</td>
              <td className="govuk-table__cell">
                {m.roles.map((r) => (
                  <strong key={r} className="govuk-tag govuk-tag--grey govuk-!-margin-right-1 govuk-!-margin-bottom-1">
                    {ROLE_LABELS[r]}
                  </strong>
                ))}
              </td>
              <td className="govuk-table__cell lspi-nowrap">{df.format(m.createdAt)}</td>
              {manage && (
                <td className="govuk-table__cell">
                  <MemberRowForms council={ctx.council.slug} membershipId={m.id} email={m.email} roles={m.roles} grantable={grantable} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {manage && (
        <>
          <h2 className="govuk-heading-l">Add a member</h2>
          <AddMemberForm council={ctx.council.slug} grantable={grantable} />
        </>
      )}
    </>
  );
}
