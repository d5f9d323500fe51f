/**
 * The "London wards 2015" framework edition: dimensions, components and indicators, each
 * with the derivation of its values from the GLA Ward Atlas 2015. Why each one is in (and
 * what was left out) is written up in data/frameworks/london-wards-2015/README.md.
 */
import type { DimensionDef } from "./london-indicator-helpers";
import { BASIC_HUMAN_NEEDS } from "./london-indicators-bhn";
import { FOUNDATIONS_OF_WELLBEING } from "./london-indicators-fow";
import { OPPORTUNITY } from "./london-indicators-opp";

export type {
  ComponentDef,
  DimensionDef,
  IndicatorDef,
} from "./london-indicator-helpers";

export const DIMENSIONS: DimensionDef[] = [
  BASIC_HUMAN_NEEDS,
  FOUNDATIONS_OF_WELLBEING,
  OPPORTUNITY,
];

export const ALL_INDICATORS = DIMENSIONS.flatMap((d) =>
  d.components.flatMap((c) =>
    c.indicators.map((i) => ({ ...i, component: c.name, dimension: d.name })),
  ),
);
