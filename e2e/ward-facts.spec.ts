import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { expectAccessible, HAVERING, signIn } from "./support";

/*
 * An officer loads ward populations and peer values from an areas file: a mistake is reported by
 * row, the corrected file is applied and the table shows it. The demo's own figures are put back
 * at the end (the same 2013 populations, source and peer values), so other specs see the demo as seeded.
 */

const HAVERING_CODE = "E09000016";
const BROOKLANDS = "E05000306";
const GOOSHAYS = "E05000310";
const YEAR = "2013";

const readCsv = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, "utf8").trim(), { header: true, skipEmptyLines: true }).data;

/** Havering's wards as the demo holds them: names, peer values (areas.csv) and 2013 populations with their source. */
function demoFigures() {
  const areas = readCsv("data/frameworks/london-wards-2015/areas.csv").filter((r) => r.parent_code === HAVERING_CODE);
  const pops = readCsv("prisma/seed-data/ward-populations.csv").filter((r) => r.year === YEAR);
  const rows = areas.map((a) => {
    const p = pops.find((x) => x.area_code === a.area_code)!;
    return { area_code: a.area_code, area_name: a.area_name, parent_code: a.parent_code, population: p.population, peer_value: a.peer_value, source: p.source };
  });
  expect(rows).toHaveLength(18);
  expect(new Set(rows.map((r) => r.source)).size).toBe(1);
  return { rows, source: rows[0].source };
}

const toFile = (rows: Array<Record<string, string>>) =>
  Papa.unparse(
    rows.map(({ area_code, area_name, parent_code, population, peer_value }) => ({ area_code, area_name, parent_code, population, peer_value })),
    { newline: "\r\n" },
  ) + "\r\n";

async function checkFile(page: Page, name: string, csv: string, source: string) {
  await page.getByLabel("Areas file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByLabel("Year the populations are for").fill(YEAR);
  await page.getByLabel("Source of the populations").fill(source);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("areas-file-report")).toContainText(`Checks on ${name}`);
}

async function applyAndExpect(page: Page, population: string, source: string) {
  await expect(page.getByTestId("check-errors")).toHaveCount(0);
  await expect(page.getByTestId("plan-populations")).toContainText("Populations for 2013");
  await expect(page.getByTestId("plan-populations")).toContainText("18 replace the 2013 figures held now (1 different)");
  await expect(page.getByTestId("plan-peer-values")).toContainText("Peer values for 18 wards replace the current ones (0 different from now)");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.getByTestId("action-success")).toContainText("Populations for 2013 were loaded for 18 wards");
  await expect(page).toHaveURL(/\/data\/wards\?updated=1&year=2013/);
  const row = page.getByTestId(`ward-${BROOKLANDS}`);
  await expect(row).toContainText(population);
  await expect(row).toContainText(source);
  await expect(row).toContainText("35,250");
}

test("an officer uploads an areas file, reads the row-numbered report, fixes the mistake and applies it", async ({ page }) => {
  test.setTimeout(120_000);
  const { rows, source: demoSource } = demoFigures();
  await signIn(page, "officer@havering.example");
  await page.goto(`/c/${HAVERING}/data`);
  await page.getByRole("link", { name: "See and update ward populations and peer groups" }).click();
  await expect(page.getByRole("heading", { name: "Ward populations and peer groups", level: 1 })).toBeVisible();
  await expect(page.getByTestId("peer-covariate")).toContainText("Modelled median household income, 2012/13");
  await expect(page.getByTestId("ward-facts").locator("tbody tr")).toHaveCount(18);
  await expect(page.getByLabel("What the peer values measure")).toHaveValue(/Modelled median household income/);
  await expectAccessible(page);

  // one mistake: a ward code with a digit missing, on spreadsheet row 6 (header = row 1)
  const gooshays = rows.findIndex((r) => r.area_code === GOOSHAYS);
  expect(gooshays).toBe(4);
  const changed = rows.map((r) => (r.area_code === BROOKLANDS ? { ...r, population: "16100" } : r));
  const mistaken = changed.map((r, i) => (i === gooshays ? { ...r, area_code: "E0500310" } : r));
  await checkFile(page, "havering-areas.csv", toFile(mistaken), "E2E check of the areas file");
  await expect(page.getByTestId("check-errors")).toContainText("havering-areas.csv has 1 error");
  const problems = page.getByTestId("problems");
  const unknown = problems.locator("tbody tr").filter({ hasText: "is not a ward code of London Borough of Havering" });
  await expect(unknown).toHaveCount(1);
  await expect(unknown.locator("td").first()).toHaveText("6");
  await expect(unknown).toContainText("Did you mean E05000310 (Gooshays)?");
  await expect(problems).toContainText("Gooshays (E05000310) is not in the file");
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toHaveCount(0);
  // the details typed in are kept for the next check
  await expect(page.getByLabel("Year the populations are for")).toHaveValue(YEAR);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("ward-facts-report.png"), fullPage: true });

  // corrected: Brooklands' 2013 population is now 16,100
  await checkFile(page, "havering-areas-fixed.csv", toFile(changed), "E2E check of the areas file");
  await expect(page.getByTestId("report-counts")).toContainText("18 rows read: 0 errors, 0 warnings");
  await expect(page.getByTestId("problems")).toHaveCount(0);
  await applyAndExpect(page, "16,100", "E2E check of the areas file");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("ward-facts-updated.png"), fullPage: true });

  // put the demo's figures back: the same 2013 populations and source, the same peer values
  await page.goto(`/c/${HAVERING}/data/wards`);
  await checkFile(page, "havering-areas-demo.csv", toFile(rows), demoSource);
  await applyAndExpect(page, "16,050", demoSource);
});
