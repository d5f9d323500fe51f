import { describe, expect, it } from "vitest";
import { councilSummary, dataUrl, esc, nextFocus, ordinal, parseCouncil, parseRelease, parseView, rankOrder, scriptOrigin, wardSummary } from "@/embed/src/helpers";
import { renderView } from "@/embed/src/render";
import type { TEmbedData } from "@/embed/src/types";

const ward = (code: string, name: string, index: number | null, rank: number | null) => ({ code, name, d: "M0,0L1,1Z", index, rank, dimensions: { bhn: index }, indicators: { a: index === null ? null : 100 - index } });
const data: TEmbedData = {
  council: { slug: "demo", name: "Demo <Council>" },
  release: { version: 2, title: "2015", publishAt: "2026-01-01T00:00:00.000Z", isLatest: true },
  period: 2015,
  viewBox: [0, 0, 600, 600],
  dimensions: [{ code: "bhn", name: "Basic Human Needs" }],
  indicators: [{ code: "a", name: "Indicator A" }],
  wards: [ward("W1", "Abbey", 54.2, 2), ward("W2", "Becontree", 60, 1), ward("W3", "Chadwell", 40.55, 3), ward("W4", "Eastbrook", null, null)],
  pagePath: "/p/demo",
  attribution: "OGL",
};

describe("web component helpers", () => {
  it.each([
    [1, "1st"], [2, "2nd"], [3, "3rd"], [4, "4th"], [11, "11th"], [12, "12th"], [13, "13th"], [21, "21st"], [22, "22nd"], [101, "101st"], [111, "111th"],
  ])("ordinal(%i) = %s", (n, s) => expect(ordinal(n)).toBe(s));

  it("parses attributes defensively", () => {
    expect(parseView("ranking")).toBe("ranking");
    expect(parseView("evil")).toBe("map");
    expect(parseView(null)).toBe("map");
    expect(parseRelease("3")).toBe("3");
    expect(parseRelease("0")).toBe("latest");
    expect(parseRelease("../x")).toBe("latest");
    expect(parseCouncil("havering")).toBe("havering");
    expect(parseCouncil("../api")).toBeNull();
    expect(parseCouncil("")).toBeNull();
  });

  it("takes the data origin from the script, never a third party", () => {
    expect(scriptOrigin("http://127.0.0.1:3100/embed/local-spi.js", "https://council.example")).toBe("http://127.0.0.1:3100");
    expect(scriptOrigin(null, "https://council.example")).toBe("https://council.example");
    expect(scriptOrigin("not a url", "https://x.example")).toBe("https://x.example");
    expect(dataUrl("https://spi.example", "havering", "2")).toBe("https://spi.example/embed/havering/data.json?release=2");
  });

  it("writes the text summaries", () => {
    expect(wardSummary(data, "W1")).toBe("Abbey: Index 54.2 in 2015, ranked 2nd of 3 wards");
    expect(wardSummary(data, "W4")).toBe("Eastbrook: no index in 2015.");
    expect(wardSummary(data, "nope")).toMatch(/No ward/);
    expect(councilSummary(data)).toBe("Demo <Council>, 2015: 3 wards, Index from 40.5 (Chadwell) to 60.0 (Becontree).");
    expect(rankOrder(data).map((w) => w.code)).toEqual(["W2", "W1", "W3"]);
  });

  it("moves focus with arrow keys, wrapping", () => {
    expect(nextFocus("ArrowRight", 3, 4)).toBe(0);
    expect(nextFocus("ArrowLeft", 0, 4)).toBe(3);
    expect(nextFocus("ArrowDown", 1, 4)).toBe(2);
    expect(nextFocus("Home", 2, 4)).toBe(0);
    expect(nextFocus("End", 0, 4)).toBe(3);
    expect(nextFocus("a", 0, 4)).toBeNull();
    expect(nextFocus("ArrowRight", 0, 0)).toBeNull();
  });

  it("escapes text", () => expect(esc(`<a href="x">'&`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;"));
});

describe("renderView", () => {
  const o = { view: "map" as const, ward: null, indicator: null, origin: "https://spi.example", uid: "u1" };
  it("draws one named, focusable ward per path with a legend, a table and the source", () => {
    const { html, css } = renderView(data, o);
    expect(html.match(/<path /g)).toHaveLength(4);
    expect(html).toContain('aria-label="Abbey: 54.2, ranked 2nd of 3"');
    expect(html).toContain('aria-label="Eastbrook: no data"');
    expect(html.match(/tabindex="0"/g)).toHaveLength(1); // roving focus: the map is one Tab stop
    expect(html).toContain("No data (1)");
    expect(html).toContain("<table>");
    expect(html).toContain('href="https://spi.example/p/demo"');
    expect(html).toContain("Demo &#60;Council&#62;");
    expect(html).not.toContain("<Council>");
    expect(css).toContain("--local-spi-c1");
  });
  it("static (iframe) maps make every ward a Tab stop", () => {
    const { html } = renderView(data, { ...o, static: true });
    expect(html.match(/tabindex="0"/g)).toHaveLength(4);
    expect(html).not.toContain('role="button"');
  });
  it("renders ranking, scorecard and indicator views", () => {
    expect(renderView(data, { ...o, view: "ranking" }).html).toMatch(/<td class="n">1<\/td><th scope="row">Becontree/);
    const card = renderView(data, { ...o, view: "scorecard", ward: "W3" }).html;
    expect(card).toContain("Chadwell: Index 40.5 in 2015, ranked 3rd of 3 wards");
    expect(card).toContain("Basic Human Needs");
    const ind = renderView(data, { ...o, view: "indicator", indicator: "a" }).html;
    expect(ind).toContain("Indicator A: indicator score");
    expect(ind).toContain('aria-label="Becontree: 40.0"');
  });
});
