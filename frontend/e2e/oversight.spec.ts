import { expect, test } from "@playwright/test";

import { expectAccessible, login } from "./helpers";

test("an ombudsperson reads the indicators, drills into a group, verifies the trail and prints the report", async ({ page }) => {
  // Issue 13's "done when": an ombudsperson picks a year and a jurisdiction and gets the 15 indicators with their
  // definitions and conventions, disaggregated by sex and age group with small cells suppressed, as charts, a
  // table, a printable report and an XLSX file; sees the 24-hour compliance rate and the refusals per agency; and
  // verifies the audit trail with one click.
  await login(page, "oversight_monitor");
  await page.getByRole("menuitem", { name: "Oversight indicators" }).click();
  await expect(page.getByRole("heading", { name: "Oversight indicators", level: 1 })).toBeVisible();

  // The page opens on last year (the UN reporting year); the demo's records are this year's, so pick this year.
  const year = new Date().getFullYear();
  await expect(page.getByLabel("Period from")).toHaveValue(`${year - 1}-01-01`);
  await expect(page.getByLabel("Period to")).toHaveValue(`${year - 1}-12-31`);
  await page.getByRole("combobox", { name: "Jurisdiction" }).click();
  await page.getByRole("option", { name: "Northland" }).click();
  await page.getByLabel("Period from").fill(`${year}-01-01`);
  await page.getByLabel("Period to").fill(`${year}-12-31`);
  const table = page.getByRole("table", { name: "UNODC/UNICEF juvenile justice indicators" });
  await expect(table.getByRole("row")).toHaveCount(16);
  await expect(page.getByText(/Northland/).first()).toBeVisible();
  // Each indicator with its definition and the conventions it was counted with.
  await expect(page.getByTestId("indicator-2")).toContainText("Children in detention");
  await expect(page.getByTestId("indicator-2")).toContainText("Number of children in detention per 100,000 child population.");
  await expect(page.getByTestId("indicator-2")).toContainText("census_date");
  await expect(page.getByTestId("indicator-1")).toContainText("arrest_unit");

  // Compliance: the 24-hour appearance rate first, and the refused attempts per agency.
  const deadlines = page.getByRole("table", { name: "Deadlines" });
  await expect(deadlines).toBeVisible();
  await expect(deadlines.getByRole("row", { name: /Before a judge within 24 hours/ })).toBeVisible();
  const refusals = page.getByRole("table", { name: "Refused attempts by agency" });
  await expect(refusals).toBeVisible();
  await expect(refusals.getByRole("row")).not.toHaveCount(1);

  // Disaggregated by sex, then by age group: a chart and a table per group, small cells suppressed.
  await page.getByRole("combobox", { name: "Disaggregate by" }).click();
  await page.getByRole("option", { name: "Sex" }).click();
  await page.getByRole("button", { name: "Groups of 1", exact: true }).click();
  const bySex = page.getByRole("table", { name: "By group: Children in conflict with the law" });
  await expect(bySex).toBeVisible();
  await expect(page.getByRole("group", { name: "Children in conflict with the law" })).toBeVisible();
  await expect(bySex).toContainText("Female");
  // The few children held today: counts from 1 to the threshold are suppressed (with secondary suppression).
  await page.getByRole("button", { name: "Groups of 2", exact: true }).click();
  await expect(page.getByRole("table", { name: "By group: Children in detention" })).toContainText("suppressed");
  await expectAccessible(page, "oversight-dashboard");

  await page.getByRole("combobox", { name: "Disaggregate by" }).click();
  await page.getByRole("option", { name: "Age group" }).click();
  await page.getByRole("button", { name: "Groups of 1", exact: true }).click();
  const byAge = page.getByRole("table", { name: "By group: Children in conflict with the law" });
  await expect(byAge).toContainText(/14 to 15|16 to 17/);
  await page.getByRole("button", { name: "Groups of 2", exact: true }).click();
  await expect(page.getByRole("table", { name: "By group: Children in detention" })).toContainText("suppressed");

  const text = await page.locator("body").innerText();
  for (const name of ["Amara", "Okafor", "Milo", "Ines"]) expect(text).not.toContain(name);

  // One click verifies the audit chain.
  await page.getByRole("button", { name: "Verify the audit trail" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The audit trail is intact" })).toBeVisible();

  // The export runs in the background (in-process without a broker): its progress, then a download link.
  await page.getByRole("button", { name: "Export XLSX" }).click();
  await page.getByRole("dialog").getByLabel("Purpose of the export").fill("Annual report");
  await page.getByRole("dialog").getByRole("button", { name: "Export" }).click();
  const link = page.getByRole("link", { name: /^Download indicators-.*\.xlsx$/ });
  await expect(link).toBeVisible();
  const download = page.waitForEvent("download");
  await link.click();
  expect((await download).suggestedFilename()).toMatch(/^indicators-northland-.*\.xlsx$/);

  // The pseudonymised dataset, in the background too.
  await page.getByRole("button", { name: "Export the pseudonymised dataset (CSV)" }).click();
  await page.getByRole("dialog").getByLabel("Purpose of the export").fill("Research agreement 12");
  await page.getByRole("dialog").getByRole("button", { name: "Export" }).click();
  await expect(page.getByRole("link", { name: /^Download dataset-northland-.*\.csv$/ })).toBeVisible();

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
