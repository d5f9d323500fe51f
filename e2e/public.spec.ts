import { expect, test } from "@playwright/test";
import { expectAccessible, LBBD, signIn } from "./support";

/*
 * The public pages, open data and API on the seeded releases: Barking and Dagenham release 1
 * (superseded), release 2 (approved, latest) and a draft release 3; Havering release 1.
 * Embargo (approved, not yet public) is covered by tests/integration/publish.test.ts.
 */

const PAGES = [
  "/p",
  `/p/${LBBD}`,
  `/p/${LBBD}/releases`,
  `/p/${LBBD}/releases/1`,
  `/p/${LBBD}/wards/E05000026`,
  `/p/${LBBD}/releases/1/wards/E05000026`,
  `/p/${LBBD}/indicators/crime_rate`,
  `/p/${LBBD}/methodology`,
  "/p/havering",
];

test("every public page renders without an account, sets no cookies and passes axe", async ({ page, context }) => {
  test.setTimeout(240_000);
  for (const path of PAGES) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    expect(res?.headers()["set-cookie"], path).toBeUndefined();
    await expect(page.locator("h1")).toBeVisible();
    await expectAccessible(page);
  }
  expect(await context.cookies()).toEqual([]);
});

test("the latest release shows the map, ranking, correction links and downloads", async ({ page }) => {
  await page.goto(`/p/${LBBD}`);
  await expect(page.getByTestId("release-version")).toContainText("2:");
  await expect(page.getByTestId("supersedes-notice").getByRole("link", { name: "release 1" })).toHaveAttribute("href", `/p/${LBBD}/releases/1`);
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(17);
  await expect(page.getByText(/Quantile/).first()).toBeVisible();
  await page.goto(`/p/${LBBD}/releases/1`);
  await expect(page.getByTestId("corrected-notice")).toContainText("This release was corrected by release 2");
});

test("the map works from the keyboard alone: Tab reaches a ward and shows its name", async ({ page }) => {
  await page.goto(`/p/${LBBD}`);
  const map = page.getByRole("group", { name: /Social Progress Index by ward/ });
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await map.evaluate((m) => m.contains(document.activeElement))) break;
  }
  const focused = map.locator(":focus");
  await expect(focused).toHaveAttribute("aria-label", /^[A-Z][a-z]/);
  const label = (await focused.getAttribute("aria-label"))!;
  await expect(page.getByText(label, { exact: true })).toBeVisible();
});

