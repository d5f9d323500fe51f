/**
 * The snippets and statement text of the "Embed this" panel. Pure, so tested in Node.
 */
export type TEmbedPanelView = "map" | "ranking" | "scorecard" | "indicator";

export const VIEW_LABELS: Record<TEmbedPanelView, string> = { map: "Ward map", ranking: "Ward ranking", scorecard: "Ward scorecard", indicator: "Indicator map" };

export interface TSnippetInput {
  /** the service's origin, e.g. "https://localspi.example" */
  origin: string;
  council: string;
  view: TEmbedPanelView;
  /** ward code for scorecard, indicator code for indicator */
  arg?: string | null;
  /** "latest" or a version number */
  release?: string | number;
}

const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** `<script>` + `<local-spi>` element. */
export function webComponentSnippet(i: TSnippetInput): string {
  const extra = i.view === "scorecard" && i.arg ? ` ward="${attr(i.arg)}"` : i.view === "indicator" && i.arg ? ` indicator="${attr(i.arg)}"` : "";
  const rel = i.release && i.release !== "latest" ? ` release="${attr(String(i.release))}"` : "";
  return `<script src="${attr(i.origin)}/embed/local-spi.js" defer></script>\n<local-spi council="${attr(i.council)}" view="${i.view}"${extra}${rel}></local-spi>`;
}

/** The iframe page's path, e.g. /embed/havering/scorecard/E05000310?release=2. */
export function embedPath(i: Omit<TSnippetInput, "origin">): string {
  const tail = (i.view === "scorecard" || i.view === "indicator") && i.arg ? `/${i.view}/${encodeURIComponent(i.arg)}` : i.view === "map" ? "" : `/${i.view}`;
  const rel = i.release && i.release !== "latest" ? `?release=${encodeURIComponent(String(i.release))}` : "";
  return `/embed/${encodeURIComponent(i.council)}${tail}${rel}`;
}

/**
 * Height (CSS px) of an iframe of each view: the whole of a scorecard or ranking of ~20 wards, and
 * the map with its legend (the map itself is at most 70% of the frame's height; its table scrolls).
 */
export const IFRAME_HEIGHT: Record<TEmbedPanelView, number> = { map: 720, indicator: 720, ranking: 820, scorecard: 480 };

/** An `<iframe>` with a title (its accessible name). */
export function iframeSnippet(i: TSnippetInput, councilName: string): string {
  return `<iframe src="${attr(i.origin + embedPath(i))}" title="${attr(`${councilName} Social Progress Index: ${VIEW_LABELS[i.view].toLowerCase()}`)}" width="100%" height="${IFRAME_HEIGHT[i.view]}" style="border:0" loading="lazy"></iframe>`;
}

/** Text a council can paste into its own accessibility statement; `council` (slug) names its public page. */
export function accessibilityStatement(councilName: string, origin: string, council?: string): string {
  return [
    `The ${councilName} Local Social Progress Index on this page is provided by the Local SPI service (${origin}).`,
    "It aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every ward on the map can be reached with the keyboard and has a text name and value; the values are also available as a table; the colours are a colour-blind-safe ColorBrewer scheme with a legend and a hatched pattern for \"no data\".",
    "The embed sets no cookies and loads nothing from third parties.",
    `If you find a problem with it, tell us and we will pass it to the service. The same data is on the council's page at ${origin}/p/${council ? encodeURIComponent(council) : ""} and as open data.`,
  ].join("\n\n");
}
