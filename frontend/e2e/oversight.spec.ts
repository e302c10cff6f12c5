import { expect, test } from "@playwright/test";

import { expectAccessible, login } from "./helpers";

test("an ombudsperson reads the indicators, drills into a group, verifies the trail and prints the report", async ({ page }) => {
  await login(page, "oversight_monitor");
  await page.getByRole("menuitem", { name: "Oversight indicators" }).click();
  await expect(page.getByRole("heading", { name: "Oversight indicators", level: 1 })).toBeVisible();

  const year = new Date().getFullYear();
  await page.getByLabel("Period from").fill(`${year}-01-01`);
  await page.getByLabel("Period to").fill(`${year}-12-31`);
  const table = page.getByRole("table", { name: "UNODC/UNICEF juvenile justice indicators" });
  await expect(table.getByRole("row")).toHaveCount(16);
  await expect(page.getByTestId("indicator-2")).toContainText("Children in detention");
  await expect(page.getByTestId("indicator-2")).toContainText("census_date");
  await expect(page.getByRole("table", { name: "Deadlines" })).toBeVisible();

  await page.getByRole("combobox", { name: "Disaggregate by" }).click();
  await page.getByRole("option", { name: "Sex" }).click();
  await page.getByRole("button", { name: "Groups of 1", exact: true }).click();
  await expect(page.getByRole("table", { name: "By group: Children in conflict with the law" })).toBeVisible();
  await expectAccessible(page, "oversight-dashboard");

  const text = await page.locator("body").innerText();
  for (const name of ["Amara", "Okafor", "Milo", "Ines"]) expect(text).not.toContain(name);

  await page.getByRole("button", { name: "Verify the audit trail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The audit trail is intact" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export XLSX" }).click();
  expect((await download).suggestedFilename()).toMatch(/^indicators-.*\.xlsx$/);

  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page.getByRole("heading", { name: /Juvenile justice indicators:/, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Deadlines" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expectAccessible(page, "oversight-report");
});
