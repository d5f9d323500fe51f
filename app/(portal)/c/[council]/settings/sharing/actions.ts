"use server";

import { councilAction } from "@/lib/actions/define";
import { giveRegionConsent, revokeRegionConsent, ZConsentForm } from "@/lib/regions/consent";

export const giveRegionConsentAction = councilAction({
  name: "region.giveConsent",
  input: ZConsentForm,
  permission: "settings:manage",
  handler: async (ctx, input) => {
    const r = await giveRegionConsent(ctx, ctx.requestId, input.regionId);
    return { regionId: r.regionId };
  },
  revalidate: ["/c/:council/settings/sharing"],
});

export const revokeRegionConsentAction = councilAction({
  name: "region.revokeConsent",
  input: ZConsentForm,
  permission: "settings:manage",
  handler: async (ctx, input) => {
    const r = await revokeRegionConsent(ctx, ctx.requestId, input.regionId);
    return { regionId: r.regionId };
  },
  revalidate: ["/c/:council/settings/sharing"],
});
