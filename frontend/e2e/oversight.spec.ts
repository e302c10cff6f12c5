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

  // The export runs in the background (in-process without a broker): its progress, then a download link.
  await page.getByRole("button", { name: "Export XLSX" }).click();
  const link = page.getByRole("link", { name: /^Download indicators-.*\.xlsx$/ });
  await expect(link).toBeVisible();
  const download = page.waitForEvent("download");
  await link.click();
  expect((await download).suggestedFilename()).toMatch(/^indicators-.*\.xlsx$/);

  await page.getByRole("link", { name: "Printable report" }).click();
  await expect(page.getByRole("heading", { name: /Juvenile justice indicators:/, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Deadlines" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expectAccessible(page, "oversight-report");
});

test("an administrator imports child population figures and records the jurisdiction's profile", async ({ page }) => {
  await login(page, "administrator");
  await page.getByRole("menuitem", { name: "Child population" }).click();
  const profile = page.getByRole("form", { name: /Jurisdiction profile/ });
  await profile.getByRole("combobox", { name: "Specialised juvenile justice system" }).click();
  await page.getByRole("option", { name: "yes" }).click();
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.getByLabel("Choose a CSV file (year,sex,age_group,count)").setInputFiles({
    name: "population.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("year,sex,age_group,count\n2025,female,14_15,15000\n2025,male,14_15,16000\n"),
  });
  await page.getByLabel("Source").fill("National statistics office");
  await page.getByRole("button", { name: "Import CSV" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 figures imported." })).toBeVisible();
  await expect(page.getByRole("cell", { name: "16,000" })).toBeVisible();
  await expectAccessible(page, "child-population");
});
