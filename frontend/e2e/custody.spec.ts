import { expect, test } from "@playwright/test";

import { expectAccessible, login, submitExpectingRefusal, submitForm } from "./helpers";

test("a caseworker starts custody, is refused detention without alternatives, adds them, sees the deadlines", async ({ page }) => {
  await login(page, "caseworker");
  await page.getByRole("menuitem", { name: "Cases" }).click();
  await page.locator("tbody tr").first().click();
  await expect(page.getByText("Decision history")).toBeVisible();
  await expectAccessible(page, "case-show");

  await page.getByRole("link", { name: "Start custody" }).click();
  await expect(page).toHaveURL(/custody-episodes\/create/);
  await page.getByLabel("Facility").click();
  await page.getByRole("option", { name: /police/i }).first().click();
  await page.getByLabel("Why a police or court cell (PTD-11)").fill("No youth unit open at night");
  await page
    .getByLabel("Why deprive a child under the age floor of liberty (PTD-9)")
    .fill("Public safety: repeated violent offences this week");
  await expectAccessible(page, "custody-create");
  await submitForm(page, page.getByRole("button", { name: "Save" }), "/custody-episodes/");
  await expect(page.getByText("Elapsed (hours)")).toBeVisible();

  const order = page.getByTestId("form-detention-order");
  await order.getByRole("button", { name: "Record a detention order" }).click();
  await order.getByLabel("Legal basis").fill("Youth Justice Act s. 12");
  await order.getByLabel("Judicial authority").fill("Northland Youth Court");
  // The form holds what was typed before it is submitted (on a loaded machine a click can outrun the input).
  await expect(order.getByLabel("Judicial authority")).toHaveValue("Northland Youth Court");
  await submitExpectingRefusal(page, order.getByRole("button", { name: "Save" }), "/detention-orders/");
  await expect(order.getByTestId("decision-PTD-2").first()).toContainText("CRC/C/GC/24, para. 86");
  // HRD-1: the child's views (or why not heard) are asked for, with their citation.
  await expect(order.getByTestId("decision-HRD-1").first()).toContainText("CRC");
  await expectAccessible(page, "detention-order-refused");

  await order.getByLabel("Grounds").click();
  await page.getByRole("option", { name: "To ensure appearance at court" }).click();
  await page.keyboard.press("Escape");
  await order.getByRole("button", { name: "Add" }).click();
  await order.getByRole("textbox", { name: "Alternative", exact: true }).fill("Release to parents");
  await order.getByLabel("Why it was rejected").fill("Parents abroad, no other carer");
  await order.getByLabel("Why no alternative to detention suffices (PTD-2)").fill("Missed two hearings");
  await order.getByLabel("Why deprive a child under the age floor of liberty (PTD-9)").fill("Public safety concern");
  await order.getByLabel("The child's views on this decision (HRD-1)").fill("Wants to go home to his mother");
  await order.getByLabel("Why this cannot wait for legal counsel (CNS-1)").fill("Legal aid counsel on the way");
  await submitForm(page, order.getByRole("button", { name: "Save" }), "/detention-orders/");
  await expect(page.getByText("Recorded.", { exact: true })).toBeVisible();

  await page.getByRole("menuitem", { name: "Dashboard" }).click();
  await expect(page.getByTestId("deadline-detention_review").first()).toBeVisible();
  await expectAccessible(page, "dashboard-after-order");
});

test("a facility officer records a visit", async ({ page }) => {
  await login(page, "facility_officer");
  await page.getByRole("menuitem", { name: "Custody" }).click();
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await expectAccessible(page, "custody-list-facility-officer");
  await page.locator("tbody tr").first().click();
  const visit = page.getByTestId("form-contact");
  await visit.getByRole("button", { name: "Record a visit or call" }).click();
  await visit.getByLabel("Relationship").fill("mother");
  await visit.getByLabel("Name").fill("A. Visitor");
  await submitForm(page, visit.getByRole("button", { name: "Save" }), "/contacts/");
  await expect(page.getByText("Recorded.", { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "mother", exact: true })).toBeVisible();
  await expectAccessible(page, "custody-show-visit");
});

