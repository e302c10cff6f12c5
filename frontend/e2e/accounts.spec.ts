/** Issue 15, accounts: an administrator creates an account in the UI; its holder, having forgotten the password,
 * asks for a link on the sign-in page (the same answer for an unknown address), sets a new password from the
 * e-mail's link, signs in with it and changes it again. And a court outcome "released" releases the child: the
 * custody page shows the appearance and the release. */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";

import { expectAccessible, login, submitForm } from "./helpers";
import { DEMO_PASSWORD } from "./global-setup";

// Each of these walks several pages (with an accessibility check on each) and signs in more than once.
test.describe.configure({ timeout: 120_000 });

const ROOT = resolve(import.meta.dirname, "..", "..");

/** The reset link queued for this account in the e-mail outbox (no worker sends it during the browser tests). */
function resetLinkFor(username: string): string {
  const env = { ...process.env, ...JSON.parse(process.env.E2E_BACKEND_ENV ?? "{}") };
  const code =
    "from jj.deadlines.models import OutboxEmail;" +
    `print(OutboxEmail.objects.filter(kind='password_reset', recipient__username='${username}').latest('id').body)`;
  const run = spawnSync(join(ROOT, ".venv", "bin", "python"), ["manage.py", "shell", "-c", code], {
    cwd: join(ROOT, "backend"),
    env,
    encoding: "utf-8",
  });
  expect(run.status, run.stderr).toBe(0);
  const match = /\/#(\/reset-password\/[^\s/]+\/[^\s/]+)/.exec(run.stdout);
  expect(match, "a reset link in the e-mail").not.toBeNull();
  return match![1]!;
}

/** Through the administrator's form: an account of the Youth Justice Service, confirmed with the admin's password. */
async function createAccount(page: Page, username: string, email: string, password: string): Promise<void> {
  await page.goto("/#/users/create");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Given name").fill("Rita");
  await page.getByLabel("Family name").fill("Reset");
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel("Agency").click();
  await page.getByRole("option", { name: "Youth Justice Service" }).click();
  await page.getByLabel(/^First password/).fill(password);
  await page.getByLabel("Your own password, to confirm").fill(DEMO_PASSWORD);
  await expectAccessible(page, `user-create-${username}`);
  const created = await submitForm(page, page.getByRole("button", { name: "Save" }), "/users/");
  expect(created.status()).toBe(201);
  await expect(page.getByRole("cell", { name: username, exact: true })).toBeVisible();
}

test("an administrator creates an account; its holder resets a forgotten password by e-mail and changes it", async ({
  page,
}) => {
  await login(page, "administrator");
  await page.goto("/#/users");
  await expect(page.getByRole("cell", { name: "caseworker2", exact: true })).toBeVisible();
  await expectAccessible(page, "users-list");

  await createAccount(page, "e2e_reset", "rita.reset@example.org", "first-password-for-rita-2026");

  // Signed out: "Forgot password?" on the sign-in page.
  await page.context().clearCookies();
  await page.goto("about:blank"); // a fresh load: the application forgets who was signed in
  await page.goto("/#/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/forgot-password/);
  await page.getByLabel(/E-mail address/).fill("nobody-here@example.org");
  await page.getByRole("button", { name: "Send the link" }).click();
  const unknown = await page.getByTestId("reset-sent").innerText();
  await page.reload();
  await page.getByLabel(/E-mail address/).fill("rita.reset@example.org");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-sent")).toHaveText(unknown); // no telling which addresses have accounts
  await expectAccessible(page, "forgot-password-sent");

  const link = resetLinkFor("e2e_reset");
  await page.goto("about:blank"); // the link is opened from the e-mail: a fresh load
  await page.goto(`/#${link}`);
  await expect(page, link).toHaveURL(/reset-password/);
  await page.locator('input[name="new_password"]').fill("rita-chose-this-one-2026");
  await page.locator('input[name="repeat_password"]').fill("rita-chose-this-one-2026");
  await expectAccessible(page, "reset-password");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByTestId("reset-done")).toBeVisible();

  await page.getByRole("link", { name: "Back to sign-in" }).click();
  await page.getByLabel(/username/i).fill("e2e_reset");
  await page.getByRole("textbox", { name: /password/i }).fill("rita-chose-this-one-2026");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("heading", { name: "What needs doing", level: 1 })).toBeVisible();

  // Signed in: change it from the user menu's page.
  await page.goto("/#/password");
  await page.getByLabel("Current password").fill("wrong-password-here");
  await page.locator('input[name="new_password"]').fill("rita-second-choice-2026");
  await page.locator('input[name="repeat_password"]').fill("rita-second-choice-2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is not right.")).toBeVisible();
  await page.getByLabel("Current password").fill("rita-chose-this-one-2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Your other sessions have ended.")).toBeVisible();
  await expectAccessible(page, "password-change");
});

