/**
 * The framework edition's definition as the public pages and open data read it, and the
 * licence and attribution every published artefact carries. Pure: no I/O.
 */

export interface TPublicIndicator {
  code: string;
  name: string;
  unit?: string;
  /** 1: higher is better; -1: lower is better */
  direction?: number;
  utopia?: number;
  dystopia?: number;
  boundsRationale?: string;
  source?: string;
  transform?: unknown;
}

export interface TPublicFramework {
  id?: string;
  edition?: string;
  name?: string;
  carryForwardYears?: number;
  clamp?: boolean;
  dimensions: Array<{
    code: string;
    name: string;
    components: Array<{ code: string; name: string; weighting?: string; maxMissing?: number; indicators: TPublicIndicator[] }>;
  }>;
}

export const LICENCE = {
  name: "OGL-UK-3.0",
  path: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  title: "Open Government Licence v3.0",
} as const;

/** The attribution statement required by the OGL and the boundary data. */
export const ATTRIBUTION =
  "Contains public sector information licensed under the Open Government Licence v3.0. Source: Greater London Authority, " +
  "London Datastore (Ward Profiles and Atlas). Contains National Statistics data © Crown copyright and database right 2014. " +
  "Contains OS data © Crown copyright and database right 2014.";

export interface TIndicatorInfo extends TPublicIndicator {
  component: string;
  componentName: string;
  dimension: string;
  dimensionName: string;
}

/** Every indicator of the framework with its component and dimension, in framework order. */
export function frameworkIndicators(f: TPublicFramework): TIndicatorInfo[] {
  return f.dimensions.flatMap((d) =>
    d.components.flatMap((c) => c.indicators.map((i) => ({ ...i, component: c.code, componentName: c.name, dimension: d.code, dimensionName: d.name }))),
  );
}

/** Code → display name for the index, every dimension, component and indicator. */
export function frameworkNames(f: TPublicFramework): Record<string, string> {
  const names: Record<string, string> = { index: "Social Progress Index" };
  for (const d of f.dimensions) {
    names[d.code] = d.name;
    for (const c of d.components) {
      names[c.code] = c.name;
      for (const i of c.indicators) names[i.code] = i.name;
    }
  }
  return names;
}

/** "Higher is better" / "Lower is better". */
export function directionText(direction: number | undefined): string {
  return direction === -1 ? "Lower is better" : "Higher is better";
}
