import { expect, test } from "@playwright/test";

import { expectAccessible, fileHref, login, submitForm } from "./helpers";

const COURT = "Youth Court No. 7";

/** The number the bell's accessible name gives ("Notifications: 3 unread"). */
async function unread(page: import("@playwright/test").Page): Promise<number> {
  const label = (await page.getByTestId("notification-bell").getAttribute("aria-label")) ?? "";
  return Number(/(\d+)/.exec(label)?.[1] ?? "NaN");
}

test("a caseworker schedules a hearing for tomorrow, sees it on the calendar, and the bell shows it", async ({ page }) => {
  await login(page, "caseworker");
  await expect(page.getByTestId("notification-bell")).toHaveAttribute("aria-label", /Notifications: \d+ unread/);
  const before = await unread(page);

  await page.getByRole("menuitem", { name: "Hearings" }).click();
  await expect(page.getByRole("switch", { name: "My cases" })).toBeChecked();
  await expectAccessible(page, "hearings-calendar-empty");
  await page.getByRole("link", { name: "Schedule a hearing" }).click();

  await page.getByLabel("Reference").click();
  await page.getByRole("option").filter({ hasText: /\d/ }).first().click();
  await page.getByLabel("Court").fill(COURT);
  // Tomorrow, 23 hours from now, in the browser's own time (the input's format).
  const tomorrow = await page.evaluate(() => {
    const d = new Date(Date.now() + 23 * 3600 * 1000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await page.getByLabel("When").fill(tomorrow);
  const answer = await submitForm(page, page.getByRole("button", { name: "Save" }), "/hearings/");
  expect(answer.status()).toBe(201);
  await expect(page.getByText(COURT)).toBeVisible();
  await expectAccessible(page, "hearing-show");

  // On the calendar (my cases, scheduled), under its day.
  await page.getByRole("menuitem", { name: "Hearings" }).click();
  const row = page.getByRole("row").filter({ hasText: COURT });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Scheduled");
  await page.getByRole("button", { name: "By week" }).click();
  await expect(page.getByRole("heading", { name: /^Week of / }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: COURT })).toBeVisible();
  await expectAccessible(page, "hearings-calendar");

  // Within 24 hours: the caseworker is reminded at once, and the bell shows it.
  await expect.poll(() => unread(page)).toBe(before + 1);
  await page.getByTestId("notification-bell").click();
  const reminder = page.getByRole("menuitem").filter({ hasText: `Hearing within 24 hours at ${COURT}` });
  await expect(reminder).toBeVisible();
  await reminder.click();
  await expect(page).toHaveURL(/#\/cases\/\d+\/show/);
  await expect.poll(() => unread(page)).toBe(before);
  // The case page offers the court report as PDF, in the UI's language.
  // The case page offers the court report as PDF, in the UI's language, once the reader states why.
  expect(await fileHref(page, "Court report (PDF)", "Hearing on Monday")).toMatch(
    /\/report\/\?lang=en&purpose=Hearing\+on\+Monday$/,
  );
  await expectAccessible(page, "case-with-report");

  await page.getByRole("menuitem", { name: "Notifications" }).click();
  await expect(page.getByRole("combobox", { name: "E-mail me" })).toBeVisible();
  await expect(page.getByText(`Hearing within 24 hours at ${COURT}`)).toBeVisible();
  await expectAccessible(page, "notifications");
});
