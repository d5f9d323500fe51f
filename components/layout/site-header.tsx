import Link from "next/link";
import { signOutAction } from "@/app/(auth)/sign-in/actions";

/** Our own mark: three bars for the three dimensions of the index. Not the GOV.UK crown. */
function Mark() {
  return (
    <svg className="lspi-header__mark" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <rect x="2" y="14" width="6" height="12" fill="#e9c46a" />
      <rect x="11" y="8" width="6" height="18" fill="#2a9d8f" />
      <rect x="20" y="2" width="6" height="24" fill="#ffffff" />
    </svg>
  );
}

export type THeaderUser = { email: string; name: string | null; isOperator: boolean; unreadNotifications?: number };

export function SiteHeader({ user }: { user?: THeaderUser | null }) {
  const unread = user?.unreadNotifications ?? 0;
  return (
    <header className="lspi-header" role="banner">
      <div className="govuk-width-container lspi-header__inner">
        <Link href={user ? "/c" : "/"} className="lspi-header__brand">
          <Mark />
          Local SPI
        </Link>
        {user ? (
          <nav className="lspi-header__user" aria-label="Account">
            <span>
              Signed in as <strong>{user.name ?? user.email}</strong>
            </span>
            <Link href="/c" className="govuk-link govuk-link--inverse">
              Your councils
            </Link>
            <Link href="/notifications" className="govuk-link govuk-link--inverse" data-testid="header-notifications">
              Notifications
              {unread > 0 && (
                <span className="lspi-header__count">
                  {unread > 99 ? "99+" : unread}
                  <span className="govuk-visually-hidden"> unread</span>
                </span>
              )}
            </Link>
            {user.isOperator && (
              <Link href="/operator" className="govuk-link govuk-link--inverse">
                Operator console
              </Link>
            )}
            <Link href="/account" className="govuk-link govuk-link--inverse">
              Account
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="lspi-link-button">
                Sign out
              </button>
            </form>
          </nav>
        ) : (
          <nav className="lspi-header__user" aria-label="Account">
            <Link href="/sign-in" className="govuk-link govuk-link--inverse">
              Sign in
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
