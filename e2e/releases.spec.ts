import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, LBBD, signIn, signOut } from "./support";

/*
 * The review journey on the demo data (lib/db/seed-releases.ts loads Barking and Dagenham's ward
 * data through the upload wizard and makes two approved releases and one awaiting review):
 * an officer scores and submits; a reviewer comments and sends it back; the officer answers and
 * resubmits; a second reviewer approves; the release is published. axe on every screen.
 */
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const releases = `/c/${LBBD}/releases`;
let releaseUrl = "";

async function openTab(page: Page, name: RegExp) {
  await page
    .getByRole("navigation", { name: "Release sections" })
    .getByRole("link", { name })
    .click();
  await expect(
    page
      .getByRole("navigation", { name: "Release sections" })
      .getByRole("link", { name }),
  ).toHaveAttribute("aria-current", "page");
}

test("an officer starts a score run, reviews the draft and submits it", async ({
  page,
}) => {
  await signIn(page, "officer@lbbd.example");
  await page.goto(releases);
  const form = page.getByTestId("start-run-form");
  await form.getByLabel("2013", { exact: true }).check();
  await form.getByLabel("2014", { exact: true }).check();
  await form.getByRole("button", { name: "Start score run" }).click();
  // the run page refreshes itself and redirects to the draft release when scoring is done
  await page.waitForURL(/\/releases\/\d+$/, { timeout: 180_000 });
  releaseUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("release-state")).toHaveText("Draft");
  await expect(page.getByTestId("scores-table")).toBeVisible();
  await expect(
    page.getByTestId("scores-table").locator("tbody tr"),
  ).toHaveCount(17);
  await expectAccessible(page);

  // the map follows the chosen score
  await page
    .getByLabel("Score on the map")
    .selectOption({ label: "– Personal Safety" });
  await page
    .getByTestId("score-choice")
    .getByRole("button", { name: "Show" })
    .click();
  await expect(page).toHaveURL(/score=personal_safety/);
  await expect(page.getByText("Personal Safety, 2014").first()).toBeVisible();

  await page
    .getByTestId("submit-form")
    .getByLabel(/Notes for the reviewer/)
    .fill("Scores for 2013 and 2014 from the ward atlas.");
  await page
    .getByTestId("submit-form")
    .getByRole("button", { name: "Submit for review" })
    .click();
  await expect(page.getByTestId("release-state")).toHaveText("Awaiting review");
  // an officer cannot approve, and the panel says why
  await expect(page.getByTestId("workflow-explanations")).toContainText(
    "Only reviewers can do that.",
  );
  await expect(page.getByTestId("submit-form")).toHaveCount(0);
});

test("a reviewer checks diagnostics and changes, comments on a cell and requests changes", async ({
  page,
}) => {
  expect(releaseUrl).not.toBe("");
  await signIn(page, "reviewer@lbbd.example");
  await page.goto(releaseUrl);
  await expect(page.getByTestId("approve-form")).toBeVisible();
  // which peer covariate chose the strengths/weaknesses peer groups, beside the other run facts
  await page.getByText("How these scores were made").click();
  await expect(
    page
      .getByTestId("run-details")
      .locator(".govuk-summary-list__row")
      .filter({ hasText: "Peer groups chosen by" }),
  ).toContainText("Modelled median household income, 2012/13");

  await openTab(page, /Diagnostics/);
  await expect(
    page.getByTestId("component-diagnostics").locator("tbody tr"),
  ).toHaveCount(9);
  await expect(page.getByTestId("indicator-diagnostics")).toContainText(
    "Recorded crime per 1,000 residents",
  );
  await expectAccessible(page);

  await openTab(page, /What changed/);
  await expect(
    page.getByRole("heading", { name: /What changed since release \d+/ }),
  ).toBeVisible();
  await expect(page.getByTestId("comparison-basis")).toContainText("2014");
  await expect(
    page.getByTestId("index-movers").locator("tbody tr").first(),
  ).toBeVisible();
  await expectAccessible(page);

  await openTab(page, /Comments/);
  const form = page.getByTestId("comment-form");
  await form.getByLabel("Ward (optional)").selectOption({ index: 1 });
  const ward = (
    await form
      .getByLabel("Ward (optional)")
      .locator("option:checked")
      .innerText()
  ).trim();
  await form
    .getByLabel("Score (optional)")
    .selectOption({ label: "Personal Safety (component)" });
  await form
    .getByLabel("Comment", { exact: true })
    .fill("Personal Safety jumps here: is the 2014 crime figure right?");
  await form.getByRole("button", { name: "Add comment" }).click();
  const comment = page
    .getByTestId("comment")
    .filter({ hasText: "is the 2014 crime figure right?" });
  await expect(comment).toContainText(`${ward} × Personal Safety`);
  await expectAccessible(page);

  // a reason is required
  const send = page.getByTestId("request-changes-form");
  await send.getByRole("button", { name: "Request changes" }).click();
  await expect(send.getByTestId("action-error")).toContainText(
    "Say what needs to change",
  );
  await send
    .getByLabel("What needs to change")
    .fill("Check the 2014 crime figures before we publish.");
  await send.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByTestId("release-state")).toHaveText(
    "Changes requested",
  );
});

