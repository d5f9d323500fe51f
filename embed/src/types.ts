/**
 * The JSON the web component and the iframe pages read (/embed/<council>/data.json). Built on the
 * server from one published release (app/embed/_lib/embed-data.ts); ward shapes arrive as SVG
 * path strings already projected there, so the browser script needs no map library.
 */
export interface TEmbedWard {
  code: string;
  name: string;
  /** SVG path data in viewBox units */
  d: string;
  /** Index score 0–100 (1 dp) in `period`, or null */
  index: number | null;
  /** 1 = best; null when the ward has no index */
  rank: number | null;
  /** Dimension code → score (1 dp) */
  dimensions: Record<string, number | null>;
  /** Indicator code → indicator score 0–100 (1 dp), higher is better */
  indicators: Record<string, number | null>;
}

export interface TEmbedData {
  council: { slug: string; name: string };
  release: { version: number; title: string; publishAt: string; isLatest: boolean };
  /** The year shown (the release's latest period) */
  period: number;
  /** [minX, minY, width, height] */
  viewBox: [number, number, number, number];
  dimensions: Array<{ code: string; name: string }>;
  indicators: Array<{ code: string; name: string }>;
  wards: TEmbedWard[];
  /** Absolute path of the council's public page on this service */
  pagePath: string;
  attribution: string;
}

export type TEmbedView = "map" | "scorecard" | "ranking" | "indicator";

export interface TEmbedOptions {
  view: TEmbedView;
  ward: string | null;
  indicator: string | null;
  /** base URL (origin) links point at, "" for same-origin */
  origin: string;
  /** element id prefix, unique per instance */
  uid: string;
  /** server-rendered without script (iframe pages): every ward is a Tab stop, not a button */
  static?: boolean;
}
