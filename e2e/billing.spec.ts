import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, HAVERING, LBBD, signIn } from "./support";

/**
 * Commissioning in manual invoicing mode (the e2e server has no Stripe keys): procurement
 * requests a quote, the operator approves it, procurement accepts with a PO, the operator issues
 * the invoice and it appears in the council's list; an overdue invoice shows the banner; another
 * council cannot see any of it.
 */
test.describe.configure({ mode: "serial" });

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

let quoteUrl = "";
let invoiceNumber = "";

test("pricing: the calculator works without JavaScript and live with it, and the business case states its assumptions", async ({ browser }) => {
  const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await noJs.goto("/pricing?wards=45&tier=plus&term=quarterly");
  await expect(noJs.getByTestId("price-result")).toContainText("Plus, 41 to 60 wards");
  await expect(noJs.getByTestId("price-result")).toContainText("£7,875.00"); // 30,000 × 1.05 / 4
  await expect(noJs.getByTestId("price-result")).toContainText("£1,575.00"); // VAT
  await noJs.getByTestId("price-calculator").getByLabel("Number of wards").fill("17");
  const calc = noJs.getByTestId("price-calculator");
  await calc.getByRole("radio", { name: "Standard" }).check();
  await calc.getByRole("radio", { name: "Annual" }).check();
  await noJs.getByRole("button", { name: "Calculate" }).click();
  await expect(noJs).toHaveURL(/wards=17/);
  await expect(noJs.getByTestId("price-result")).toContainText("£9,600.00");
  await expect(noJs.getByTestId("price-result")).toContainText("£11,520.00");

  const page = await (await browser.newContext()).newPage();
  await page.goto("/pricing");
  await expect(page.getByTestId("business-case-assumptions")).toContainText("Assumption:");
  await page.getByLabel("Number of wards").fill("70");
  await expect(page.getByTestId("price-result")).toContainText("Standard, over 60 wards");
  await expect(page.getByTestId("price-result")).toContainText("£26,400.00");
  await expectAccessible(page);
});

test("procurement requests a quote, the operator approves it, procurement accepts it with a PO", async ({ browser }) => {
  const proc = await as(browser, "procurement@lbbd.example");
  await proc.goto(`/c/${LBBD}/billing`);
  await expect(proc.getByTestId("billing-mode")).toContainText("Manual invoicing mode");
  await expect(proc.getByTestId("subscription-summary")).toContainText("Pilot");
  await expectAccessible(proc);
  const form = proc.getByTestId("request-quote-form");
  await form.getByRole("button", { name: "Request a quote" }).click();
  await expect(proc.getByTestId("action-error")).toContainText("Enter the name of the billing contact");
  await form.getByLabel("Standard").check();
  await form.getByLabel("Annually, in advance").check();
  await form.getByLabel("Billing contact's name").fill("Alex Accounts");
  await form.getByLabel("Billing contact's email address").fill("accounts@lbbd.example");
  await form.getByLabel("Billing address line 1").fill("Town Hall, 1 Town Square");
  await form.getByLabel("Town or city").fill("Barking");
  await form.getByLabel("Postcode").fill("IG11 7LU");
  await form.getByLabel("Council's VAT registration number (optional)").fill("GB 123 4567 89");
  await form.getByLabel("Yes").check();
  await form.getByRole("button", { name: "Request a quote" }).click();
  await expect(proc.getByTestId("action-error")).toContainText("valid UK VAT registration number");
  await form.getByLabel("Council's VAT registration number (optional)").fill("GB 980 7806 84");
  await form.getByRole("button", { name: "Request a quote" }).click();
  const link = proc.getByRole("link", { name: /View quote LSPI-Q-\d{4}-\d{4}/ });
  await expect(link).toBeVisible();
  const reference = (await link.textContent())!.replace("View quote ", "").trim();
  await link.click();
  await expect(proc.getByRole("heading", { name: `Quote ${reference}` })).toBeVisible();
  await expect(proc.getByTestId("quote-status")).toHaveText("Awaiting review");
  await expect(proc.getByTestId("quote-total")).toHaveText("£11,520.00");
  quoteUrl = new URL(proc.url()).pathname;
  await expectAccessible(proc);

  const op = await as(browser, "operator@localspi.example");
  await op.goto("/operator/billing");
  await expect(op.getByTestId("billing-mode")).toContainText("Manual invoicing mode");
  await expectAccessible(op);
  const review = op.getByTestId(`review-${reference}`);
  await review.getByRole("button", { name: `Approve ${reference}` }).click();
  // approved quotes leave the review list and appear under recent quotes
  await expect(op.getByTestId(`review-${reference}`)).toHaveCount(0);
  await expect(op.getByRole("listitem").filter({ hasText: reference })).toContainText("Approved");
  await op.goto("/operator/billing/plans");
  await expect(op.getByTestId("plan-standard-s")).toBeVisible();
  await expectAccessible(op);

  await proc.goto(quoteUrl);
  await expect(proc.getByTestId("quote-status")).toHaveText("Approved: ready to accept");
  const accept = proc.getByTestId("accept-quote-form");
  await accept.getByLabel("I am authorised to accept this quote for my council").check();
  await accept.getByRole("button", { name: "Accept quote" }).click();
  await expect(proc.getByTestId("action-error")).toContainText("purchase-order number");
  await accept.getByLabel("Purchase-order number").fill("PO-LBBD-2026-001");
  await accept.getByLabel("I am authorised to accept this quote for my council").check();
  await accept.getByRole("button", { name: "Accept quote" }).click();
  await expect(proc.getByTestId("quote-status")).toHaveText("Accepted");
  await expect(proc.getByTestId("quote-document")).toContainText("PO-LBBD-2026-001");
  await proc.goto(`/c/${LBBD}/billing`);
  await expect(proc.getByTestId("subscription-summary")).toContainText("Active");
  await expect(proc.getByTestId("proration")).toContainText("Plus, up to 20 wards");
});

