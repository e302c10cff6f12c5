/** Second factor in the browser: enrol an authenticator app from the account menu, keep the recovery codes, then
 * sign in again with a code. (The browser tests run with JJ_MFA_REQUIRED off, as `make run` does; the API tests
 * cover the required case.) */
import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD } from "./global-setup";
import { expectAccessible, login } from "./helpers";

function base32(secret: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of secret.replace(/[\s=]/g, "").toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** RFC 6238 with the defaults django-otp uses (SHA-1, 30 s, 6 digits); `stepsAhead` moves past a code already used. */
function totp(secret: string, stepsAhead = 0): string {
  const counter = Math.floor(Date.now() / 1000 / 30) + stepsAhead;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac("sha1", base32(secret)).update(message).digest();
  const offset = digest[digest.length - 1]! & 0xf;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

test("a caseworker enrols an authenticator app, then signs in with a code", async ({ page }) => {
  await login(page, "caseworker2");
  await page.goto("/#/security");
  // The app's form, not the security keys' one below it.
  await page.getByRole("form", { name: "Set up an authenticator app" }).getByLabel(/your password/i).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Begin" }).click();
  const secret = (await page.getByTestId("mfa-secret").textContent()) ?? "";
  expect(secret.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByText(/otpauth:\/\/totp\//)).toBeVisible();
  await page.getByRole("textbox", { name: "Code" }).fill(totp(secret));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expectAccessible(page, "mfa-recovery-codes");
  await page.getByRole("button", { name: "I have kept them" }).click();

  await page.getByRole("button", { name: /caseworker2|Kwame/i }).click();
  await page.getByRole("menuitem", { name: /logout/i }).click();
  await page.getByLabel(/username/i).fill("caseworker2");
  await page.getByRole("textbox", { name: /password/i }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("heading", { name: "Second step: your code" })).toBeVisible();
  await expectAccessible(page, "mfa-verify");
  await page.getByRole("textbox", { name: "Code" }).fill(totp(secret, 1));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What needs doing", level: 1 })).toBeVisible();
});
