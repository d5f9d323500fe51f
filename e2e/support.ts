import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const DEMO_PASSWORD = "local-spi-demo-2026";
export const LBBD = "barking-and-dagenham";
export const HAVERING = "havering";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in\?signedOut=1/);
}

/**
 * No WCAG 2.2 A/AA violations on the page as it is now. Next.js streams a dynamic page's <title>
 * separately from its body, so axe can look in a moment with no title yet (CI saw it once, right
 * after a router refresh on the release page): wait for one first. A page without one still fails.
 */
export async function expectAccessible(page: Page) {
  await expect(page, `no <title> on ${page.url()}`).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Every page under app/(portal)/c/[council], as URL templates, read from the route tree so that
 * a new route is covered by the isolation test without anyone remembering to add it.
 */
export function councilRouteTemplates(): string[] {
  const root = path.resolve("app/(portal)/c/[council]");
  const out: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const e of readdirSync(dir)) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) {
        // route groups don't appear in the URL
        walk(p, /^\(.*\)$/.test(e) ? segments : [...segments, e]);
      } else if (/^page\.tsx?$/.test(e)) {
        out.push(["/c/[council]", ...segments].join("/"));
      }
    }
  };
  walk(root, []);
  return out.sort();
}

/** Fill a route template: the council slug, and a placeholder for any other dynamic segment. */
export function fillRoute(template: string, council: string): string {
  return template.replace("[council]", council).replace(/\[\.{0,3}[^\]]+\]/g, "x");
}
