import type { Metadata } from "next";
import { SortableTable } from "@/components/data-table/sortable-table";
import { WardMap } from "@/components/map/ward-map";
import { councilMetadata, councilPage } from "@/lib/auth/page-guards";
import { findWards } from "@/lib/councils/councils";
import { CouncilNav } from "./council-nav";

type TProps = { params: Promise<{ council: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { council } = await params;
  return councilMetadata(council, "council:read", (ctx) => ({ title: `Wards – ${ctx.council.name}` }));
}

const nf = new Intl.NumberFormat("en-GB");

export default async function CouncilHomePage({ params }: TProps) {
  const { council } = await params;
  const ctx = await councilPage(council, "council:read");
  const wards = await findWards(ctx.db, ctx.council.boundaryVintage);
  const total = wards.reduce((s, w) => s + (w.population ?? 0), 0);
  const years = [...new Set(wards.map((w) => w.populationYear).filter((y): y is number => y !== null))];
  const rows = wards.map((w) => ({
    name: w.name,
    code: w.code,
    population: w.population,
    populationLabel: w.population === null ? "No data" : `${nf.format(w.population)}${w.populationYear ? ` (${w.populationYear})` : ""}`,
  }));
  return (
    <>
      <CouncilNav slug={ctx.council.slug} name={ctx.council.name} roles={ctx.roles} viaOperator={ctx.viaOperator} current="home" />
      <h1 className="govuk-heading-xl">Wards</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <p className="lspi-stat">
            <span className="lspi-stat__value">{wards.length}</span> wards ({ctx.council.boundaryVintage} boundaries)
          </p>
        </div>
        <div className="govuk-grid-column-one-third">
          <p className="lspi-stat">
            <span className="lspi-stat__value">{nf.format(total)}</span> residents
            {years.length === 1 ? ` (${years[0]} estimate)` : ""}
          </p>
        </div>
        <div className="govuk-grid-column-one-third">
          <p className="lspi-stat">
            <span className="lspi-stat__value">{ctx.council.laCode}</span> local-authority code
          </p>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <WardMap
            title={`Wards of ${ctx.council.name}`}
            description="Ward boundaries. Scores appear here once a release is approved. Use Tab to move between wards."
            areas={wards.map((w) => ({
              code: w.code,
              name: w.name,
              geometry: w.geometry as never,
              value: null,
              valueLabel: w.population === null ? undefined : `population ${nf.format(w.population)}`,
            }))}
          />
        </div>
      </div>
      <SortableTable
        caption="Wards and their populations"
        testId="ward-table"
        initialSort={{ key: "name" }}
        columns={[
          { key: "name", header: "Ward" },
          { key: "code", header: "GSS code" },
          { key: "population", header: "Population", numeric: true, display: "populationLabel" },
        ]}
        rows={rows}
      />
      <p className="govuk-body-s">
        Population: ONS mid-year estimates and GLA ward projections, via the GLA Ward Profiles and Atlas (Open Government Licence v3.0).
      </p>
    </>
  );
}
