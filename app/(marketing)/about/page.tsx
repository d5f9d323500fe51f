import type { Metadata } from "next";
import { PageShell } from "@/components/layout/page-shell";

export const metadata: Metadata = { title: "About the index" };

export default function AboutPage() {
  return (
    <PageShell>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">About the Local Social Progress Index</h1>
          <p className="govuk-body">
            A Social Progress Index measures how well a place meets people&apos;s needs using social and environmental outcomes only –
            not income or economic output. It follows the Social Progress Imperative&apos;s method: indicators are scaled between a
            best case (utopia) and a worst case (dystopia), combined into 12 components, then 3 dimensions – Basic Human Needs,
            Foundations of Wellbeing and Opportunity – and an overall score from 0 to 100.
          </p>
          <h2 className="govuk-heading-m">The demo data</h2>
          <p className="govuk-body">
            This copy of the service is seeded with two real London boroughs, the London Borough of Barking and Dagenham (17 wards) and
            the London Borough of Havering (18 wards), on their 2013 ward boundaries, with ward populations from the GLA Ward Profiles
            and Atlas.
          </p>
          <p className="govuk-body">
            Contains public sector information licensed under the Open Government Licence v3.0. Source: Greater London Authority, Ward
            Profiles and Atlas (London Datastore); the underlying data come from ONS and other public bodies. Ward boundaries: contains
            National Statistics data © Crown copyright and database right 2014; contains OS data © Crown copyright and database right
            2014; converted to GeoJSON by Martin Chorley (UK-GeoJSON, CC BY 4.0).
          </p>
        </div>
      </div>
    </PageShell>
  );
}
