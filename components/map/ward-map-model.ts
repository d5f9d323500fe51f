/**
 * Turns WardMap props into plain, serialisable display data: projected paths,
 * fills, accessible names and the legend. No React here, so it is unit-testable
 * and the same model can feed a server-rendered map or an embed.
 */
import { classify, type TClassMethod } from "@/lib/geo/classify";
import { paletteColours, type TPaletteName } from "@/lib/geo/palette";
import { projectWards } from "@/lib/geo/project";
import type { TWardGeometry } from "@/lib/geo/types";

export type TWardMapArea = {
  /** GSS code, unique within the map. */
  code: string;
  name: string;
  /** WGS84, either winding (RFC 7946 or d3). */
  geometry: TWardGeometry;
  /** null = no data for this ward. */
  value: number | null;
  /** Link target; the ward becomes a link. */
  href?: string;
  /** How to show the value, e.g. "54.2 (rank 3 of 17)"; default: value to `decimals` places. */
  valueLabel?: string;
};

export type TWardMapModelOptions = {
  classes?: number;
  method?: TClassMethod;
  /** Interior thresholds for method "fixed". */
  thresholds?: readonly number[];
  palette?: TPaletteName;
  /** Decimal places for values and legend labels, default 1. */
  decimals?: number;
  /** viewBox width; the height follows the wards' shape (at most `maxHeight`). */
  width?: number;
  maxHeight?: number;
};

export type TWardView = {
  code: string;
  name: string;
  href?: string;
  d: string;
  /** Fill colour, or null for the "No data" hatch. */
  fill: string | null;
  /** Accessible name, and the visible status text on hover/focus. */
  label: string;
  valueText: string | null;
  /** 1-based class, null for no data / boundaries only. */
  classNumber: number | null;
};

export type TLegendRow = { key: string; label: string; count: number; fill: string | null };

export type TWardMapModel = {
  viewBox: [number, number, number, number];
  wards: TWardView[];
  /** "Boundaries only" when no ward has a value, else e.g. "Quantile classes (5)". */
  legendTitle: string;
  boundariesOnly: boolean;
  /** Number of value classes (0 for boundaries only). */
  classCount: number;
  legend: TLegendRow[];
  hasNoData: boolean;
};

/** Light grey fill for boundaries-only maps (GOV.UK light grey). */
export const BOUNDARY_FILL = "#f3f2f1";

/**
 * Builds the display model. Classification and palette rules are those of
 * lib/geo (quantile by default, 5 classes, ColorBrewer Blues). Wards keep
 * input order, which is the Tab order.
 */
export function buildWardMapModel(areas: readonly TWardMapArea[], opts: TWardMapModelOptions = {}): TWardMapModel {
  const decimals = opts.decimals ?? 1;
  const width = opts.width ?? 600;
  const projected = projectWards(areas, { width, height: opts.maxHeight ?? 720, padding: 6 });
  const values = areas.map((a) => a.value);
  const boundariesOnly = values.every((v) => v === null || !Number.isFinite(v));
  const classification = boundariesOnly
    ? null
    : classify(values, { method: opts.method ?? "quantile", classes: opts.classes ?? 5, thresholds: opts.thresholds, decimals });
  const colours = classification ? paletteColours(opts.palette ?? "blue", classification.classCount) : [];
  const k = classification?.classCount ?? 0;

  const wards = areas.map((area, i): TWardView => {
    const cls = classification?.classOf[i] ?? null;
    const valueText = cls === null ? null : (area.valueLabel ?? (area.value as number).toFixed(decimals));
    const label = boundariesOnly
      ? area.name
      : cls === null
        ? `${area.name}: no data`
        : `${area.name}: ${valueText} (class ${cls + 1} of ${k})`;
    return {
      code: area.code,
      name: area.name,
      href: area.href,
      d: projected.areas[i].d,
      fill: boundariesOnly ? BOUNDARY_FILL : cls === null ? null : colours[cls],
      label,
      valueText,
      classNumber: cls === null ? null : cls + 1,
    };
  });

  const legend: TLegendRow[] = classification
    ? classification.legend.map((c) => ({ key: `c${c.index}`, label: c.label, count: c.count, fill: colours[c.index] }))
    : [{ key: "boundary", label: "Ward boundary", count: areas.length, fill: BOUNDARY_FILL }];
  const noData = classification?.noDataCount ?? 0;
  if (noData > 0) legend.push({ key: "nodata", label: "No data", count: noData, fill: null });

  return {
    viewBox: projected.viewBox,
    wards,
    legendTitle: classification ? classification.methodLabel : "Boundaries only",
    boundariesOnly,
    classCount: k,
    legend,
    hasNoData: noData > 0,
  };
}

/** "7 wards" / "1 ward", for legend counts. */
export function wardCountText(n: number): string {
  return n === 1 ? "1 ward" : `${n} wards`;
}
