import { expect, test } from "@playwright/test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expectAccessible, signIn } from "./support";

const dir = mkdtempSync(path.join(tmpdir(), "lspi-e2e-"));

function boroughFile(laCode: string): string {
  const all = JSON.parse(readFileSync("prisma/seed-data/london-wards-2013.geojson", "utf8"));
  const fc = { type: "FeatureCollection", features: all.features.filter((f: { properties: { lad_code: string } }) => f.properties.lad_code === laCode) };
  const file = path.join(dir, `${laCode}.geojson`);
  writeFileSync(file, JSON.stringify(fc));
  return file;
}

test("an operator onboards a council from a GeoJSON of its wards, and a bad file is explained", async ({ page }) => {
  await signIn(page, "operator@localspi.example");
  await page.goto("/operator");
  await expect(page.getByTestId("councils-table")).toContainText("London Borough of Havering");
  await expectAccessible(page);

  // a file with a duplicated ward code and British National Grid coordinates
  const bad = {
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { ward_code: "E05000100", ward_name: "One" }, geometry: { type: "Polygon", coordinates: [[[0.1, 51.5], [0.11, 51.5], [0.11, 51.51], [0.1, 51.5]]] } },
      { type: "Feature", properties: { ward_code: "E05000100", ward_name: "Two" }, geometry: { type: "Polygon", coordinates: [[[545000, 185000], [546000, 185000], [546000, 186000], [545000, 185000]]] } },
    ],
  };
  const badFile = path.join(dir, "bad.geojson");
  writeFileSync(badFile, JSON.stringify(bad));
  const form = page.getByTestId("onboard-form");
  await form.getByLabel("Council name").fill("London Borough of Newham");
  await form.getByLabel("Web address name").fill("newham");
  await form.getByLabel("Local-authority code").fill("E09000025");
  await form.getByLabel("Ward boundary year").fill("2013");
  await form.getByLabel("Ward boundaries (GeoJSON)").setInputFiles(badFile);
  await form.getByRole("button", { name: "Onboard council" }).click();
  const problems = page.getByTestId("geojson-problems");
  await expect(problems).toContainText("E05000100");
  await expect(problems).toContainText(/British National Grid|EPSG:27700/);
  await expectAccessible(page);

  // the real file: Newham's 20 wards of 2013
  await form.getByLabel("Council name").fill("London Borough of Newham");
  await form.getByLabel("Web address name").fill("newham");
  await form.getByLabel("Local-authority code").fill("E09000025");
  await form.getByLabel("Ward boundary year").fill("2013");
  await form.getByLabel("Ward boundaries (GeoJSON)").setInputFiles(boroughFile("E09000025"));
  await form.getByLabel("First administrator's email address (optional)").fill(`admin.${Date.now()}@newham.example`);
  await form.getByRole("button", { name: "Onboard council" }).click();
  await expect(page.getByTestId("action-success")).toContainText("Council onboarded with 20 wards");
  await page.getByRole("link", { name: "Open its portal" }).click();
  await expect(page.getByTestId("ward-table").locator("tbody tr")).toHaveCount(20);
  await expectAccessible(page);
});

test("the operator console does not exist for council users", async ({ page }) => {
  await signIn(page, "admin@lbbd.example");
  const res = await page.goto("/operator");
  expect(res?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found – Local SPI");
});
