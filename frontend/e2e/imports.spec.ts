import { expect, test } from "@playwright/test";

import { expectAccessible, login } from "./helpers";

// The header of the template, and three rows: a child with a referral, a child below the minimum age at the
// offence (MACR-1 refuses the intake), and a child with no case. A reference makes each re-runnable.
const HEADER =
  "external_ref,given_name,family_name,date_of_birth,sex,case_kind,case_opened_on,offence_description,offence_category,offence_date";
const FILE = [
  HEADER,
  "E2E-IMP-1,Sefa,Mensah-Import,2010-04-02,male,referral,2026-03-02,Theft of a bicycle,05,2026-03-01",
  "E2E-IMP-2,Lina,Young-Import,2017-01-09,female,referral,2026-03-02,Theft of a bicycle,05,2026-03-01",
  "E2E-IMP-3,Ada,Nocase-Import,2011-06-15,female,,,,,",
].join("\n");

test("a caseworker tries a spreadsheet, sees the row below the minimum age refused with its citation, then imports it", async ({ page }) => {
  await login(page, "caseworker");
  await page.getByRole("menuitem", { name: "Imports" }).click();
  await expect(page.getByRole("heading", { name: "Import children and cases", level: 1 })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Dry run (write nothing)" })).toBeChecked();
  await expectAccessible(page, "imports-empty");

  await page.getByLabel("Choose a CSV or XLSX file").setInputFiles({
    name: "children.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(FILE, "utf-8"),
  });
  await page.getByRole("button", { name: "Try the import" }).click();
  await expect(page.getByText("Tried 3 of 3 rows")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: /Tried 3 of 3 rows/ })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByText("Dry run finished: nothing was written.")).toBeVisible();

  const refused = page.locator('tr[data-outcome="refused"]');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText("MACR-1");
  await expect(refused).toContainText("Refused by a rule");
  await expect(refused).toContainText(/CRC|Convention|GC/);
  await expect(page.locator('tr[data-outcome="created"]')).toHaveCount(2);
  await expectAccessible(page, "imports-dry-run-report");

  // The import itself: the two rows are written, the refused one still is not.
  await page.getByRole("switch", { name: "Dry run (write nothing)" }).uncheck();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported 3 of 3 rows")).toBeVisible();
  await expect(page.locator('tr[data-outcome="refused"]')).toHaveCount(1);
  const created = page.locator('tr[data-outcome="created"]');
  await expect(created).toHaveCount(2);
  await created.first().getByRole("link", { name: "Open the child's record" }).click();
  await expect(page).toHaveURL(/#\/children\/\d+\/show/);
});
