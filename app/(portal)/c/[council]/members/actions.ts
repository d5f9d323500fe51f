"use server";

import { z } from "zod";
import { councilAction } from "@/lib/actions/define";
import { ROLES } from "@/lib/auth/permissions";
import { addMember, removeMember, updateMemberRoles } from "@/lib/members/members";

const ZRoles = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : ([] as unknown[]).concat(v)),
  z.array(z.enum(ROLES, { message: "Choose a role from the list" })).min(1, "Choose at least one role"),
);

export const addMemberAction = councilAction({
  name: "members.add",
  permission: "members:manage",
  input: z.object({
    email: z.string().trim().toLowerCase().email("Enter an email address in the correct format, like name@council.gov.uk").max(320),
    name: z.string().trim().max(120).optional(),
    roles: ZRoles,
  }),
  handler: (ctx, input) => addMember(ctx, input),
  revalidate: ["/c/:council/members", "/c/:council/audit"],
});

export const updateMemberRolesAction = councilAction({
  name: "members.updateRoles",
  permission: "members:manage",
  input: z.object({ membershipId: z.string().min(1), roles: ZRoles }),
  handler: (ctx, input) => updateMemberRoles(ctx, input),
  revalidate: ["/c/:council/members", "/c/:council/audit"],
});

export const removeMemberAction = councilAction({
  name: "members.remove",
  permission: "members:manage",
  input: z.object({ membershipId: z.string().min(1) }),
  handler: (ctx, input) => removeMember(ctx, input),
  revalidate: ["/c/:council/members", "/c/:council/audit"],
});
