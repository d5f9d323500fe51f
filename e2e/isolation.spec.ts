import { expect, test } from "@playwright/test";
import { councilRouteTemplates, fillRoute, HAVERING, LBBD, signIn } from "./support";

const routes = councilRouteTemplates();

test("the route tree is enumerated", () => {
  expect(routes).toContain("/c/[council]");
  expect(routes).toContain("/c/[council]/members");
});

for (const [user, own, other] of [
  ["admin@havering.example", HAVERING, LBBD],
  ["admin@lbbd.example", LBBD, HAVERING],
] as const) {
  test(`${user} gets 404 on every portal route of ${other}, exactly as for a council that does not exist`, async ({ page }) => {
    await signIn(page, user);
    for (const template of routes) {
      const foreign = await page.goto(fillRoute(template, other));
      expect(foreign?.status(), `${template} for ${other}`).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(page).toHaveTitle("Page not found – Local SPI");
      expect(await page.content()).not.toContain(other === LBBD ? "Barking and Dagenham" : "Havering");
      const missing = await page.goto(fillRoute(template, "no-such-council"));
      expect(missing?.status()).toBe(404);
    }
    // and their own council works, so the 404s above are not a broken route
    const ownRes = await page.goto(fillRoute(routes[0], own));
    expect(ownRes?.status()).toBe(200);
  });
}
