import { expect, test } from "@playwright/test";

import { expectAccessible, login, submitExpectingRefusal, submitForm } from "./helpers";

test("a refused intake below the minimum age leads to its child-protection referral, which is sent and received", async ({ page }) => {
  await login(page, "caseworker");
  await page.goto("/#/cases/create");
  await page.getByLabel("Child").fill("Milo");
  await page.getByRole("option", { name: /Milo Demo/ }).first().click();
  await page.getByLabel("Description").fill("Shoplifting");
  await page.getByLabel("Offence date").fill(new Date().toISOString().slice(0, 10));
  await submitExpectingRefusal(page, page.getByRole("button", { name: "Save" }), "/cases/");
  await expect(page.getByTestId("decision-MACR-1")).toBeVisible();

  // The refusal links to the referral it wrote instead of a case.
  const link = page.getByTestId("protection-referral-link");
  await expect(link).toContainText("referred to child protection");
  await link.getByRole("link", { name: "Open the child-protection referral" }).click();
  await expect(page).toHaveURL(/#\/protection-referrals\/\d+\/show$/);
  const main = page.locator("#main-content");
  await expect(main.getByText("Milo Demo")).toBeVisible(); // by name to a caseworker, never by a numeric id
  await expect(main.getByText("To send", { exact: true })).toBeVisible();
  await expectAccessible(page, "protection-referral-show");

  const send = page.getByTestId("form-referral-send");
  await send.getByRole("button", { name: "Send to a child protection service" }).click();
  await send.getByLabel("Receiving child protection service").fill("Northland Child Protection Service");
  await submitForm(page, send.getByRole("button", { name: "Save" }), "/follow-up/");
  await expect(main.getByText("Sent", { exact: true }).first()).toBeVisible();
  await expect(main.getByText("Northland Child Protection Service")).toBeVisible();

  const receive = page.getByTestId("form-referral-receive");
  await receive.getByRole("button", { name: "Record it received by the service" }).click();
  await receive.getByLabel("Follow-up note").fill("The service called back.");
  await submitForm(page, receive.getByRole("button", { name: "Save" }), "/follow-up/");
  await expect(main.getByText("Received", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("form-referral-accept")).toBeVisible();
  await expect(main.getByText(/The service called back\./)).toBeVisible();
  await expectAccessible(page, "protection-referral-received");

  await page.getByRole("menuitem", { name: "Protection referrals" }).click();
  await expect(page.locator("tbody tr").filter({ hasText: "Northland Child Protection Service" })).toContainText("Received");
});
