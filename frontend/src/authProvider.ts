/** Session authentication against Django: CSRF-protected JSON login, the session cookie, /api/auth/me/. */
import type { AuthProvider, UserIdentity } from "react-admin";

import { apiFetch } from "./http";
import type { MfaStatus } from "./mfa/mfa";
import { canAccessAs } from "./permissions";

export interface Me {
  id: number;
  username: string;
  display_name: string;
  role: string;
  agency: { id: number; name: string } | null;
  jurisdiction: { id: number; code: string; name: string; timezone: string } | null;
  mfa?: MfaStatus;
  capabilities?: Record<string, string>;
}

let me: Me | null = null;

async function loadMe(): Promise<Me> {
  if (!me) me = await apiFetch<Me>("/auth/me/");
  return me;
}

export function currentUser(): Me | null {
  return me;
}

export const authProvider: AuthProvider = {
  login: async ({ username, password }: { username: string; password: string }) => {
    me = null;
    await apiFetch("/auth/login/", { method: "POST", body: JSON.stringify({ username, password }) });
    await loadMe();
  },
  logout: async () => {
    if (me) {
      try {
        await apiFetch("/auth/logout/", { method: "POST", body: "{}" });
      } catch {
        // Already signed out on the server (session expired): nothing left to do.
      }
    }
    me = null;
  },
  checkAuth: async () => {
    await loadMe();
  },
  checkError: async (error: { status?: number }) => {
    if (error?.status === 401) {
      me = null;
      throw new Error("jj.errors.signed_out");
    }
    // 403: signed in but not allowed; stay on the page and show the message.
  },
  getIdentity: async (): Promise<UserIdentity> => {
    const user = await loadMe();
    return { ...user, fullName: user.display_name || user.username };
  },
  getPermissions: async () => (await loadMe()).role,
  canAccess: async ({ resource, action }) => {
    const user = await loadMe().catch(() => null);
    return canAccessAs(user, resource, action);
  },
};
