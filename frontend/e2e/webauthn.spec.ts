/** A security key (WebAuthn) as the second factor, with Chromium's virtual authenticator (CDP): enrol a key on the
 * security page, sign out, sign in with the password and the key, then remove the key. The page is reached at
 * http://localhost:<port>, not 127.0.0.1: browsers refuse an IP address as the relying party id, and the server is
 * started with JJ_WEBAUTHN_RP_ID=localhost and that origin (e2e/global-setup.ts). */
import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD } from "./global-setup";
import { expectAccessible, login } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? 8765);
test.use({ baseURL: `http://localhost:${PORT}` });

test("a caseworker enrols a security key, then signs in with the password and the key", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });

  await login(page, "sp_caseworker");
  await page.goto("/#/security");
  const keys = page.getByRole("list", { name: "Security keys" });
  await expect(keys.getByText("No security key yet.")).toBeVisible();
  const addForm = page.getByRole("form", { name: "Add a security key" });
  await addForm.getByLabel(/name of the key/i).fill("laptop");
  await addForm.getByLabel(/your password/i).fill(DEMO_PASSWORD);
  await addForm.getByRole("button", { name: "Add a security key" }).click();
  await expect(keys.getByText("laptop")).toBeVisible();
  await expect(page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem")).toHaveCount(10);
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  await expectAccessible(page, "security-keys");

  await page.getByRole("button", { name: /sp_caseworker|Sam/i }).click();
  await page.getByRole("menuitem", { name: /logout/i }).click();
  await page.getByLabel(/username/i).fill("sp_caseworker");
  await page.getByRole("textbox", { name: /password/i }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("heading", { name: "Second step: your code" })).toBeVisible();
  await page.getByRole("button", { name: "Use a security key" }).click();
  await expect(page.getByRole("heading", { name: "What needs doing", level: 1 })).toBeVisible();

  // The key is removed again (password first), so no other spec meets a second step for this user.
  await page.goto("/#/security");
  await page.getByRole("form", { name: "Add a security key" }).getByLabel(/your password/i).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Remove laptop" }).click();
  await expect(keys.getByText("No security key yet.")).toBeVisible();
});
