import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A person's own notifications, across every council they belong to. Notifications are tenant
 * rows (each carries its council), but the list is the person's, not a council's: every query
 * here is keyed by the user's id and keeps only councils they are still a member of, so someone
 * removed from a council stops seeing its news.
 */
type TDb = Pick<PrismaClient, "notification">;

const stillMember = (userId: string) => ({ userId, council: { memberships: { some: { userId } } } });

export const NOTIFICATIONS_PAGE_SIZE = 25;

export async function countUnread(db: TDb, userId: string): Promise<number> {
  return db.notification.count({ where: { ...stillMember(userId), readAt: null } });
}

export async function listNotifications(db: TDb, userId: string, opts: { unreadOnly?: boolean; page?: number } = {}) {
  const where = { ...stillMember(userId), ...(opts.unreadOnly ? { readAt: null } : {}) };
  const [total, unread] = await Promise.all([db.notification.count({ where }), countUnread(db, userId)]);
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
  const items = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: { id: true, kind: true, title: true, body: true, href: true, readAt: true, createdAt: true, council: { select: { name: true, slug: true } } },
  });
  return { items, total, unread, page, pages };
}

/** Only paths inside the portal are followed: never another site, never a protocol-relative URL. */
export function safePortalPath(href: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(href) ? href : "/notifications";
}

/**
 * Open one of the person's notifications: marks it read and returns where it leads, or null
 * when it is not theirs (or they have left its council).
 */
export async function openNotification(db: TDb, userId: string, id: string): Promise<string | null> {
  const n = await db.notification.findFirst({ where: { id, ...stillMember(userId) }, select: { id: true, href: true, readAt: true } });
  if (!n) return null;
  if (!n.readAt) await db.notification.updateMany({ where: { id: n.id, userId, readAt: null }, data: { readAt: new Date() } });
  return safePortalPath(n.href);
}

export async function markAllRead(db: TDb, userId: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { ...stillMember(userId), readAt: null }, data: { readAt: new Date() } });
  return count;
}
