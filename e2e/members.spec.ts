import { expect, test } from "@playwright/test";
import { expectAccessible, LBBD, signIn, signOut } from "./support";

test("an admin adds a member, who signs in with the temporary password and must choose their own", async ({ page }) => {
  const email = `new.officer.${Date.now()}@lbbd.example`;
  await signIn(page, "admin@lbbd.example");
  await page.goto(`/c/${LBBD}/members`);
  const form = page.getByTestId("add-member-form");
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Full name (optional)").fill("Nadia New");
  await form.getByLabel("Officer").check();
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("action-success")).toContainText(`${email} has been added`);
  const temp = (await page.getByTestId("temporary-password").innerText()).trim();
  expect(temp.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId(`member-${email}`)).toContainText("Officer");
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, email, temp);
  await expect(page).toHaveURL(/\/account\?first=1/);
  await page.getByLabel("Current password").fill(temp);
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Confirm new password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("action-success")).toContainText("Your password has been changed");
  await expectAccessible(page);
  await page.goto("/c");
  await expect(page).toHaveURL(new RegExp(`/c/${LBBD}$`));
});

test("an admin cannot grant a role they lack, even by tampering with the form", async ({ page }) => {
  await signIn(page, "admin@lbbd.example");
  await page.goto(`/c/${LBBD}/members`);
  const form = page.getByTestId("add-member-form");
  await expect(form.getByLabel("Reviewer")).toHaveCount(0);
  await expect(form).toContainText("you cannot grant: reviewer");
  await form.getByLabel("Email address").fill(`sneaky.${Date.now()}@lbbd.example`);
  // forge a reviewer checkbox in the browser: the server must still refuse
  await form.getByLabel("Officer").evaluate((el) => {
    const forged = el.cloneNode() as HTMLInputElement;
    forged.value = "reviewer";
    forged.id = "forged-reviewer";
    forged.checked = true;
    el.parentElement!.appendChild(forged);
  });
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("action-error")).toContainText("You cannot grant a role you do not hold");
});

test("nobody can remove or demote the council's last admin", async ({ page }) => {
  await signIn(page, "admin@lbbd.example");
  await page.goto(`/c/${LBBD}/members`);
  const row = page.getByTestId("member-admin@lbbd.example");
  await row.getByText("Change").click();
  await row.getByRole("button", { name: "Remove admin@lbbd.example from this council" }).click();
  await expect(row.getByTestId("action-error")).toContainText("only administrator");
  await row.getByLabel("Administrator").uncheck();
  await row.getByLabel("Officer").check();
  await row.getByRole("button", { name: /Save roles/ }).click();
  await expect(row.getByTestId("action-error").first()).toContainText("only administrator");
  await page.reload();
  await expect(page.getByTestId("member-admin@lbbd.example")).toContainText("Administrator");
});
