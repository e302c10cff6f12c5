import { expect, test } from "@playwright/test";

import { expectAccessible, login, submitForm } from "./helpers";

test("an administrator simulates raising the minimum age from the policy page and reads what it would have changed", async ({ page }) => {
  await login(page, "administrator");
  // On the policy edit page, before saving: "Simulate" opens the form with the edited value.
  await page.goto("/#/policies/northland");
  const edited = page.getByLabel("Minimum age of criminal responsibility (years)");
  await expect(edited).toHaveValue("14");
  await edited.fill("16");
  await page.getByRole("button", { name: "Simulate" }).click();
  await expect(page).toHaveURL(/#\/simulations\/create/);
  const age = page.getByLabel("Minimum age of criminal responsibility (years)");
  await expect(age).toHaveValue("16");
  await expectAccessible(page, "simulation-create");

  const answer = await submitForm(page, page.getByRole("button", { name: "Save" }), "/api/simulations/");
  expect(answer.status()).toBe(202);

  // Computed in the background (in-process without a broker): the page follows its progress to the result.
  const totals = page.getByRole("table", { name: "What would have been different" });
  await expect(totals).toBeVisible();
  await expect(totals.getByTestId("total-cases_removed")).toContainText("Cases that would not have entered the criminal process");
  await expect(page.getByRole("alert").filter({ hasText: /acts of the period could be decided again/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Proposed parameters" })).toContainText("16");
  await expect(page.getByRole("table", { name: "Decisions that would change, by rule" })).toContainText("MACR-1");
  await expect(page.getByRole("group", { name: "By sex" })).toBeVisible();
  await expect(page.getByRole("group", { name: "By age group" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  const text = await page.locator("body").innerText();
  for (const name of ["Amara", "Okafor", "Milo", "Ines"]) expect(text).not.toContain(name);
  await expectAccessible(page, "simulation-show");
});
