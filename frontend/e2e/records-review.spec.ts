import { expect, test } from "@playwright/test";

import { expectAccessible, login, submitForm } from "./helpers";

/** REC-3 (CRC/C/GC/24 para. 71): Southport removes a child's records at 18 only after an independent review. The
 * demo's young man who turned 18 a month ago waits for one; Southport's court officer, never assigned to his case,
 * finds it on the worklist by pseudonym, and decides to retain the records until a date, when the review comes back. */
test("a court officer decides the independent review before a child's records are removed (REC-3)", async ({ page }) => {
  await login(page, "sp_court_officer");
  const line = page.getByTestId("deadline-records_removal_review").first();
  await expect(line).toBeVisible();
  await expect(line).toContainText(/C-[0-9A-F]{12}/); // the sealed child by pseudonym, never by name
  await expect(line).not.toContainText("Ferreira");
  await line.click();

  await expect(page).toHaveURL(/#\/removal-reviews/);
  await expect(page.getByText(/independent review first/)).toBeVisible();
  const row = page.locator("tbody tr").filter({ hasText: /C-[0-9A-F]{12}/ });
  await expect(row).toHaveCount(1);
  await expectAccessible(page, "removal-reviews");

  await row.getByRole("button", { name: "Decide" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: "Retain them until a later review" }).check();
  const until = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await dialog.getByLabel(/Retain until/).fill(until);
  await dialog.getByRole("textbox", { name: /Reason/ }).fill("An appeal about the same facts is still pending before the court");
  await expectAccessible(page, "removal-review-decide");
  const answer = await submitForm(page, dialog.getByRole("button", { name: "Save" }), "/records/removal-reviews/");
  expect(answer.status()).toBe(200);
  expect(((await answer.json()) as { outcome: string; retain_until: string }).retain_until).toBe(until);

  await expect(page.getByText("Decision recorded")).toBeVisible();
  await expect(page.getByText("No review is waiting for you.")).toBeVisible();
  await page.goto("/#/");
  await expect(page.getByRole("heading", { name: "What needs doing", level: 1 })).toBeVisible();
  await expect(page.getByTestId("deadline-records_removal_review")).toHaveCount(0);
});
