import { expect, test } from "@playwright/test";

import { expectAccessible, login, submitForm } from "./helpers";

// A phone (issue 15): 390 px wide. A facility officer is offered exactly the facility's forms and completes a
// complaint, its answer and a visit. (Sideways scrolling is not asserted yet: a record's page can still be a few
// pixels too wide where a sub-table is.)
test.use({ viewport: { width: 390, height: 844 } });

test("a facility officer on a phone records a complaint, answers it and records a visit", async ({ page }) => {
  await login(page, "facility_officer");
  await page.goto("/#/custody-episodes");
  // One line per record on a phone (SimpleList); a table row where the list was drawn wide (seen in about one
  // load in three here, not explained yet: see the report of session 5).
  const first = page.getByRole("main").getByRole("link", { name: /NORTHLAND-/ }).or(page.locator("tbody tr")).first();
  await expect(first).toBeVisible();
  await expectAccessible(page, "phone-custody-list-facility-officer");
  await first.click();
  await expect(page.getByTestId("form-complaint")).toBeVisible();
  // The court's forms and the caseworker's are not offered to a facility officer.
  for (const denied of ["form-appearance", "form-detention-order", "form-transfer"]) {
    await expect(page.getByTestId(denied)).toHaveCount(0);
  }
  await expect(page.getByText("No Custody found")).toHaveCount(0);

  const complaint = page.getByTestId("form-complaint");
  await complaint.getByRole("button", { name: "Record a complaint by the child (DET-10)" }).click();
  await complaint.getByRole("textbox", { name: "The complaint, in the child's words", exact: true }).fill("No blanket at night");
  await expect(complaint.getByRole("textbox", { name: "The complaint, in the child's words", exact: true })).toHaveValue(
    "No blanket at night",
  );
  await expectAccessible(page, "phone-complaint-form");
  expect((await submitForm(page, complaint.getByRole("button", { name: "Save" }), "/complaints/")).status()).toBe(201);
  await expect(page.getByText("Recorded.", { exact: true }).first()).toBeVisible();

  const answer = page.locator('[data-testid^="form-complaint-response-"]').first();
  await answer.getByRole("button", { name: "Answer the complaint" }).click();
  await answer.getByRole("textbox", { name: "Response", exact: true }).fill("Two blankets given; heating repaired");
  await expect(answer.getByRole("textbox", { name: "Response", exact: true })).toHaveValue(
    "Two blankets given; heating repaired",
  );
  expect((await submitForm(page, answer.getByRole("button", { name: "Save" }), "/respond/")).status()).toBe(200);
  await expect(page.getByRole("cell", { name: "Two blankets given; heating repaired" })).toBeVisible();

  const visit = page.getByTestId("form-contact");
  await visit.getByRole("button", { name: "Record a visit or call" }).click();
  await visit.getByRole("textbox", { name: "Relationship", exact: true }).fill("grandmother");
  await expect(visit.getByRole("textbox", { name: "Relationship", exact: true })).toHaveValue("grandmother");
  expect((await submitForm(page, visit.getByRole("button", { name: "Save" }), "/contacts/")).status()).toBe(201);
  await expect(page.getByRole("cell", { name: "grandmother" })).toBeVisible();
  await expectAccessible(page, "phone-custody-show-after");
});
