import { expect, test } from "@playwright/test";

import { expectAccessible, login } from "./helpers";

const ROLES = ["caseworker", "supervisor", "legal_counsel", "facility_officer", "court_officer", "oversight_monitor", "administrator"];

for (const role of ROLES) {
  test(`${role} signs in and sees the worklist`, async ({ page }) => {
    await login(page, role);
    await expectAccessible(page, `dashboard-${role}`);
  });
}

test("a caseworker lists children and opens one", async ({ page }) => {
  await login(page, "caseworker");
  await page.getByRole("menuitem", { name: "Children" }).click();
  await expect(page.getByRole("columnheader", { name: "Given name" })).toBeVisible();
  await expectAccessible(page, "children-list");
  await page.locator("tbody tr").first().click();
  await expect(page.getByText("Date of birth certainty")).toBeVisible();
  await expectAccessible(page, "child-show");
});

test("an oversight monitor sees the audit trail and no child's name", async ({ page }) => {
  await login(page, "oversight_monitor");
  await page.getByRole("menuitem", { name: "Audit trail" }).click();
  await expect(page.getByRole("columnheader", { name: "Pseudonym" })).toBeVisible();
  await expectAccessible(page, "audit-trail");
  const text = await page.locator("body").innerText();
  for (const name of ["Amara", "Okafor", "Milo", "Ines"]) expect(text).not.toContain(name);
  await expect(page.getByRole("menuitem", { name: "Children" })).toHaveCount(0);
});

test("the language switches to French", async ({ page }) => {
  await login(page, "supervisor");
  await page.getByRole("button", { name: /english/i }).click();
  await page.getByRole("menuitem", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "À faire", level: 1 })).toBeVisible();
  await expectAccessible(page, "dashboard-fr");
});

/** The pages that offer workflow steps, each opened at the first record the role can see (asked of the API: a list
 * the role may not read is skipped). Every step on a page carries its capability-table action (data-action). */
const STEP_PAGES = ["cases", "custody-episodes", "diversion-referrals", "hearings", "protection-referrals", "children"];

for (const role of ROLES) {
  test(`no page shows ${role} a step the capability table denies`, async ({ page }) => {
    await login(page, role);
    const me = await page.evaluate(async () => (await fetch("/api/auth/me/", { credentials: "same-origin" })).json());
    const allowed = new Set(Object.keys((me as { capabilities: Record<string, string> }).capabilities));
    let seen = 0;
    for (const resource of STEP_PAGES) {
      const first = await page.evaluate(async (name) => {
        const answer = await fetch(`/api/${name}/?page_size=1`, { credentials: "same-origin" });
        if (!answer.ok) return null;
        const body = (await answer.json()) as { results?: { id: number }[] };
        return body.results?.[0]?.id ?? null;
      }, resource);
      if (first === null) continue;
      await page.goto(`/#/${resource}/${first}/show`);
      // Loaded: the record's page is shown and the app bar's loading indicator is gone.
      await expect(page).toHaveURL(new RegExp(`#/${resource}/${first}/show$`));
      await expect(page.locator(".RaLoadingIndicator-loader")).toHaveCount(0);
      await expect(page.locator("#main-content")).not.toBeEmpty();
      const offered = await page.locator("[data-action]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-action") ?? ""));
      for (const action of offered) expect(allowed.has(action), `${resource} offers ${role} ${action}`).toBe(true);
      seen += offered.length;
    }
    // Not vacuous: the roles that record casework were offered steps (the pages had rendered them).
    if (allowed.has("case.record")) expect(seen).toBeGreaterThan(0);
  });
}
