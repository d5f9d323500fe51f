"use server";

import { userAction } from "@/lib/actions/define";
import { createRegion, inviteCouncil, ZInviteForm, ZRegionForm } from "@/lib/regions/consent";

export const createRegionAction = userAction({
  name: "operator.createRegion",
  operatorOnly: true,
  input: ZRegionForm,
  handler: async ({ user, requestId }, input) => {
    const r = await createRegion(user, requestId, input);
    return { slug: r.slug };
  },
  revalidate: ["/operator/regions"],
});

export const inviteCouncilAction = userAction({
  name: "operator.inviteCouncilToRegion",
  operatorOnly: true,
  input: ZInviteForm,
  handler: async ({ user, requestId }, input) => {
    const r = await inviteCouncil(user, requestId, input);
    return { id: r.id };
  },
  revalidate: ["/operator/regions"],
});
