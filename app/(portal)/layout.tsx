import type { ReactNode } from "react";
import { PageShell } from "@/components/layout/page-shell";
import { getSessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { countUnread } from "@/lib/notifications/inbox";

// The header shows who is signed in. This layout is not a security boundary: every page
// below resolves the user and council itself.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  const unreadNotifications = user ? await countUnread(prisma, user.id) : 0;
  return <PageShell user={user ? { ...user, unreadNotifications } : null}>{children}</PageShell>;
}