test("a facility officer records the child's individual assessment and plan (REI-1)", async ({ page }) => {
  await login(page, "facility_officer");
  await page.getByRole("menuitem", { name: "Custody" }).click();
  await page.locator("tbody tr").first().click();
  const plan = page.getByTestId("form-individual-plan");
  await plan.getByRole("button", { name: "Individual assessment and plan (REI-1)" }).click();
  await plan.getByRole("textbox", { name: "Assessed by", exact: true }).fill("Dr. A. Mensah, psychologist");
  await plan.getByRole("textbox", { name: "Needs", exact: true }).fill("Schooling interrupted; asthma");
  await plan.getByRole("textbox", { name: "Plan", exact: true }).fill("Enrol in the centre school; weekly health check");
  await expectAccessible(page, "custody-individual-plan");
  await submitForm(page, plan.getByRole("button", { name: "Save" }), "/individual-plans/");
  await expect(page.getByText("Recorded.", { exact: true })).toBeVisible();
});

test("a facility officer records that the family was told and the health examination (DET-1, DET-6)", async ({ page }) => {
  await login(page, "facility_officer");
  await page.getByRole("menuitem", { name: "Custody" }).click();
  await page.locator("tbody tr").first().click();
  const told = page.getByTestId("form-family-notification");
  await told.getByRole("button", { name: "Family told (DET-1)" }).click();
  await told.getByRole("textbox", { name: "Person told", exact: true }).fill("The child's mother");
  await submitForm(page, told.getByRole("button", { name: "Save" }), "/family-notifications/");
  await expect(page.getByText("Recorded.", { exact: true })).toBeVisible();
  const exam = page.getByTestId("form-health-examination");
  await exam.getByRole("button", { name: "Health examination (DET-6)" }).click();
  await exam.getByRole("textbox", { name: "Examiner", exact: true }).fill("Dr. N. Osei");
  await expectAccessible(page, "custody-health-examination");
  await submitForm(page, exam.getByRole("button", { name: "Save" }), "/health-examinations/");
  await expect(page.getByText("Recorded.", { exact: true }).first()).toBeVisible();
});

test("an allegation of violence by staff: the supervisor opens the independent investigation (ILL-1)", async ({
  page,
  browser,
}) => {
  await login(page, "facility_officer");
  await page.getByRole("menuitem", { name: "Custody" }).click();
  await page.locator("tbody tr").first().click();
  const incident = page.getByTestId("form-incident");
  await incident.getByRole("button", { name: "Record an incident" }).click();
  await incident.getByLabel("Kind").click();
  await page.getByRole("option", { name: /^other$/i }).click();
  await incident.getByLabel("Description").fill("Says a guard slapped him in the corridor");
  await incident.getByLabel("Allegation of ill-treatment or violence (ILL-1)").click();
  await page.getByRole("option", { name: "Violence by staff" }).click();
  await submitForm(page, incident.getByRole("button", { name: "Save" }), "/incidents/");
  await expect(page.getByText("Recorded.", { exact: true })).toBeVisible();
  await expect(page.getByText("Allegations of ill-treatment or violence (ILL-1)")).toBeVisible();
  const episodeUrl = page.url();

  const supervisor = await (await browser.newContext()).newPage();
  await login(supervisor, "supervisor");
  await supervisor.goto(episodeUrl);
  const open = supervisor.locator('[data-testid^="form-investigation-incident-"]').first();
  await open.getByRole("button", { name: "Open the independent investigation (ILL-1)" }).click();
  await open.getByLabel("Body or unit leading the investigation (no one implicated)").fill("Northland Ombudsperson");
  await expectAccessible(supervisor, "allegation-investigation");
  await submitForm(supervisor, open.getByRole("button", { name: "Save" }), "/investigation/");
  await expect(supervisor.getByText(/Investigation opened: Northland Ombudsperson/)).toBeVisible();
});
