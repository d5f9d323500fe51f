"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/define";
import { prisma } from "@/lib/db/client";
import { markAllRead } from "@/lib/notifications/inbox";

export const markAllReadAction = userAction({
  name: "notifications.markAllRead",
  input: z.object({}),
  handler: async ({ user }) => ({ marked: await markAllRead(prisma, user.id) }),
  // the header's unread count is in the portal layout
  revalidate: ["/notifications"],
});
