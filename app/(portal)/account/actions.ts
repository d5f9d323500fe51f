"use server";

import { userAction } from "@/lib/actions/define";
import { changePassword, ZChangePassword } from "@/lib/auth/account";

export const changePasswordAction = userAction({
  name: "account.changePassword",
  input: ZChangePassword,
  handler: ({ user, requestId }, input) => changePassword(user, input, requestId),
  revalidate: ["/account"],
});
