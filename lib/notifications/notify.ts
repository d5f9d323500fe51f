import type { TScopedTx } from "@/lib/db/scoped";
import { getEnv } from "@/lib/env";

export interface TNotice {
  councilId: string;
  userIds: string[];
  kind: "release.submitted" | "release.changes_requested" | "release.approved" | "release.published" | "release.comment";
  title: string;
  body: string;
  /** a portal path, e.g. /c/barking-and-dagenham/releases/3 */
  href: string;
}

/**
 * Tell people something needs them: an in-app notification each (listed at /notifications) and
 * an email in the outbox, which lib/background/worker.ts sends over SMTP when configured and the
 * operator can read at /operator/outbox otherwise. Written in the caller's transaction, so a
 * rolled-back change notifies nobody.
 */
export async function notify(tx: TScopedTx, notice: TNotice): Promise<void> {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ councilId: notice.councilId, userId, kind: notice.kind, title: notice.title, body: notice.body, href: notice.href })),
  });
  const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { email: true, name: true } });
  const link = `${getEnv().appUrl}${notice.href}`;
  await tx.outboxEmail.createMany({
    data: users.map((u) => ({
      to: u.email,
      subject: `Local SPI: ${notice.title}`,
      body: [
        `${u.name ? `Dear ${u.name}` : "Hello"},`,
        "",
        notice.body,
        "",
        `Open it in Local SPI: ${link}`,
        "",
        "You are receiving this because you are a member of a council on Local SPI. Your notifications are also listed when you sign in, under Notifications.",
      ].join("\n"),
    })),
  });
}

/** Members of a council holding a role, except some people (e.g. the one who acted). */
export async function membersWithRole(tx: TScopedTx, councilId: string, role: "officer" | "reviewer" | "admin", except: string[] = []) {
  const rows = await tx.membership.findMany({ where: { councilId, roles: { has: role }, userId: { notIn: except } }, select: { userId: true } });
  return rows.map((r) => r.userId);
}
