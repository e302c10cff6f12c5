import { expect, test } from "@playwright/test";

import { expectAccessible, login, submitForm } from "./helpers";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test("a caseworker attaches a court order to a case and sees it listed; a program renamed .pdf is refused", async ({ page }) => {
  await login(page, "caseworker");
  await page.getByRole("menuitem", { name: "Cases" }).click();
  await page.locator("tbody tr").first().click();
  const documents = page.locator("section", { has: page.getByRole("heading", { name: "Documents" }) });
  await expect(documents.getByRole("heading", { name: "Documents" })).toBeVisible();

  const file = documents.getByLabel("File to attach (PDF, PNG, JPEG, DOCX or ODT)");
  await file.setInputFiles({ name: "fake-order.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ not a pdf") });
  const refused = await submitForm(page, documents.getByRole("button", { name: "Attach", exact: true }), "/documents/");
  expect(refused.status()).toBe(400);
  await expect(page.getByText(/Only PDF, PNG, JPEG, DOCX and ODT files can be attached/)).toBeVisible();
  await expect(documents.getByText("No documents attached.")).toBeVisible();

  await file.setInputFiles({ name: "court-order.pdf", mimeType: "application/pdf", buffer: PDF });
  const saved = await submitForm(page, documents.getByRole("button", { name: "Attach", exact: true }), "/documents/");
  expect(saved.status()).toBe(201);
  await expect(page.getByText("Document attached.")).toBeVisible();
  const row = documents.locator("tbody tr").filter({ hasText: "court-order.pdf" });
  await expect(row).toContainText("Court order");
  await expect(row.getByRole("link", { name: "court-order.pdf" })).toHaveAttribute("href", /\/api\/documents\/\d+\/download\/$/);
  await expectAccessible(page, "case-documents");
});

test("registering a child who is already registered shows the possible duplicate before saving", async ({ page }) => {
  await login(page, "caseworker");
  await page.goto("/#/children/create");
  await page.getByLabel("Given name").fill("Nóor");
  await page.getByLabel("Family name").fill("Demo");
  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("link", { name: /Noor Demo/ })).toHaveAttribute("href", /#\/children\/\d+\/show$/);
  await expectAccessible(page, "child-duplicate-warning");
});
