import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { expect } from "@playwright/test";
import type { Locator, Page, Request, Response } from "@playwright/test";

import { DEMO_PASSWORD } from "./global-setup";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf-8");
export const ARTIFACTS = "e2e-artifacts";
mkdirSync(ARTIFACTS, { recursive: true });

export async function login(page: Page, username: string): Promise<void> {
  await page.goto("/#/login");
  // Filled again until both values hold: a sign-in form still mounting after a logout empties what was typed.
  await expect(async () => {
    await page.getByLabel(/username/i).fill(username);
    await page.getByRole("textbox", { name: /password/i }).fill(DEMO_PASSWORD);
    await expect(page.getByLabel(/username/i)).toHaveValue(username);
    await expect(page.getByRole("textbox", { name: /password/i })).toHaveValue(DEMO_PASSWORD);
  }).toPass();
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("heading", { name: "What needs doing", level: 1 })).toBeVisible();
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core in the page (injected through the CDP, so the page's CSP does not apply): no serious or critical
 * violations of WCAG 2.1 A/AA. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // A closing menu fades out for a moment: check the page as the user is left with it.
  await expect(page.locator(".MuiPopover-root:visible, .MuiMenu-root:visible")).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  await page.evaluate(AXE);
  // So is a panel still loading: react-admin's spinners carry no name (axe: aria-progressbar-name), and a panel that
  // starts loading late (the child page's) was twice caught by axe mid-load on a loaded machine. The check is
  // repeated until the page has settled; a violation that stays still fails it once the time is up.
  await expect(async () => {
    await expect(page.locator('[role="progressbar"]:not([aria-label]):not([aria-labelledby]):visible')).toHaveCount(0);
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      }),
    )) as AxeResult;
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
      [],
    );
  }).toPass({ timeout: 30_000 });
}

/** Submit a workflow form and return the server's answer. On a loaded machine the first click on a form that has
 * just been filled was seen to send nothing (three times in CI, in three different forms; the cause is not found:
 * see the closing note of session 4). The click is repeated only while no request has gone out and the button shows
 * no submission in progress, so a slow submission is waited for, never sent twice. */
export async function submitForm(page: Page, save: Locator, path: string): Promise<Response> {
  const sent: Request[] = [];
  const seen = (request: Request) => {
    if (request.url().includes(path) && request.method() === "POST") sent.push(request);
  };
  page.on("request", seen);
  try {
    for (let attempt = 0; attempt < 4 && sent.length === 0; attempt += 1) {
      const submitting = (await save.locator(".MuiCircularProgress-root").count()) > 0;
      if (!submitting) await save.click();
      await expect
        .poll(() => sent.length, { timeout: 10_000 })
        .toBeGreaterThan(0)
        .catch(() => undefined);
    }
    expect(sent.length, `no POST to ${path} after the clicks`).toBeGreaterThan(0);
    const answer = await sent[0].response();
    expect(answer).not.toBeNull();
    return answer as Response;
  } finally {
    page.off("request", seen);
  }
}

/** A workflow step the rules refuse (422: nothing written). */
export async function submitExpectingRefusal(page: Page, save: Locator, path: string): Promise<void> {
  expect((await submitForm(page, save, path)).status()).toBe(422);
}

/** A file that leaves the system states why (REC-2): click the button, state the purpose in the dialog, and return
 * the download link's address (the dialog closed again); the server refuses a download without a purpose. */
export async function fileHref(page: Page, button: string, purpose = "Weekly review"): Promise<string> {
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Purpose of the export").fill(purpose);
  const href = (await dialog.getByRole("link", { name: "Export" }).getAttribute("href")) ?? "";
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  return href;
}
