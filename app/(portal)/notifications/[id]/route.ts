import { NextResponse, type NextRequest } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { openNotification } from "@/lib/notifications/inbox";

/**
 * Following a notification: mark it read and go where it leads. The list links here with plain
 * <a> elements (never next/link, whose prefetching would mark everything read on sight). Someone
 * else's notification is a plain 404, like anything else that is not theirs.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user) return seeOther(`/sign-in?callbackUrl=${encodeURIComponent("/notifications")}`);
  const href = await openNotification(prisma, user.id, id);
  if (!href) return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return seeOther(href);
}

/**
 * A relative Location (RFC 9110 allows it): behind a proxy, or on 127.0.0.1, the host Next.js
 * reconstructs for request.url may not be the one the browser used, and would lose the session.
 */
function seeOther(path: string) {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
