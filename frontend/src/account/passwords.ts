/** One's own password: change it when signed in, or ask for a reset link and set a new one from it when not. */
import { apiFetch } from "../http";

export const passwordApi = {
  change: (current_password: string, new_password: string) =>
    apiFetch<{ sessions_ended: number }>("/auth/password/", {
      method: "POST",
      body: JSON.stringify({ current_password, new_password }),
    }),
  requestReset: (email: string) =>
    apiFetch<{ detail: string }>("/auth/password-reset/", { method: "POST", body: JSON.stringify({ email }) }),
  confirmReset: (uid: string, token: string, new_password: string) =>
    apiFetch("/auth/password-reset/confirm/", { method: "POST", body: JSON.stringify({ uid, token, new_password }) }),
};

/** The server's message for a failed step: the named field's, else the whole answer's. */
export function errorOf(error: unknown, ...fields: string[]): string {
  const body = (error as { body?: { errors?: Record<string, unknown> } })?.body;
  const errors = body?.errors ?? {};
  for (const field of fields) {
    const value = errors[field];
    if (typeof value === "string" && value) return value;
  }
  return (error as Error)?.message || "ra.notification.http_error";
}
