import { expect, test } from "@playwright/test";
import { expectAccessible, LBBD, signIn, signOut } from "./support";

/** The unread count in the header, 0 when no count is shown. */
async function headerCount(page: import("@playwright/test").Page): Promise<number> {
  const text = (await page.getByTestId("header-notifications").innerText()).replace(/\s+/g, " ");
  const m = /(\d+)\+? unread/.exec(text) ?? /Notifications\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

test("a reviewer sees what awaits them, follows a notification to the release, and marks the rest read", async ({ page }) => {
  // the demo's releases were submitted for review, so both LBBD reviewers were told
  await signIn(page, "reviewer2@lbbd.example");
  await page.goto(`/c/${LBBD}`);
  const before = await headerCount(page);
  expect(before).toBeGreaterThan(0);

  await page.getByTestId("header-notifications").click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByTestId("unread-summary")).toContainText(`You have ${before} unread notification`);
  const item = page.getByTestId("notification").filter({ hasText: "Release 3 is awaiting your review" }).first();
  await expect(item).toContainText("New");
  await expect(item).toContainText("Barking and Dagenham");
  await expectAccessible(page);

  // following it opens the release and marks it read
  await item.getByRole("link", { name: "Release 3 is awaiting your review" }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${LBBD}/releases/3$`));
  expect(await headerCount(page)).toBe(before - 1);

  await page.goto("/notifications?show=unread");
  await expect(page.getByTestId("notification").filter({ hasText: "Release 3 is awaiting your review" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Unread \(\d+\)/ })).toHaveAttribute("aria-current", "page");

  if (before > 1) {
    await page.getByTestId("mark-all-read").click();
    await expect(page.getByTestId("unread-summary")).toHaveText(/You have no unread notifications/);
    await expect.poll(() => headerCount(page)).toBe(0);
  }
  await page.goto("/notifications");
  await expect(page.getByTestId("notification").first()).not.toContainText("New");
  await expectAccessible(page);

  // someone else's notification is not there for the taking
  await signOut(page);
  await signIn(page, "reviewer@havering.example");
  const res = await page.goto("/notifications/not-a-real-notification");
  expect(res?.status()).toBe(404);
  await page.goto("/notifications");
  await expect(page.getByTestId("notifications")).not.toContainText("Barking and Dagenham");
});

test("the operator reads the email outbox, which says plainly that email is not set up", async ({ page }) => {
  await signIn(page, "operator@localspi.example");
  await page.goto("/operator");
  await page.getByTestId("operator-nav").getByRole("link", { name: "Email outbox" }).click();
  await expect(page).toHaveURL(/\/operator\/outbox$/);
  await expect(page.getByTestId("operator-nav").getByRole("link", { name: "Email outbox" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("smtp-status")).toContainText("Email is not set up");
  expect(Number(await page.getByTestId("outbox-count-pending").innerText())).toBeGreaterThan(0);

  const row = page.getByTestId("outbox-row").filter({ hasText: "reviewer2@lbbd.example" }).filter({ hasText: "awaiting your review" }).first();
  await expect(row).toContainText("Waiting");
  await row.getByText(/Local SPI: Release \d+ is awaiting your review/).click();
  await expect(row).toContainText("Open it in Local SPI: http");
  await expectAccessible(page);

  await page.getByRole("link", { name: /^Sent \(/ }).click();
  await expect(page).toHaveURL(/status=sent/);
  await expect(page.getByTestId("outbox-empty")).toBeVisible();
});

test("people who are not operators cannot read the outbox", async ({ page }) => {
  await signIn(page, "admin@lbbd.example");
  const res = await page.goto("/operator/outbox");
  expect([403, 404]).toContain(res?.status());
  await expect(page.getByTestId("outbox-table")).toHaveCount(0);
  await expect(page.getByTestId("operator-nav")).toHaveCount(0);
});
