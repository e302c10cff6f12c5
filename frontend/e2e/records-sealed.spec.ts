import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

import { records } from "../src/i18n/records";
import { DEMO_PASSWORD } from "./global-setup";
import { expectAccessible, login, submitForm } from "./helpers";

const REASON = "The youth court asked for the earlier file in a related hearing";

async function logout(page: Page, name: RegExp): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole("button", { name }).first().click();
  await page.getByRole("menuitem", { name: /logout/i }).click();
  // The sign-in page must be there before the next login fills it: a form still mounting would be emptied again.
  await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
}

async function openRecords(page: Page): Promise<void> {
  await page.getByRole("menuitem", { name: "Records" }).click();
  await expect(page.getByRole("heading", { name: "Records", level: 1 })).toBeVisible();
}

test("REC-3: a supervisor previews what will be sealed or removed; a break-glass read is asked, approved by a second person and opened under the audit banner", async ({ page }) => {
  // The supervisor's 30-day preview: the demo's sealed record turns 18 in three weeks, so its identity's removal shows.
  await login(page, "supervisor");
  await openRecords(page);
  const preview = page.getByTestId("records-preview");
  const removal = preview.locator("tbody tr").filter({ hasText: "Remove the identity" }).first();
  await expect(removal).toBeVisible();
  const cells = removal.locator("td");
  const pseudonym = (await cells.nth(0).innerText()).trim();
  const child = (await cells.nth(1).innerText()).trim();
  expect(pseudonym).toMatch(/^C-[0-9A-F]{12}$/);
  expect(child).toMatch(/^\d+$/);
  await expect(page.getByText("CRC/C/GC/24, para. 71")).toBeVisible();
  await expectAccessible(page, "records-preview");
  await logout(page, /Sabine|supervisor/);

  // The caseworker asks, with a reason: Northland's policy holds the read for a second supervisor; nothing is shown.
  await login(page, "caseworker");
  await openRecords(page);
  await expect(page.getByTestId("records-preview")).toHaveCount(0);
  await expect(page.getByTestId("sealed-reads-to-decide")).toHaveCount(0);
  const form = page.getByTestId("form-sealed-read");
  await form.getByLabel(/Child number/).fill(child);
  await form.getByRole("textbox", { name: /Why you need this sealed record/ }).fill(REASON);
  const asked = await submitForm(page, form.getByRole("button", { name: "Ask to read a sealed record" }), "/records/sealed-read/");
  expect(asked.status()).toBe(202);
  await expect(page.getByText("Your request waits for a second supervisor's approval.")).toBeVisible();
  const mine = page.getByTestId("sealed-reads-mine");
  await expect(mine.locator("tbody tr").filter({ hasText: pseudonym }).first()).toContainText("Waiting for a second supervisor");
  await expect(page.getByTestId("sealed-record")).toHaveCount(0);
  await expectAccessible(page, "records-break-glass-asked");
  await logout(page, /Carmen|caseworker/);

  // The supervisor, a second person, approves.
  await login(page, "supervisor");
  await openRecords(page);
  const waiting = page.getByTestId("sealed-reads-to-decide");
  await waiting.getByRole("button", { name: `Approve: ${pseudonym}, caseworker` }).first().click();
  await expect(waiting.getByRole("button", { name: `Approve: ${pseudonym}, caseworker` })).toHaveCount(0);
  await expectAccessible(page, "records-break-glass-decided");
  await logout(page, /Sabine|supervisor/);

  // The caseworker opens it once: the record, read-only, under the banner.
  await login(page, "caseworker");
  await openRecords(page);
  const approved = page.getByTestId("sealed-reads-mine").locator("tbody tr").filter({ hasText: "Approved: can be opened once" });
  await expect(approved).toHaveCount(1);
  await approved.getByRole("button", { name: `Open the record ${pseudonym}` }).click();
  const record = page.getByTestId("sealed-record");
  await expect(record.getByTestId("sealed-read-banner")).toContainText("audited and reported to the oversight body");
  await expect(record.getByText("Rosa")).toBeVisible();
  await expect(record.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByTestId("sealed-reads-mine").locator("tbody tr").filter({ hasText: pseudonym }).first()).toContainText("Opened");
  await expectAccessible(page, "records-sealed-opened");
});

test("the Records menu entry is offered only to the roles that preview or break glass", async ({ page }) => {
  for (const [role, offered] of [["legal_counsel", false], ["oversight_monitor", false], ["caseworker", true]] as const) {
    await login(page, role);
    await expect(page.getByRole("menuitem", { name: "Records" })).toHaveCount(offered ? 1 : 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole("button", { name: /Lena|Olga|Carmen|legal_counsel|oversight_monitor|caseworker/ }).first().click();
    await page.getByRole("menuitem", { name: /logout/i }).click();
  }
});

test("the records page in Arabic reads right to left, the standards quoted in their own words", async ({ page }) => {
  await page.goto("/#/login");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("menuitem", { name: "العربية" }).click();
  await page.locator('input[name="username"]').fill("supervisor");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("menuitem", { name: records.ar.resources.records.name.split(" |||| ")[0] }).click();
  await expect(page.getByRole("heading", { name: records.ar.jj.records.title, level: 1 })).toBeVisible();
  await expect(page.getByTestId("records-preview").getByText(records.ar.jj.records.actions.remove).first()).toBeVisible();
  await expect(page.locator('blockquote[lang="en"]').first()).toContainText("removal of children's criminal records");
  await expectAccessible(page, "records-ar");
});