test("the operator issues the invoice and it appears in the council's list", async ({ browser }) => {
  const op = await as(browser, "operator@localspi.example");
  await op.goto("/operator/billing");
  await op.getByRole("button", { name: "Issue invoice to London Borough of Barking and Dagenham" }).click();
  await expect(op.getByTestId("action-success")).toContainText(/Invoice LSPI-INV-\d{4}-\d{4} issued/);
  invoiceNumber = /LSPI-INV-\d{4}-\d{4}/.exec((await op.getByTestId("action-success").textContent())!)![0];

  const proc = await as(browser, "procurement@lbbd.example");
  await proc.goto(`/c/${LBBD}/billing`);
  const row = proc.getByTestId("invoices-table").getByRole("row", { name: new RegExp(invoiceNumber) });
  await expect(row).toContainText("Issued, awaiting payment");
  await expect(row).toContainText("£11,520.00");
  await expect(row).toContainText("PO-LBBD-2026-001");
  await expectAccessible(proc);
});

test("an overdue council sees why it cannot publish, and who to contact; its public pages still work", async ({ browser }) => {
  const op = await as(browser, "operator@localspi.example");
  await op.goto("/operator/billing");
  await op.getByTestId(`outstanding-${invoiceNumber}`).getByRole("button", { name: `Mark overdue ${invoiceNumber}` }).click();
  await expect(op.getByTestId("action-success")).toContainText("marked overdue");

  const officer = await as(browser, "officer@lbbd.example");
  await officer.goto(`/c/${LBBD}`);
  const banner = officer.getByTestId("entitlement-banner");
  await expect(banner).toContainText("past its due date");
  await expect(banner).toContainText("cannot publish anything new");
  await expect(banner).toContainText("billing@localspi.example");
  await expectAccessible(officer);
  const pub = await (await browser.newContext()).newPage();
  expect((await pub.goto("/pricing"))?.status()).toBe(200);
  expect((await pub.goto("/"))?.status()).toBe(200);

  await op.goto("/operator/billing");
  await op.getByTestId(`outstanding-${invoiceNumber}`).getByRole("button", { name: `Mark paid ${invoiceNumber}` }).click();
  // a paid invoice is no longer outstanding
  await expect(op.getByTestId(`outstanding-${invoiceNumber}`)).toHaveCount(0);
  await officer.reload();
  await expect(officer.getByTestId("entitlement-banner")).toHaveCount(0);
});

test("a Havering procurement user gets 404 on Barking and Dagenham's quotes and invoices", async ({ browser }) => {
  const hav = await as(browser, "procurement@havering.example");
  for (const path of [quoteUrl, `/c/${LBBD}/billing`]) {
    const res = await hav.goto(path);
    expect(res?.status(), path).toBe(404);
    expect(await hav.content()).not.toContain("Barking and Dagenham");
  }
  const own = await hav.goto(`/c/${HAVERING}/billing`);
  expect(own?.status()).toBe(200);
  await expect(hav.getByTestId("invoices-table")).toContainText("Paid");
  await expect(hav.getByTestId("invoices-table")).not.toContainText(invoiceNumber);
  await expectAccessible(hav);
});
