import { geoArea } from "d3-geo";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toD3Geometry } from "@/lib/geo/project";
import { DEMO_WARDS_PATH, loadRepoGeoJson } from "@/lib/geo/testing/wards-fixture";
import type { TWardBoundary } from "@/lib/geo/types";
import { validateWardGeoJson } from "@/lib/geo/validate-geojson";
import { WardMap, type TWardMapProps } from "./ward-map";
import { buildWardMapModel } from "./ward-map-model";

type Pos = [number, number];
const sq = (x: number, y: number, s = 0.01): Pos[] => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const INLINE: TWardBoundary[] = ["Abbey", "Alibon", "Becontree", "Chadwell Heath", "Eastbrook", "Eastbury"].map((name, i) => ({
  code: `E050000${26 + i}`,
  name,
  geometry: { type: "Polygon", coordinates: [sq(0.05 + (i % 3) * 0.01, 51.53 + Math.floor(i / 3) * 0.01)] },
}));

function boundaries(): TWardBoundary[] {
  const raw = loadRepoGeoJson(DEMO_WARDS_PATH);
  if (raw === null) return INLINE;
  const r = validateWardGeoJson(raw);
  if (!r.ok) throw new Error("fixture should validate");
  return r.wards;
}

const wards = boundaries();
/** Real, deterministic values: each ward's area in km² (Earth radius 6371 km). */
const areaKm2 = (w: TWardBoundary) => geoArea(toD3Geometry(w.geometry)) * 6371 ** 2;

const render = (props: TWardMapProps) => renderToStaticMarkup(createElement(WardMap, props));
const unescape = (s: string) => s.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => unescape(m[1]));

describe("WardMap (static HTML)", () => {
  const areas = wards.map((w, i) => ({ ...w, value: i === 1 ? null : Math.round(areaKm2(w) * 10) / 10 }));
  const html = render({ areas, title: "Ward area", description: "Square kilometres, 2013 boundaries", classes: 5 });

  it("is a figure with a caption that names the SVG group", () => {
    expect(html).toMatch(/^<figure[^>]*aria-labelledby="([^"]+)"/);
    const svg = /<svg([^>]*)>/.exec(html)?.[1] ?? "";
    expect(svg).toContain('role="group"');
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)?.[1];
    expect(html).toContain(`<span id="${labelledBy}"`);
    expect(html).toMatch(/<figcaption[^>]*><span[^>]*>Ward area<\/span>/);
    const describedBy = /aria-describedby="([^"]+)"/.exec(svg)?.[1];
    expect(html).toContain(`id="${describedBy}"`);
    // trimmed to the wards: full width (600) or full height (720), never both padded bands
    const [, , vw, vh] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? "").split(" ").map(Number);
    expect(vw === 600 || vh === 720).toBe(true);
    expect(svg).toContain(`aspect-ratio:${vw} / ${vh}`);
  });

  it("gives every ward a focusable element with an accessible name", () => {
    const labels = attrs(html, "aria-label");
    expect(labels).toHaveLength(wards.length);
    expect(labels[0]).toMatch(new RegExp(`^${wards[0].name}: \\d+\\.\\d \\(class [1-5] of 5\\)$`));
    expect(labels[1]).toBe(`${wards[1].name}: no data`);
    expect(html.match(/<g tabindex="0" role="img" aria-label=/g)).toHaveLength(wards.length);
  });

  it("names the method in an HTML legend with counts, and a No data entry", () => {
    expect(html).toContain("<p");
    expect(html).toContain(">Quantile classes (5)</p>");
    expect(html).toMatch(/<li[^>]*>.*?<span>No data<\/span> <span[^>]*>\(1 ward\)<\/span><\/li>/);
    const counts = [...html.matchAll(/\((\d+) wards?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(wards.length);
  });

  it("hatches the no-data ward with a pattern defined in the SVG", () => {
    const patternId = /<pattern id="([^"]+)"/.exec(html)?.[1];
    expect(patternId).toBeTruthy();
    expect(html.split(`fill="url(#${patternId})"`).length - 1).toBe(1);
  });

  it("has a status line for hover and focus, and a data table", () => {
    expect(html).toContain('aria-hidden="true">Point to or tab to a ward to see its value.</p>');
    expect(html).toContain("<summary");
    expect(html.match(/<tr>/g)).toHaveLength(wards.length + 1);
  });

  it("uses unique ids", () => {
    const ids = attrs(html, "id");
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("renders links when hrefs are given", () => {
    const linked = render({ areas: areas.map((a) => ({ ...a, href: `/p/lbbd/wards/${a.code}` })), title: "Linked" });
    expect(linked.match(/<a href="\/p\/lbbd\/wards\/E05\d+" aria-label="[^"]+"/g)).toHaveLength(wards.length);
    expect(linked).not.toContain('role="img"');
  });

  it("draws a boundaries-only map when no ward has a value", () => {
    const bare = render({ areas: wards.map((w) => ({ ...w, value: null })), title: "Our wards" });
    expect(bare).toContain(">Boundaries only</p>");
    expect(attrs(bare, "aria-label")).toEqual(wards.map((w) => w.name));
    expect(bare).not.toContain("No data");
    expect(bare).not.toContain("<table");
    expect(bare).not.toContain("url(#");
  });
});

describe("buildWardMapModel", () => {
  const areas = wards.slice(0, 6).map((w, i) => ({ ...w, value: [10, 20, 30, 40, 50, null][i] }));

  it("colours by class with the palette and labels values with valueLabel when given", () => {
    const m = buildWardMapModel(
      areas.map((a, i) => (i === 0 ? { ...a, valueLabel: "10 (lowest)" } : a)),
      { classes: 5, palette: "purple", method: "equal-interval" },
    );
    expect(m.legendTitle).toBe("Equal-interval classes (5)");
    expect(m.wards.map((w) => w.fill)).toEqual(["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f", null]);
    expect(m.wards[0].label).toBe(`${areas[0].name}: 10 (lowest) (class 1 of 5)`);
    expect(m.legend.map((r) => r.label)).toEqual(["10.0 to 18.0", "18.0 to 26.0", "26.0 to 34.0", "34.0 to 42.0", "42.0 to 50.0", "No data"]);
    expect(m.hasNoData).toBe(true);
  });

  it("shrinks the palette with the classes when values tie", () => {
    const m = buildWardMapModel(areas.map((a) => ({ ...a, value: a.value === null ? null : 7 })));
    expect(m.legendTitle).toBe("Quantile classes (1)");
    expect(new Set(m.wards.filter((w) => w.fill).map((w) => w.fill)).size).toBe(1);
  });
});

describe("WardMap selectedCode", () => {
  it("highlights the selected ward and shows its text before any interaction", () => {
    const areas = wards.map((w, i) => ({ ...w, value: i }));
    const html = render({ areas, title: "Selected", selectedCode: wards[2].code });
    const label = attrs(html, "aria-label")[2];
    expect(html).toContain(`aria-hidden="true">${label.replace(/'/g, "&#x27;")}</p>`);
    expect(html.match(/<g aria-hidden="true"[^>]*><path d="([^"]+)"/)?.[1]).toBe(buildWardMapModel(areas).wards[2].d);
  });
});
