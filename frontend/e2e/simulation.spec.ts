import { expect, test } from "@playwright/test";

import { expectAccessible, fileHref, login, submitForm } from "./helpers";

test("an administrator simulates raising the minimum age from the policy page and reads what it would have changed", async ({ page }) => {
  await login(page, "administrator");
  // On the policy edit page, before saving: "Simulate" opens the form with the edited value.
  await page.goto("/#/policies/northland");
  const edited = page.getByLabel("Minimum age of criminal responsibility (years)");
  await expect(edited).toHaveValue("14");
  await edited.fill("16");
  await page.getByRole("button", { name: "Simulate" }).click();
  await expect(page).toHaveURL(/#\/simulations\/create/);
  const age = page.getByLabel("Minimum age of criminal responsibility (years)");
  await expect(age).toHaveValue("16");
  await expectAccessible(page, "simulation-create");

  const answer = await submitForm(page, page.getByRole("button", { name: "Save" }), "/api/simulations/");
  expect(answer.status()).toBe(202);

  // Computed in the background (in-process without a broker): the page follows its progress to the result.
  const totals = page.getByRole("table", { name: "What would have been different" });
  await expect(totals).toBeVisible();
  await expect(totals.getByTestId("total-cases_removed")).toContainText("Cases that would not have entered the criminal process");
  await expect(page.getByRole("alert").filter({ hasText: /acts of the period could be decided again/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Proposed parameters" })).toContainText("16");
  await expect(page.getByRole("table", { name: "Decisions that would change, by rule" })).toContainText("MACR-1");
  await expect(page.getByRole("group", { name: "By sex" })).toBeVisible();
  await expect(page.getByRole("group", { name: "By age group" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeVisible();
  const text = await page.locator("body").innerText();
  for (const name of ["Amara", "Okafor", "Milo", "Ines"]) expect(text).not.toContain(name);
  await expectAccessible(page, "simulation-show");
});

test("a monitor asks what raising the minimum age from 12 to 14 would have changed last year, downloads the report and compares two simulations", async ({ page }) => {
  // Southport's minimum age is 12 (the demo): fifteen children of 12 and 13 were prosecuted last year, six are held.
  await login(page, "sp_monitor");
  await page.goto("/#/simulations/create");
  const age = page.getByLabel("Minimum age of criminal responsibility (years)");
  await expect(age).toHaveValue("12");
  await age.fill("14");
  const answer = await submitForm(page, page.getByRole("button", { name: "Save" }), "/api/simulations/");
  expect(answer.status()).toBe(202);

  const totals = page.getByRole("table", { name: "What would have been different" });
  const total = (measure: string) => totals.getByTestId(`total-${measure}`).getByRole("cell").last();
  await expect(total("children_removed")).toHaveText("15"); // children who would not have been prosecuted
  await expect(total("cases_removed")).toHaveText("15");
  await expect(total("episodes_avoided")).toHaveText("6");
  await expect(total("child_days_avoided")).toHaveText(/^\d+(\.\d)?$/); // detention days avoided, not suppressed
  // The same replay under the policy in force reproduces every stored decision.
  const coverage = page.getByRole("alert").filter({ hasText: "acts of the period could be decided again" });
  await expect(coverage).toContainText("could be decided again (100%)");
  await expect(coverage).toContainText("Simulating the policy in force reproduces every stored decision (0 mismatches).");

  // Split by sex and by age group, as a chart and as tables.
  for (const chart of ["By sex", "By age group"]) {
    const figure = page.getByRole("group", { name: chart });
    await expect(figure.getByRole("application")).toBeVisible();
    await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible(); // bars drawn, not an empty frame
  }
  const bySex = page.getByRole("table", { name: "By sex" });
  await expect(bySex.getByRole("row", { name: /^Female/ }).getByRole("cell").nth(1)).toHaveText("8");
  await expect(bySex.getByRole("row", { name: /^Male/ }).getByRole("cell").nth(1)).toHaveText("7");
  const byAge = page.getByRole("table", { name: "By age group" });
  await expect(byAge.getByRole("row", { name: /^10 to 13/ }).getByRole("cell").nth(1)).toHaveText("15");
  await expect(page.getByRole("table", { name: "Decisions that would change, by rule" })).toContainText("MACR-1");
  await expectAccessible(page, "simulation-macr-12-14");

  // The printable report (PDF, in the reader's language) and the spreadsheets download; every export is audited.
  const href = await fileHref(page, "Printable report (PDF)", "Reform briefing");
  expect(href).toMatch(/\/simulations\/\d+\/pdf\/\?purpose=Reform\+briefing&lang=en$/);
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
  const xlsx = await page.request.get(await fileHref(page, "Export XLSX", "Reform briefing"));
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  const csv = await (await page.request.get(await fileHref(page, "Export CSV", "Reform briefing"))).text();
  expect(csv.split("\n")[0]).toContain(" UTC for: Reform briefing");
  expect(csv).toContain("total,children_removed,,,15");
  expect(csv).toContain("reproduced,mismatches,,,0");

  // A second proposal (13), kept beside the first: tick both in the list and compare them side by side.
  await page.goto("/#/simulations/create");
  await page.getByLabel("Minimum age of criminal responsibility (years)").fill("13");
  expect((await submitForm(page, page.getByRole("button", { name: "Save" }), "/api/simulations/")).status()).toBe(202);
  await expect(page.getByRole("table", { name: "What would have been different" })).toBeVisible();
  await page.goto("/#/simulations");
  const rows = page.locator("tbody").getByRole("checkbox");
  await expect(rows).toHaveCount(2);
  await rows.nth(0).check();
  await rows.nth(1).check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/#\/simulations\/compare\?ids=\d+,\d+/);
  await expect(page.getByRole("heading", { name: "Simulations side by side" })).toBeVisible();
  const compared = page.getByRole("table", { name: "What would have been different" });
  await expect(compared.getByRole("columnheader", { name: /^Simulation \d+$/ })).toHaveCount(2);
  const children = compared.getByRole("row", { name: /^Children not prosecuted/ });
  await expect(children).toContainText("15");
  await expect(children).toContainText("8"); // 13: only the children of 12 (eight of them) would not have been
  await expect(page.getByRole("table", { name: "Proposed parameters" })).toContainText("12 → 14");
  await expect(page.getByRole("table", { name: "Proposed parameters" })).toContainText("12 → 13");
  await expect(page.getByRole("group", { name: /^By age group/ })).toBeVisible();
  await expectAccessible(page, "simulation-compare");
});
