import { expect, test } from "@playwright/test";

import { expectAccessible, fileHref, login, submitForm } from "./helpers";

test("a contest of a fact in the file is recorded for the child, and a supervisor decides it (REC-1)", async ({ page }) => {
  await login(page, "caseworker");
  await page.getByRole("menuitem", { name: "Children" }).click();
  await page.locator("tbody tr").first().click();
  await expect(page.getByRole("heading", { name: "Contests of the file" })).toBeVisible();
  const childUrl = page.url();
  const open = page.getByTestId("form-record-contest");
  await open.getByRole("button", { name: "Contest a fact or an opinion in the file" }).click();
  await open.getByLabel("What is contested").click();
  await page.getByRole("option", { name: "Assessment or opinion" }).click();
  await open.getByRole("textbox", { name: /The contest, in the words/ }).fill("The school report was about another pupil.");
  await open.getByLabel("Raised by").click();
  await page.getByRole("option", { name: "The child" }).click();
  await submitForm(page, open.getByRole("button", { name: "Save" }), "/record-contests/");
  const contests = page.getByTestId("record-contests");
  await expect(contests.getByText("The school report was about another pupil.")).toBeVisible();
  await expect(contests.getByText("Awaiting a decision")).toBeVisible();
  await expectAccessible(page, "record-contest");

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole("button", { name: /Carmen|caseworker/ }).first().click();
  await page.getByRole("menuitem", { name: /logout/i }).click();
  await login(page, "supervisor");
  await page.goto(childUrl);
  const decide = page.getByTestId(/form-decide-contest-/).filter({ hasText: "another pupil" });
  await decide.getByRole("button", { name: /Decide this contest: The school report/ }).click();
  await decide.getByRole("combobox", { name: "Decision", exact: true }).click();
  await page.getByRole("option", { name: "Rejected: the contest stays in the file" }).click();
  await decide.getByRole("textbox", { name: /Reasons for the decision/ }).fill("The report names this child.");
  await submitForm(page, decide.getByRole("button", { name: "Save" }), "/decision/");
  await expect(page.getByTestId("record-contests").getByText("Rejected: the contest stays in the file")).toBeVisible();
  await expectAccessible(page, "record-contest-decided");

  // Subject access: everything held about the child, as PDF, for the child or their counsel.
  const pdf = await page.request.get(await fileHref(page, "Everything held about this child (PDF)", "Counsel request"));
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});
