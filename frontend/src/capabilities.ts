/** What the signed-in user's role may do, as the server's capability table says (backend/jj/accounts/capabilities.py,
 * served in /api/auth/me/ as `capabilities`). A form or button for an action the table denies is not shown; the API
 * stays the authority and refuses it anyway. */
import { useGetIdentity } from "react-admin";

import generated from "./capabilities.generated.json";

/** action -> scope (assigned, agency, facility, ...) for the caller's role. */
export type Capabilities = Record<string, string>;

export function allows(capabilities: Capabilities | undefined, action: string): boolean {
  return capabilities !== undefined && Object.prototype.hasOwnProperty.call(capabilities, action);
}

/** `can(action)` for the signed-in user; nothing is allowed until the identity is known. */
export function useCan(): (action: string) => boolean {
  const { identity } = useGetIdentity();
  const capabilities = (identity as { capabilities?: Capabilities } | undefined)?.capabilities;
  return (action: string) => allows(capabilities, action);
}

/** The table itself, for tests: every role's row, and each deadline kind with the action that meets it. */
export const TABLE = generated as {
  roles: Record<string, Capabilities>;
  deadlines: Record<string, { action: string; role: string }>;
  deadlines_without_a_form: Record<string, string>;
};