test("the officer answers the reviewer and resubmits", async ({ page }) => {
  await signIn(page, "officer@lbbd.example");
  await page.goto(`${releaseUrl}?tab=comments`);
  const question = page
    .getByTestId("comment")
    .filter({ hasText: "is the 2014 crime figure right?" })
    .first();
  await question.getByText("Reply").first().click();
  await question
    .getByTestId("reply-form")
    .getByLabel("Your reply")
    .fill("Checked against the GLA atlas: the figure is as published.");
  await question
    .getByTestId("reply-form")
    .getByRole("button", { name: "Reply" })
    .click();
  await expect(question).toContainText("the figure is as published");
  await expect(
    page
      .getByTestId("comment")
      .filter({ hasText: "Changes requested: Check the 2014 crime figures" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page
    .getByTestId("submit-form")
    .getByRole("button", { name: "Submit for review" })
    .click();
  await expect(page.getByTestId("release-state")).toHaveText("Awaiting review");
  await signOut(page);
});

test("a second reviewer approves; the release is published", async ({
  page,
}) => {
  await signIn(page, "reviewer2@lbbd.example");
  await page.goto(releaseUrl);
  const approve = page.getByTestId("approve-form");
  await expect(approve.getByLabel(/Publish at/)).toHaveValue("");
  await approve.getByRole("button", { name: "Approve release" }).click();
  await expect(page.getByTestId("release-state")).toHaveText("Published");
  await expect(page.getByTestId("release-summary")).toContainText("Published");
  await expect(page.getByTestId("approve-form")).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(releases);
  await expect(page.getByTestId("releases-table")).toContainText("Published");
});

test("a ward scorecard shows scores, peers, travel, uncertainty and trends with table alternatives", async ({
  page,
}) => {
  await signIn(page, "reviewer@lbbd.example");
  await page.goto(releaseUrl);
  await page
    .getByTestId("scores-table")
    .locator("tbody tr")
    .first()
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/wards\/E0\d+/);
  await expect(page.getByTestId("ward-index")).toContainText("index score");
  await expect(page.getByTestId("ward-scores").locator("tbody tr")).toHaveCount(
    13,
  );
  await expect(page.getByTestId("ward-uncertainty")).toContainText(
    "5th–95th percentile",
  );
  await expect(page.getByTestId("strengths-weaknesses")).toBeVisible();
  await expect(
    page.getByTestId("trend-main-table").locator("tbody tr"),
  ).toHaveCount(2);
  await page
    .getByTestId("indicator-choice")
    .getByLabel("Indicator")
    .selectOption({ label: "Recorded crime per 1,000 residents" });
  await page
    .getByTestId("indicator-choice")
    .getByRole("button", { name: "Show indicator" })
    .click();
  await expect(page.getByTestId("trend-indicator-table")).toContainText(
    "Recorded crime per 1,000 residents",
  );
  await expect(page.getByTestId("ward-indicators")).toContainText(
    "Value as loaded",
  );
  await expectAccessible(page);
});

test("a Havering user gets 404 on Barking and Dagenham's release pages", async ({
  page,
}) => {
  await signIn(page, "admin@havering.example");
  for (const path of [
    releaseUrl,
    `${releaseUrl}?tab=comments`,
    `${releaseUrl}/wards/E05000026`,
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    expect(await page.content()).not.toContain("Barking and Dagenham");
  }
});
