import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import Papa from "papaparse";
import { expectAccessible, HAVERING, LBBD, signIn, signOut } from "./support";

const HAVERING_WARD = "E05000306"; // Brooklands, Havering: not a Barking and Dagenham ward

/** The long template as rows, with every value filled in: the middle of the indicator's expected range, varied a little by ward. */
function filledRows(template: string): string[][] {
  const parsed = Papa.parse<string[]>(template.trim(), { skipEmptyLines: true }).data;
  const [header, ...rows] = parsed;
  const col = (name: string) => header.indexOf(name);
  const wards = [...new Set(rows.map((r) => r[col("area_code")]))];
  return [
    header,
    ...rows.map((r) => {
      const [lo, hi] = r[col("expected_range")].split(" (")[0].split(" to ").map(Number);
      const out = [...r];
      out[col("value")] = String(Number((lo + ((hi - lo) * (40 + wards.indexOf(r[col("area_code")]))) / 100).toFixed(3)));
      return out;
    }),
  ];
}

const toCsv = (rows: string[][]) => Papa.unparse(rows, { newline: "\r\n" }) + "\r\n";

async function uploadFile(page: Page, name: string, csv: string, opts: { expectProgress?: boolean } = {}) {
  await expect(page.getByTestId("wizard-step")).toHaveText("Step 2 of 5");
  await page.getByLabel("Upload a file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  if (opts.expectProgress) {
    // hold the server's answer back, so the progress bar can be seen while the file is "in flight"
    await page.route(
      "**/file",
      async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      },
      { times: 1 },
    );
  }
  await page.getByRole("button", { name: "Upload file" }).click();
  if (opts.expectProgress) {
    await expect(page.getByTestId("upload-progress")).toBeVisible();
    await expect(page.getByRole("progressbar")).toBeVisible();
  }
  await expect(page.getByTestId("wizard-step")).toHaveText("Step 3 of 5");
}

