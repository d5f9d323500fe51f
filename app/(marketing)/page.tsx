import Link from "next/link";
import { PageShell } from "@/components/layout/page-shell";

export default function LandingPage() {
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Local Social Progress Index for your wards</h1>
          <p className="govuk-body-l">
            Commission, build, approve and publish a ward-level Social Progress Index: around 50 outcome indicators, grouped into 12
            components and 3 dimensions, scored from 0 to 100.
          </p>
          <p className="govuk-body">
            Barking and Dagenham built the first ward-level index in 2018 with months of skilled data-science time. Local SPI turns that
            method into a repeatable service: upload your ward data in a published format, check it against a row-by-row validation
            report, score it with a tested engine, have your insight team review and approve it, and publish scorecards, maps and open
            data.
          </p>
          <Link href="/sign-in" role="button" draggable={false} className="govuk-button govuk-button--start" data-module="govuk-button">
            Sign in
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </Link>
          <h2 className="govuk-heading-m">How it works</h2>
          <ol className="govuk-list govuk-list--number">
            <li>Your council&apos;s officers upload ward data in the standard input format.</li>
            <li>The service validates every row, strips personal data and deletes the raw upload once it is loaded.</li>
            <li>The scoring engine computes the index, with diagnostics, direction of travel and uncertainty.</li>
            <li>A reviewer who did not prepare the data approves the release (four-eyes).</li>
            <li>The approved release is published as scorecards, maps, open data and an API.</li>
          </ol>
          <p className="govuk-body">
            <Link className="govuk-link" href="/about">
              About the index and the demo data
            </Link>
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" href="/p">
              Published indices
            </Link>
          </p>
        </div>
      </div>
    </PageShell>
  );
}
