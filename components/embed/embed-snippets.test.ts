import { describe, expect, it } from "vitest";
import { accessibilityStatement, embedPath, iframeSnippet, webComponentSnippet } from "./embed-snippets";

describe("embed snippets", () => {
  const base = { origin: "https://spi.example", council: "havering" };
  it("web component snippet names the script and the element's attributes", () => {
    expect(webComponentSnippet({ ...base, view: "map" })).toBe('<script src="https://spi.example/embed/local-spi.js" defer></script>\n<local-spi council="havering" view="map"></local-spi>');
    expect(webComponentSnippet({ ...base, view: "scorecard", arg: "E05000310", release: 2 })).toContain('view="scorecard" ward="E05000310" release="2"');
    expect(webComponentSnippet({ ...base, view: "indicator", arg: 'x"y' })).toContain('indicator="x&quot;y"');
  });
  it("iframe paths and snippet", () => {
    expect(embedPath({ council: "havering", view: "map" })).toBe("/embed/havering");
    expect(embedPath({ council: "havering", view: "ranking", release: 3 })).toBe("/embed/havering/ranking?release=3");
    expect(embedPath({ council: "havering", view: "indicator", arg: "a b" })).toBe("/embed/havering/indicator/a%20b");
    expect(iframeSnippet({ ...base, view: "scorecard", arg: "E05000310" }, "Havering")).toContain('height="480"');
    expect(iframeSnippet({ ...base, view: "map" }, "Havering")).toMatch(/^<iframe src="https:\/\/spi.example\/embed\/havering" title="Havering Social Progress Index: ward map"/);
  });
  it("accessibility statement names the council, WCAG 2.2 AA and no cookies", () => {
    const t = accessibilityStatement("Havering", "https://spi.example");
    expect(t).toContain("Havering");
    expect(t).toContain("WCAG) 2.2 at level AA");
    expect(t).toContain("no cookies");
    expect(accessibilityStatement("Havering", "https://spi.example", "havering")).toContain("council's page at https://spi.example/p/havering and");
  });
});
