"use server";

import { z } from "zod";
import { userAction } from "@/lib/actions/define";
import { recordAudit } from "@/lib/audit/record";
import { kickBackgroundWork, sendDueEmails } from "@/lib/background/worker";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { retryFailedEmails } from "@/lib/notifications/mailer";

export const sendOutboxNowAction = userAction({
  name: "operator.sendOutboxNow",
  operatorOnly: true,
  input: z.object({}),
  handler: async () => {
    const report = await sendDueEmails();
    if (!report) {
      throw new AppError("PRECONDITION", "Email is not set up, so nothing can be sent. Set SMTP_URL and SMTP_FROM and restart the service; until then the emails wait here.");
    }
    return report;
  },
  revalidate: ["/operator/outbox"],
});

export const retryFailedEmailsAction = userAction({
  name: "operator.retryFailedEmails",
  operatorOnly: true,
  // the scope is explicit, so "all" is never what an empty form means
  input: z.discriminatedUnion("scope", [z.object({ scope: z.literal("all") }), z.object({ scope: z.literal("one"), id: z.string().min(1).max(64) })]),
  handler: async ({ user, requestId }, input) => {
    const id = input.scope === "one" ? input.id : undefined;
    const count = await retryFailedEmails(prisma, id ? [id] : undefined);
    await recordAudit(prisma, { councilId: null, actorId: user.id, action: "outbox.retried", entityType: "OutboxEmail", entityId: id ?? null, data: { count }, requestId });
    kickBackgroundWork();
    return { count };
  },
  revalidate: ["/operator/outbox"],
});
