import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/layout/pagination";
import { dateTime } from "@/components/releases/format";
import { userPage } from "@/lib/auth/page-guards";
import { prisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { listNotifications } from "@/lib/notifications/inbox";
import { MarkAllRead } from "./mark-all-read";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ show?: string; page?: string }> }) {
  const user = await userPage("/notifications");
  const sp = await searchParams;
  const unreadOnly = sp.show === "unread";
  const list = await listNotifications(prisma, user.id, { unreadOnly, page: Number(sp.page) || 1 });
  const qs = (page: number) => `/notifications?${new URLSearchParams({ ...(unreadOnly ? { show: "unread" } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return (
    <>
      <h1 className="govuk-heading-xl">Notifications</h1>
      <p className="govuk-body" data-testid="unread-summary">
        {list.unread === 0 ? "You have no unread notifications." : `You have ${list.unread} unread notification${list.unread === 1 ? "" : "s"}.`}{getEnv().SMTP_URL ? " Each one is also emailed to you." : ""}
      </p>
      <nav aria-label="Which notifications" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list lspi-inline-list">
          <li>
            <Link className="govuk-link govuk-link--no-visited-state" href="/notifications" aria-current={unreadOnly ? undefined : "page"}>
              {unreadOnly ? "All" : <strong>All</strong>}
            </Link>
          </li>
          <li>
            <Link className="govuk-link govuk-link--no-visited-state" href="/notifications?show=unread" aria-current={unreadOnly ? "page" : undefined}>
              {unreadOnly ? <strong>Unread ({list.unread})</strong> : `Unread (${list.unread})`}
            </Link>
          </li>
        </ul>
      </nav>
      {list.unread > 0 && <MarkAllRead />}
      {list.items.length === 0 ? (
        <p className="govuk-body" data-testid="no-notifications">
          {unreadOnly ? "Nothing unread." : "Nothing yet. You will be told here when a release needs your review, when changes are requested, when a release is approved or published, and when someone comments."}
        </p>
      ) : (
        <ul className="govuk-list lspi-notifications" data-testid="notifications">
          {list.items.map((n) => (
            <li key={n.id} className={`lspi-notification${n.readAt ? "" : " lspi-notification--unread"}`} data-testid="notification">
              <p className="govuk-body-s govuk-!-margin-bottom-1 lspi-secondary-text">
                {!n.readAt && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-right-2">New</strong>}
                {n.council.name} · <time dateTime={n.createdAt.toISOString()}>{dateTime.format(n.createdAt)}</time>
              </p>
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                {/* a plain link, not next/link: prefetching this route would mark it read */}
                <a className="govuk-link govuk-link--no-visited-state" href={`/notifications/${n.id}`}>
                  {n.title}
                </a>
              </h2>
              <p className="govuk-body govuk-!-margin-bottom-0">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pages={list.pages} href={qs} label="Notification pages" />
    </>
  );
}
