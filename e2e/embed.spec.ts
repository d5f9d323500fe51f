import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, HAVERING, LBBD } from "./support";

/*
 * The <local-spi> web component on a plain HTML page served from ANOTHER origin (a tiny
 * node:http server on its own loopback port), the iframe pages, the framing headers, and the
 * regional page.
 */

let host: Server;
let hostOrigin = "";
let appOrigin = "";
const cookieRequests: string[] = [];

function hostPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council site</title></head><body><main><h1>Our council</h1>${body}</main><script src="${appOrigin}/embed/local-spi.js"></script></body></html>`;
}

const PAGES: Record<string, string> = {
  "/map": `<local-spi council="${LBBD}" view="map"></local-spi>`,
  "/ranking": `<local-spi council="${HAVERING}" view="ranking"></local-spi>`,
  "/scorecard": `<local-spi council="${LBBD}" view="scorecard" ward="E05000026"></local-spi>`,
  "/indicator": `<local-spi council="${LBBD}" view="indicator"></local-spi>`,
  "/iframe": `<iframe src="APP/embed/${LBBD}" title="Barking and Dagenham index" width="800" height="800"></iframe>`,
  "/iframe-portal": `<iframe src="APP/sign-in" title="Portal" width="400" height="300"></iframe>`,
};

test.beforeAll(async ({ baseURL }) => {
  appOrigin = new URL(baseURL!).origin;
  host = createServer((req, res) => {
    const body = PAGES[req.url ?? ""];
    res.writeHead(body ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
    res.end(body ? hostPage(body.replace("APP", appOrigin)) : "not found");
  });
  await new Promise<void>((r) => host.listen(0, "127.0.0.1", r));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  expect(hostOrigin).not.toBe(appOrigin);
});

test.afterAll(() => new Promise<void>((r) => host.close(() => r())));

async function openHost(page: Page, path: string) {
  page.on("request", (req) => {
    if (req.url().startsWith(appOrigin) && req.headers()["cookie"]) cookieRequests.push(req.url());
  });
  await page.context().addCookies([{ name: "probe", value: "1", url: appOrigin }]); // would leak if credentials were sent
  await page.goto(`${hostOrigin}${path}`);
}

for (const view of ["map", "ranking", "scorecard", "indicator"]) {
  test(`web component renders the ${view} view on another origin, without cookies, accessibly`, async ({ page }) => {
    await openHost(page, `/${view}`);
    const el = page.locator("local-spi");
    await expect(el.locator(".lspi .src")).toContainText("Local Social Progress Index");
    if (view === "map" || view === "indicator") await expect(el.locator("svg path[data-i]").first()).toBeVisible();
    if (view === "ranking") await expect(el.locator("tbody tr")).toHaveCount(18);
    if (view === "scorecard") await expect(el.locator(".s")).toContainText(/Index \d+\.\d in \d{4}, ranked \d+(st|nd|rd|th) of 17 wards/);
    expect(cookieRequests).toEqual([]);
    await expectAccessible(page);
  });
}

test("the map is keyboard-navigable: Tab reaches it, arrows move, Enter summarises", async ({ page }) => {
  await openHost(page, "/map");
  const el = page.locator("local-spi");
  await expect(el.locator("svg path[data-i]")).toHaveCount(17);
  const first = el.locator('svg path[data-i="0"]');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (await first.evaluate((n) => n.getRootNode() instanceof ShadowRoot && (n.getRootNode() as ShadowRoot).activeElement === n)) break;
  }
  await expect(first).toBeFocused();
  const name0 = await first.getAttribute("aria-label");
  expect(name0).toMatch(/^.+: \d+\.\d, ranked \d+(st|nd|rd|th) of 17$/);
  await page.keyboard.press("ArrowRight");
  await expect(el.locator('svg path[data-i="1"]')).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(el.locator('svg path[data-i="1"]')).toHaveAttribute("aria-pressed", "true");
  await expect(el.locator(".s")).toContainText(/Index \d+\.\d in \d{4}, ranked/);
  await page.keyboard.press("End");
  await expect(el.locator('svg path[data-i="16"]')).toBeFocused();
  // the table alternative
  await el.locator("summary").click();
  await expect(el.locator("table tbody tr")).toHaveCount(17);
});

test("iframe pages are framable from another origin; portal pages are not", async ({ page, request }) => {
  const embed = await request.get(`/embed/${LBBD}`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()["content-security-policy"]).toBe("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  for (const path of ["/", "/sign-in", `/p/${LBBD}`, `/r/north-east-london`, "/operator"]) {
    const r = await request.get(path, { maxRedirects: 0 });
    expect(r.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(r.headers()["x-frame-options"], path).toBe("DENY");
  }
  const data = await request.get(`/embed/${LBBD}/data.json`);
  expect(data.headers()["access-control-allow-origin"]).toBe("*");
  expect(data.headers()["set-cookie"]).toBeUndefined();

  await page.goto(`${hostOrigin}/iframe`);
  const frame = page.frameLocator("iframe");
  await expect(frame.locator(".lspi svg path[data-i]")).toHaveCount(17);
  await page.goto(`${appOrigin}/embed/${LBBD}`);
  await expectAccessible(page);
  for (const v of ["ranking", "scorecard/E05000026", "indicator"]) {
    await page.goto(`${appOrigin}/embed/${HAVERING}/${v === "scorecard/E05000026" ? "scorecard" : v}`);
    await expectAccessible(page);
  }
  await page.goto(`${hostOrigin}/iframe-portal`);
  const portalFrame = page.frames().find((f) => f.url().includes("/sign-in"));
  // a refused frame stays empty (chrome-error) — it never shows the sign-in form
  expect(await (portalFrame?.locator("form").count() ?? Promise.resolve(0))).toBe(0);
});

test("the regional page shows both councils and both aggregation methods, labelled", async ({ page }) => {
  await page.goto("/r/north-east-london");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("North East London");
  const table = page.getByTestId("region-councils");
  await expect(table).toContainText("Barking and Dagenham");
  await expect(table).toContainText("Havering");
  await expect(page.getByTestId("aggregate-score")).toContainText("Score aggregation: population-weighted mean");
  await expect(page.getByTestId("aggregate-indicator")).toContainText("Indicator aggregation: population-weighted mean of each indicator");
  await expect(page.locator("figure svg path, figure svg a").first()).toBeVisible();
  await expectAccessible(page);
});
