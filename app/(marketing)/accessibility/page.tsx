import type { Metadata } from "next";
import { PageShell } from "@/components/layout/page-shell";

export const metadata: Metadata = { title: "Accessibility statement" };

export default function AccessibilityPage() {
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Accessibility statement for Local SPI</h1>
          <p className="govuk-body">
            We want as many people as possible to be able to use this service. You should be able to change colours, contrast levels
            and fonts using your browser or device settings, zoom in up to 400% without the text spilling off the screen, navigate
            the whole service using just a keyboard or speech recognition software, and listen to it using a screen reader.
          </p>
          <h2 className="govuk-heading-m">Maps</h2>
          <p className="govuk-body">
            Every map has a table with the same information next to it. Each ward on a map can be reached with the Tab key and has a
            name a screen reader announces. Colour is never the only way information is shown.
          </p>
          <h2 className="govuk-heading-m">How we test this service</h2>
          <p className="govuk-body">
            Every page is checked automatically against the Web Content Accessibility Guidelines (WCAG) 2.2 at levels A and AA with
            axe-core each time the service changes, and the main journeys are tested with a keyboard in a real browser.
          </p>
          <h2 className="govuk-heading-m">Compliance status</h2>
          <p className="govuk-body">
            This service aims to be fully compliant with WCAG 2.2 AA. It has not yet been audited by an independent accessibility
            specialist; we will publish the results here when it has.
          </p>
          <h2 className="govuk-heading-m">Reporting problems</h2>
          <p className="govuk-body">
            If you find a problem, tell your council&apos;s Local SPI administrator, who can raise it with us. If you are not happy
            with how we respond, contact the Equality Advisory and Support Service (EASS).
          </p>
        </div>
      </div>
    </PageShell>
  );
}
