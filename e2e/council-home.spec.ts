import { expect, test } from "@playwright/test";
import { expectAccessible, HAVERING, LBBD, signIn } from "./support";

test("an officer sees the council's 17 wards on the map and in a sortable table", async ({ page }) => {
  await signIn(page, "officer@lbbd.example");
  await page.goto(`/c/${LBBD}`);
  const map = page.getByRole("group", { name: /Wards of London Borough of Barking and Dagenham/ });
  await expect(map).toBeVisible();
  // every ward is a keyboard stop with a name
  const wards = map.locator('[role="img"], a');
  await expect(wards).toHaveCount(17);
  await page.keyboard.press("Tab");
  await map.locator('[tabindex="0"]').first().focus();
  await expect(map.locator('[tabindex="0"]').first()).toBeFocused();
  await expect(map.locator('[tabindex="0"]').first()).toHaveAttribute("aria-label", /Abbey/);

  const table = page.getByTestId("ward-table");
  await expect(table.locator("tbody tr")).toHaveCount(17);
  await expect(table.locator("tbody tr").first().locator("th")).toHaveText("Abbey");
  // sort by population: first press ascending, second descending (largest first)
  const popHeader = table.getByRole("button", { name: /Population/ });
  await popHeader.click();
  await expect(table.locator("th", { hasText: "Population" })).toHaveAttribute("aria-sort", "ascending");
  await popHeader.click();
  await expect(table.locator("th", { hasText: "Population" })).toHaveAttribute("aria-sort", "descending");
  const first = Number((await table.locator("tbody tr").first().locator("td").nth(1).innerText()).split(" ")[0].replace(/,/g, ""));
  const last = Number((await table.locator("tbody tr").last().locator("td").nth(1).innerText()).split(" ")[0].replace(/,/g, ""));
  expect(first).toBeGreaterThan(last);
  await expectAccessible(page);
});

test("a member of one council goes straight to its home page", async ({ page }) => {
  await signIn(page, "reviewer@havering.example");
  await expect(page).toHaveURL(new RegExp(`/c/${HAVERING}$`));
  await expect(page.getByTestId("ward-table").locator("tbody tr")).toHaveCount(18);
});

test("each role sees what it may do", async ({ page, context }) => {
  // officer: members read-only, no audit log
  await signIn(page, "officer@lbbd.example");
  await page.goto(`/c/${LBBD}/members`);
  await expect(page.getByTestId("members-table")).toBeVisible();
  await expect(page.getByTestId("add-member-form")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const audit = await page.goto(`/c/${LBBD}/audit`);
  expect(audit?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have permission to see this page" })).toBeVisible();
  await expect(page).toHaveTitle("You do not have permission to see this page – Local SPI");
  await expectAccessible(page);
  await context.clearCookies();

  // reviewer: can read the audit log
  await signIn(page, "reviewer@lbbd.example");
  await page.goto(`/c/${LBBD}/audit`);
  await expect(page.getByTestId("audit-table")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Audit log pages" })).toBeVisible();
  await page.getByLabel("Action").selectOption("council.onboarded");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("audit-table")).toContainText("council.onboarded");
  await expectAccessible(page);
  await context.clearCookies();

  // procurement: no audit log, no member management
  await signIn(page, "procurement@lbbd.example");
  expect((await page.goto(`/c/${LBBD}/audit`))?.status()).toBe(403);
  await page.goto(`/c/${LBBD}/members`);
  await expect(page.getByTestId("add-member-form")).toHaveCount(0);
  await context.clearCookies();

  // admin: manages members and reads the audit log, filtered
  await signIn(page, "admin@lbbd.example");
  await page.goto(`/c/${LBBD}/members`);
  await expect(page.getByTestId("add-member-form")).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/c/${LBBD}/audit?action=council.onboarded`);
  await expect(page.getByTestId("audit-table").locator("tbody tr")).toHaveCount(1);
  await expectAccessible(page);
});
