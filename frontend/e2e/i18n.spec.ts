/** Issue 15: a whole workflow in French and one in Arabic. The language is chosen on the sign-in page; the rules'
 * text comes back from the server in that language (no English rule text), the quoted source keeps its own words and
 * says so, the page is `lang` (and `dir="rtl"` in Arabic), and axe-core finds nothing serious. */
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

import ar from "../src/i18n/ar";
import fr from "../src/i18n/fr";
import { DEMO_PASSWORD } from "./global-setup";
import { expectAccessible, submitExpectingRefusal } from "./helpers";

// Words of the rules' English that none of their French or Arabic sentences contain.
const ENGLISH = ["the", "child", "must", "and", "with", "without", "record", "this", "before", "within", "hours", "never"];

type Messages = typeof fr;

async function signInIn(page: Page, language: string, messages: Messages, username: string): Promise<void> {
  await page.goto("/#/login");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("menuitem", { name: language }).click();
  await expect(page.getByRole("heading", { name: messages.jj.app_title, level: 1 })).toBeVisible();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole("heading", { name: messages.jj.dashboard.title, level: 1 })).toBeVisible();
}

/** A facility officer records restraint used as a punishment: refused (DET-9), nothing written. */
async function refusedRestraint(page: Page, messages: Messages): Promise<void> {
  await page.goto("/#/custody-episodes");
  await page.locator("tbody tr").first().click();
  const incident = page.getByTestId("form-incident");
  await incident.getByRole("button", { name: messages.jj.custody.incident }).click();
  await incident.getByLabel(messages.jj.fields.description).fill("Held down after refusing to return to his room");
  await incident.getByLabel(messages.jj.custody.purpose).click();
  await page.getByRole("option", { name: messages.jj.choices.purpose.punishment }).click();
  await submitExpectingRefusal(page, incident.locator('button[type="submit"]'), "/incidents/");
  await expect(incident.getByTestId("decision-DET-9")).toContainText("CRC/C/GC/24, para. 95(f)");
}

async function expectNoEnglishRuleText(page: Page): Promise<string[]> {
  const decisions = page.locator('[data-testid^="decision-"]');
  await expect(decisions.first()).toBeVisible();
  const messages = await decisions.locator(".MuiTypography-body2").first().allInnerTexts();
  const all: string[] = [];
  for (const decision of await decisions.all()) {
    const message = await decision.locator("p.MuiTypography-body2, div.MuiTypography-body2").first().innerText();
    const words = message.toLowerCase().match(/[a-z]+/g) ?? [];
    expect(words.filter((w) => ENGLISH.includes(w)), message).toEqual([]);
    // The quoted source keeps its words and is marked as English.
    await expect(decision.locator('[lang="en"]')).toHaveCount(1);
    all.push(message);
  }
  expect(messages.length).toBeGreaterThan(0);
  return all;
}

test("a facility officer works in French: the refusal reads in French, the source is quoted as checked", async ({ page }) => {
  await signInIn(page, "Français", fr, "facility_officer");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await refusedRestraint(page, fr);
  const messages = await expectNoEnglishRuleText(page);
  expect(messages.join(" ")).toContain("La contention ou la force ne peuvent jamais être utilisées comme punition");
  await expect(page.getByTestId("decision-DET-9")).toContainText("cité en English");
  await expectAccessible(page, "incident-refused-fr");
});

test("a facility officer works in Arabic, right to left: the refusal reads in Arabic", async ({ page }) => {
  await signInIn(page, "العربية", ar as unknown as Messages, "facility_officer");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page, "dashboard-ar");
  await refusedRestraint(page, ar as unknown as Messages);
  const messages = await expectNoEnglishRuleText(page);
  expect(messages.join(" ")).toContain("لا يجوز أبدًا استخدام التقييد أو القوة كعقوبة");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page, "incident-refused-ar");
});
