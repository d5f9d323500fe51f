import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, LBBD, signIn, signOut } from "./support";

test("the landing and sign-in pages are accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Local Social Progress Index");
  await expectAccessible(page);
  await page.goto("/sign-in");
  await expectAccessible(page);
});

test("a wrong password gets one generic message, the right one signs in, and signing out ends the session", async ({ page }) => {
  await page.goto(`/c/${LBBD}`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email address").fill("officer@lbbd.example");
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("Enter a correct email address and password");
  await expectAccessible(page);

  // an unknown account gets exactly the same message
  await page.getByLabel("Email address").fill("nobody@nowhere.example");
  await page.getByLabel("Password", { exact: true }).fill("whatever-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("Enter a correct email address and password");

  await signIn(page, "officer@lbbd.example");
  await expect(page).toHaveURL(new RegExp(`/c/${LBBD}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Wards" })).toBeVisible();

  await signOut(page);
  await expect(page.getByText("You have been signed out")).toBeVisible();
  await page.goto(`/c/${LBBD}`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signed out, a link to a council page goes to sign-in and then back to that page", async ({ page }) => {
  for (const path of [`/c/${LBBD}/audit`, `/c/${LBBD}/releases/1/wards/E05000026`]) {
    await page.context().clearCookies();
    await page.goto(path);
    await expect(page).toHaveURL((u) => u.pathname === "/sign-in" && u.searchParams.get("callbackUrl") === path);
    await page.getByLabel("Email address").fill("reviewer@lbbd.example");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL((u) => u.pathname === path);
  }
});
