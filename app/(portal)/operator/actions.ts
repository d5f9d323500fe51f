"use server";

import { userAction } from "@/lib/actions/define";
import { onboardFromConsole, ZOnboardForm } from "@/lib/councils/operator";

export const onboardCouncilAction = userAction({
  name: "operator.onboardCouncil",
  operatorOnly: true,
  input: ZOnboardForm,
  handler: ({ user, requestId }, input) => onboardFromConsole(user, requestId, input),
  revalidate: ["/operator"],
});