test("a ward scorecard shows raw values, peers, travel and uncertainty, and prints cleanly", async ({ page }) => {
  await page.goto(`/p/${LBBD}/wards/E05000026`);
  await expect(page.locator("h1")).toHaveText("Abbey");
  await expect(page.getByTestId("ward-indicators")).toContainText("Recorded crime per 1,000 residents");
  await expect(page.getByTestId("ward-uncertainty")).toContainText(/plausibly/);
  await expect(page.getByTestId("strengths-weaknesses")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.lspi-header")).toBeHidden();
  await expect(page.locator("nav.lspi-public-nav")).toBeHidden();
});

test("unpublished releases are not found, even with ?preview=1 when signed out", async ({ page }) => {
  for (const path of [`/p/${LBBD}/releases/3`, `/p/${LBBD}/releases/3?preview=1`, `/p/${LBBD}/releases/3/wards/E05000026`, `/p/no-such-council`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  // a member's preview never reaches a draft either
  await signIn(page, "reviewer@lbbd.example");
  expect((await page.goto(`/p/${LBBD}/releases/3?preview=1`))?.status()).toBe(404);
  expect((await page.goto(`/p/${LBBD}/releases/2?preview=1`))?.status()).toBe(200);
  await expect(page.getByTestId("preview-banner")).toHaveCount(0);
});

test("downloads: CSV, data package and zip at stable URLs with immutable caching", async ({ request }) => {
  const csv = await request.get(`/p/${LBBD}/releases/2/download/scores.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await csv.text()).split("\r\n")[0]).toBe("area,area_name,period,level,code,score,rank");
  const pkg = await (await request.get(`/p/${LBBD}/releases/2/download/datapackage.json`)).json();
  expect(pkg.licenses[0].name).toBe("OGL-UK-3.0");
  const zip = await request.get(`/p/${LBBD}/releases/latest/download/release.zip`);
  expect(zip.headers()["cache-control"]).toBe("public, max-age=300");
  expect((await zip.body()).subarray(0, 4).toString("hex")).toBe("504b0304");
  expect((await request.get(`/p/${LBBD}/releases/3/download/scores.csv`)).status()).toBe(404);
});

test("the API: JSON with CORS, ETag and 304; problems for unknown releases and bad queries", async ({ request }) => {
  const url = `/api/v1/councils/${LBBD}/releases/2/scores?level=index&period=2015`;
  const res = await request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["access-control-allow-origin"]).toBe("*");
  const body = await res.json();
  expect(body.data).toHaveLength(17);
  const etag = res.headers()["etag"];
  expect(etag).toBeTruthy();
  expect((await request.get(url, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  const missing = await request.get(`/api/v1/councils/${LBBD}/releases/3/scores`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/problem+json");
  const bad = await request.get(`/api/v1/councils/${LBBD}/releases/2/scores?limit=100000`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).parameter).toBe("limit");
  const spec = await (await request.get("/api/v1/openapi.json")).json();
  expect(spec.openapi).toBe("3.1.0");
  const councils = await (await request.get("/api/v1/councils")).json();
  expect(councils.data.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining([LBBD, "havering"]));
});

/*
 * "Embed this on your website" on every kind of public release page: preselects the page's own
 * view, pins the release on permalink pages (latest pages follow new releases), previews the
 * real /embed page, is keyboard-operable and accessible when opened, and never prints.
 */
const EMBED_CASES: Array<{ path: string; view: "map" | "ranking" | "scorecard" | "indicator"; arg?: string; release?: number; shows: number; council?: string }> = [
  { path: `/p/${LBBD}`, view: "map", shows: 2 },
  { path: `/p/${LBBD}/releases/1`, view: "map", release: 1, shows: 1 },
  { path: `/p/${LBBD}/wards/E05000026`, view: "scorecard", arg: "E05000026", shows: 2 },
  { path: `/p/${LBBD}/releases/1/wards/E05000026`, view: "scorecard", arg: "E05000026", release: 1, shows: 1 },
  { path: `/p/${LBBD}/indicators/crime_rate`, view: "indicator", arg: "crime_rate", shows: 2 },
  { path: `/p/${LBBD}/releases/2/indicators/crime_rate`, view: "indicator", arg: "crime_rate", release: 2, shows: 2 },
  { path: `/p/${LBBD}/methodology`, view: "map", shows: 2 },
  { path: `/p/${LBBD}/releases/2/methodology`, view: "map", release: 2, shows: 2 },
  { path: "/p/havering", view: "map", shows: 1, council: "havering" },
];

test("every public release page has a closed 'Embed this' panel preselecting its own view, with a live preview, passing axe when open", async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL!).origin;
  for (const c of EMBED_CASES) {
    const council = c.council ?? LBBD;
    await page.goto(c.path);
    const panel = page.getByTestId("embed-panel");
    await expect(panel, c.path).toHaveCount(1);
    await expect(panel, c.path).not.toHaveAttribute("open");
    await expect(panel.getByLabel("What to embed"), c.path).toBeHidden();
    await panel.getByText("Embed this on your website").click();
    await expect(panel.getByLabel("What to embed"), c.path).toHaveValue(c.view);
    if (c.arg) await expect(panel.getByLabel(c.view === "scorecard" ? "Ward" : "Indicator", { exact: true }), c.path).toHaveValue(c.arg);
    const argAttr = c.arg ? ` ${c.view === "scorecard" ? "ward" : "indicator"}="${c.arg}"` : "";
    const relAttr = c.release ? ` release="${c.release}"` : "";
    await expect(panel.getByLabel("Web component code"), c.path).toHaveValue(
      `<script src="${origin}/embed/local-spi.js" defer></script>\n<local-spi council="${council}" view="${c.view}"${argAttr}${relAttr}></local-spi>`,
    );
    const embedPath = `/embed/${council}${c.arg ? `/${c.view}/${c.arg}` : ""}${c.release ? `?release=${c.release}` : ""}`;
    await expect(panel.getByLabel("Iframe code"), c.path).toHaveValue(new RegExp(`^<iframe src="${(origin + embedPath).replace(/[.?/]/g, "\\$&")}" title=`));
    await expect(panel.getByLabel("Accessibility statement text"), c.path).toHaveValue(new RegExp(`WCAG\\) 2\\.2 at level AA[\\s\\S]*${origin}/p/${council} `));
    // the live preview is the real iframe page, inside the panel
    await expect(panel.getByTestId("embed-preview"), c.path).toHaveAttribute("src", embedPath);
    const frame = panel.frameLocator("iframe");
    await expect(frame.locator(".lspi .src"), c.path).toContainText(`release ${c.shows}`);
    if (c.view === "scorecard") await expect(frame.locator(".lspi .s").first(), c.path).toContainText("Abbey");
    else await expect(frame.locator(".lspi svg path[data-i]").first(), c.path).toBeVisible();
    await expectAccessible(page);
  }
  expect(await context.cookies()).toEqual([]);
});

test("the embed panel's choices change the snippet and the preview", async ({ page }) => {
  await page.goto(`/p/${LBBD}/wards/E05000026`);
  const panel = page.getByTestId("embed-panel");
  await panel.getByText("Embed this on your website").click();
  await panel.getByLabel("What to embed").selectOption("ranking");
  await expect(panel.getByLabel("Ward", { exact: true })).toHaveCount(0);
  await expect(panel.getByLabel("Web component code")).toHaveValue(/<local-spi council="barking-and-dagenham" view="ranking"><\/local-spi>$/);
  await expect(panel.frameLocator("iframe").locator(".lspi tbody tr")).toHaveCount(17);
  // back to the page's own view: its ward again
  await panel.getByLabel("What to embed").selectOption("scorecard");
  await expect(panel.getByLabel("Ward", { exact: true })).toHaveValue("E05000026");
  await panel.getByLabel("Ward", { exact: true }).selectOption({ label: "Alibon" });
  await expect(panel.getByLabel("Web component code")).toHaveValue(/view="scorecard" ward="E05000027"><\/local-spi>$/);
  await expect(panel.getByLabel("Web component code")).not.toHaveValue(/E05000026/);
  await expect(panel.frameLocator("iframe").locator(".lspi .s").first()).toContainText("Alibon");
});

test("the embed panel works from the keyboard: open it, reach the copy button, copy", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL!).origin });
  await page.goto(`/p/${LBBD}/wards/E05000026`);
  const panel = page.getByTestId("embed-panel");
  const summary = panel.locator("summary");
  // start from the link just before the panel, then keyboard only
  await page.getByRole("link", { name: `/p/${LBBD}/releases/2/wards/E05000026` }).focus();
  await page.keyboard.press("Tab");
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel).toHaveAttribute("open", "");
  const copy = panel.getByRole("button", { name: "Copy web component code" });
  for (let i = 0; i < 6 && !(await copy.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(copy).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("status").first()).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await panel.getByLabel("Web component code").inputValue());
});

test("the embed panel is not printed, and not inside the framable embed pages", async ({ page }) => {
  await page.goto(`/p/${LBBD}/wards/E05000026`);
  const panel = page.getByTestId("embed-panel");
  await panel.getByText("Embed this on your website").click();
  await expect(panel.getByLabel("Web component code")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(panel).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  for (const path of [`/embed/${LBBD}`, `/embed/${LBBD}/scorecard/E05000026`]) {
    await page.goto(path);
    await expect(page.locator(".lspi").first()).toBeVisible();
    await expect(page.getByTestId("embed-panel")).toHaveCount(0);
  }
});

test("the regional page says it cannot be embedded and points to its members' panels", async ({ page }) => {
  await page.goto("/r/north-east-london");
  await expect(page.getByTestId("embed-panel")).toHaveCount(0);
  const note = page.getByTestId("region-embed-note");
  await note.getByText("Embed this on your website").click();
  await expect(note).toContainText("The regional view cannot be embedded yet");
  await expect(note.getByRole("link", { name: "Barking and Dagenham" })).toHaveAttribute("href", `/p/${LBBD}`);
  await expectAccessible(page);
});
