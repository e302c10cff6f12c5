/** An authProvider signed in as a role, with that role's row of the server's capability table (for unit tests). */
import type { AuthProvider } from "react-admin";

import { TABLE } from "../capabilities";
import { canAccess } from "../permissions";

export function authAs(role: string): AuthProvider {
  const capabilities = TABLE.roles[role] ?? {};
  return {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getIdentity: async () => ({ id: 1, fullName: role, role, capabilities }),
    getPermissions: async () => role,
    canAccess: async ({ resource, action }) => canAccess(role, resource, action),
  };
}
