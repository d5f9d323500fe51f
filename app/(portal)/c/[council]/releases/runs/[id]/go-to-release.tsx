"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * When a run finishes, move on to its draft release. Done in the browser: a server redirect
 * thrown while the page is being refreshed in the background is not a reliable navigation.
 */
export function GoToRelease({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => {
    router.replace(href);
  }, [href, router]);
  return (
    <div className="govuk-panel govuk-panel--confirmation" role="status">
      <h2 className="govuk-panel__title">Scoring finished</h2>
      <div className="govuk-panel__body">
        <Link className="govuk-link govuk-link--inverse" href={href}>
          Open the draft release
        </Link>
      </div>
    </div>
  );
}