test("a court outcome 'released' releases the child; the custody page shows the appearance and the release", async ({
  page,
}) => {
  await login(page, "caseworker");
  await page.getByRole("menuitem", { name: "Cases" }).click();
  await page.locator("tbody tr").filter({ hasText: "Open" }).nth(3).click();
  await page.getByRole("link", { name: "Start custody" }).click();
  await page.getByLabel("Facility").click();
  await page.getByRole("option", { name: /police/i }).first().click();
  await page.getByLabel("Why a police or court cell (PTD-11)").fill("No youth unit open at night");
  await page
    .getByLabel("Why deprive a child under the age floor of liberty (PTD-9)")
    .fill("Public safety: repeated violent offences this week");
  await submitForm(page, page.getByRole("button", { name: "Save" }), "/custody-episodes/");
  await expect(page.getByText("Elapsed (hours)")).toBeVisible();
  await expect(page.getByTestId("episode-release")).toContainText("Not released: the child is held.");

  const appearance = page.getByTestId("form-appearance");
  await appearance.getByRole("button", { name: /court appearance/i }).click();
  await appearance.getByLabel("Judicial authority").fill("Northland Youth Court");
  await appearance.getByRole("combobox", { name: /^Outcome/ }).click();
  await page.getByRole("option", { name: "Released" }).click();
  const answer = await submitForm(page, appearance.getByRole("button", { name: "Save" }), "/appearances/");
  expect(answer.status()).toBe(201);

  const release = page.getByTestId("episode-release");
  await expect(release).toContainText("Judicial order");
  await expect(page.getByTestId("episode-appearances")).toContainText("Northland Youth Court");
  await expect(page.getByTestId("episode-appearances")).toContainText("Released");
  await expect(page.getByTestId("form-appearance")).toHaveCount(0); // ended: no more court acts on this episode
  await expectAccessible(page, "custody-released-by-court");
});

test("an administrator switches an account off: its open session ends at once", async ({ page, browser }) => {
  await login(page, "administrator");
  await createAccount(page, "e2e_off", "off@example.org", "first-password-for-off-2026");

  const holder = await (await browser.newContext()).newPage();
  await holder.goto("/#/login");
  await holder.getByLabel(/username/i).fill("e2e_off");
  await holder.getByRole("textbox", { name: /password/i }).fill("first-password-for-off-2026");
  await holder.getByRole("button", { name: /sign in/i }).click();
  await expect(holder.getByRole("heading", { name: "What needs doing", level: 1 })).toBeVisible();

  await page.locator("tbody tr").filter({ hasText: "e2e_off" }).getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(/users\/\d+$/);
  await expect(page.getByLabel("Your own password, to confirm")).toBeVisible();
  await page.getByRole("combobox", { name: /^Role/ }).click();
  await page.getByRole("option", { name: "Facility officer" }).click();
  await page.getByLabel("Account active").uncheck();
  await page.getByLabel("Your own password, to confirm").fill(DEMO_PASSWORD);
  await expectAccessible(page, "user-edit");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Account saved.")).toBeVisible();
  const row = page.locator("tbody tr").filter({ hasText: "e2e_off" });
  await expect(row).toContainText("Facility officer");

  await holder.reload();
  await expect(holder.getByRole("button", { name: /sign in/i })).toBeVisible(); // signed out
  await holder.context().close();
});