test("an officer downloads the template, fixes a file with mistakes, acknowledges warnings and loads it; the raw file is deleted", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  await signIn(page, "officer@lbbd.example");
  await page.goto(`/c/${LBBD}/data`);
  await expect(page.getByRole("heading", { name: "Data", exact: true })).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Long format, CSV" }).first().click();
  const template = readFileSync(await (await download).path(), "utf8");
  expect(template).toContain("E05000026,Abbey,");
  const rows = filledRows(template);
  const period = rows[1][rows[0].indexOf("period")];

  // a file with mistakes: a word for a number, a code that is not a ward, a Havering ward
  const bad = rows.map((r) => [...r]);
  bad[1][bad[0].indexOf("value")] = "lots";
  bad[2][0] = "E05999999";
  bad[3][0] = HAVERING_WARD;
  // the corrected file keeps one exact duplicate row: a warning to acknowledge
  const good = [...rows.slice(0, 2), rows[1], ...rows.slice(2)];

  await page.getByRole("button", { name: "Upload data" }).click();
  await expect(page.getByTestId("wizard-step")).toHaveText("Step 1 of 5");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("action-error")).toContainText("Choose at least one year");
  await page.getByLabel(period, { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expectAccessible(page);

  await uploadFile(page, `mistakes-${stamp}.csv`, toCsv(bad), { expectProgress: true });
  await expectAccessible(page);
  await expect(page.getByLabel("value", { exact: true })).toHaveValue("value");
  await page.getByRole("button", { name: "Save and check the file" }).click();
  await expect(page.getByRole("heading", { name: "Validation report" })).toBeVisible();
  await expect(page.getByTestId("errors-block")).toBeVisible();
  expect(Number(await page.getByTestId("count-errors").locator(".lspi-stat__value").innerText())).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole("button", { name: "Load data" })).toHaveCount(0);
  await expectAccessible(page);

  const problems = page.getByTestId("problems");
  await expect(problems).toContainText("E05999999");
  await expect(problems).toContainText("Havering");
  await page.getByLabel("Severity").selectOption("Error");
  await expect(page.getByTestId("problems-count")).toContainText("Showing");
  for (const cell of await problems.locator("tbody tr th").allInnerTexts()) expect(cell).toBe("Error");
  await expect(problems.locator("tbody tr")).toHaveCount(3);
  await page.getByLabel("Column").selectOption("area_code");
  await expect(problems.locator("tbody tr")).toHaveCount(2);
  await page.getByLabel("Column").selectOption("");

  const csvDownload = page.waitForEvent("download");
  await page.getByTestId("problems-csv").click();
  const problemsCsv = readFileSync(await (await csvDownload).path(), "utf8");
  expect(problemsCsv.split("\r\n")[0]).toBe("row,column,severity,code,area,indicator,period,message,suggestion");
  expect(problemsCsv).toContain("AREA_UNKNOWN");
  expect(problemsCsv).toContain("VALUE_NOT_NUMERIC");

  await page.getByTestId("upload-corrected").click();
  await uploadFile(page, `corrected-${stamp}.csv`, toCsv(good));
  await page.getByRole("button", { name: "Save and check the file" }).click();
  await expect(page.getByRole("heading", { name: "Validation report" })).toBeVisible();
  await expect(page.getByTestId("count-errors")).toContainText("0 errors");
  expect(Number(await page.getByTestId("count-warnings").locator(".lspi-stat__value").innerText())).toBeGreaterThan(0);
  const uploadUrl = new URL(page.url()).pathname;
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("action-error")).toContainText("Confirm that you have read the warnings");
  await page.getByLabel(/I have read the \d+ warnings?/).check();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByTestId("wizard-step")).toHaveText("Step 5 of 5");
  await expect(page.getByTestId("upload-summary")).toContainText(`corrected-${stamp}.csv`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Load data" }).click();
  await expect(page.getByRole("heading", { name: "Data loaded" })).toBeVisible();
  await expect(page.getByTestId("source-deleted")).toHaveText("Deleted after loading");
  const sha = (await page.getByTestId("sha256").innerText()).trim();
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  await expectAccessible(page);

  await page.goto(`/c/${LBBD}/data`);
  const dataset = page.getByTestId(`dataset-corrected-${stamp}.csv`);
  await expect(dataset).toContainText(sha.slice(0, 12));
  await expect(dataset).toContainText("Priya Officer");
  // no longer among the uploads in progress (the list may be gone altogether)
  await expect(page.getByTestId("uploads-in-progress").filter({ hasText: `corrected-${stamp}.csv` })).toHaveCount(0);
  await signOut(page);

  // the audit log (an admin can read it) records the load and the deletion of the source file
  await signIn(page, "admin@lbbd.example");
  await page.goto(`/c/${LBBD}/audit?action=data.source_deleted`);
  await expect(page.locator("body")).toContainText(sha);
  await signOut(page);

  // another council's officer gets 404 on every URL of the upload
  await signIn(page, "officer@havering.example");
  for (const url of [uploadUrl, `${uploadUrl}?view=report`, `${uploadUrl}/problems.csv`]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
  }
  const post = await page.request.post(`${uploadUrl}/file`, { data: "area_code\n", headers: { "Content-Type": "text/csv", "X-Filename": "x.csv" } });
  expect(post.status()).toBe(404);
  expect((await page.goto(`/c/${LBBD}/data`))?.status()).toBe(404);
  expect((await page.goto(`/c/${HAVERING}/data`))?.status()).toBe(200);
});

test("the input format is published as a page and as Table Schema files", async ({ page }) => {
  await page.goto("/docs/input-format");
  await expect(page.getByRole("heading", { name: "Input format for indicator data" })).toBeVisible();
  await expect(page.getByTestId("fields-long")).toContainText("area_code");
  await expectAccessible(page);
  expect((await page.request.get("/docs/formats/framework.schema.json")).status()).toBe(404);
  expect((await page.request.get("/docs/formats/..%2Fpackage.json")).status()).toBe(404);
});

test("without JavaScript the wizard still works: the file goes through the server action", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "officer@lbbd.example");
  await page.goto(`/c/${LBBD}/data/uploads/new`);
  await page.getByLabel("2014", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("wizard-step")).toHaveText("Step 2 of 5");
  const csv = "area_code,indicator_code,period,value\r\nE05000026,smr,2014,101\r\n";
  await page.getByLabel("Upload a file").setInputFiles({ name: `nojs-${Date.now()}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByTestId("wizard-step")).toHaveText("Step 3 of 5");
  await page.getByRole("button", { name: "Cancel upload" }).click();
  await expect(page.getByTestId("cancelled-banner")).toContainText("The file you uploaded has been deleted");
  await context.close();
});
