/** Second-factor state, as /api/auth/me/ reports it, and the calls that change it. */
import { apiFetch } from "../http";

export interface MfaStatus {
  required: boolean;
  enrolled: boolean;
  verified: boolean;
  recovery_codes_left: number;
  totp?: boolean;
  security_keys?: number;
}

export type MfaStep = "verify" | "enrol" | "done";

/** What this session still needs: a code (enrolled, not yet given), an enrolment (required, none yet), nothing. */
export function mfaStep(mfa: MfaStatus | undefined): MfaStep {
  if (!mfa || mfa.verified) return "done";
  if (mfa.enrolled) return "verify";
  return mfa.required ? "enrol" : "done";
}

export interface TotpSetup {
  secret: string;
  otpauth_uri: string;
}

export const mfaApi = {
  setup: (currentPassword: string) =>
    apiFetch<TotpSetup>("/auth/mfa/totp/setup/", {
      method: "POST",
      body: JSON.stringify({ current_password: currentPassword }),
    }),
  confirm: (code: string) =>
    apiFetch<{ recovery_codes: string[] }>("/auth/mfa/totp/confirm/", {
      method: "POST",
      body: JSON.stringify({ code }),
    }),
  verify: (code: string) => apiFetch("/auth/mfa/verify/", { method: "POST", body: JSON.stringify({ code }) }),
};

/** The secret in groups of four, easier to type into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
