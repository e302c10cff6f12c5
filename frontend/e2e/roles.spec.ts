import { expect, test } from "@playwright/test";

import { expectAccessible, login } from "./helpers";

const ROLES = ["caseworker", "supervisor", "legal_counsel", "facility_officer", "court_officer", "oversight_monitor", "administrator"];

for (const role of ROLES) {
  test(`${role} signs in and sees the worklist`, async ({ page }) => {
    await login(page, role);
    await expectAccessible(page, `dashboard-${role}`);
  });
}

test("a caseworker lists children and opens one", async ({ page }) => {
  await login(page, "caseworker");
  await page.getByRole("menuitem", { name: "Children" }).click();
  await expect(page.getByRole("columnheader", { name: "Given name" })).toBeVisible();
  await expectAccessible(page, "children-list");
  await page.locator("tbody tr").first().click();
  await expect(page.getByText("Date of birth certainty")).toBeVisible();
  await expectAccessible(page, "child-show");
});

test("an oversight monitor sees the audit trail and no child's name", async ({ page }) => {
  await login(page, "oversight_monitor");
  await page.getByRole("menuitem", { name: "Audit trail" }).click();
  await expect(page.getByRole("columnheader", { name: "Pseudonym" })).toBeVisible();
  await expectAccessible(page, "audit-trail");
  const text = await page.locator("body").innerText();
  for (const name of ["Amara", "Okafor", "Milo", "Ines"]) expect(text).not.toContain(name);
  await expect(page.getByRole("menuitem", { name: "Children" })).toHaveCount(0);
});

test("the language switches to French", async ({ page }) => {
  await login(page, "supervisor");
  await page.getByRole("button", { name: /english/i }).click();
  await page.getByRole("menuitem", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "À faire", level: 1 })).toBeVisible();
  await expectAccessible(page, "dashboard-fr");
});
