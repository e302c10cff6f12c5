/** Account security (/security): enrol an authenticator app, optional for roles that do not require one, and
 * security keys (WebAuthn). */
import { Title, useGetIdentity } from "react-admin";

import { MfaPanel } from "./MfaPanel";
import { SecurityKeys } from "./SecurityKeys";
import type { MfaStatus } from "./mfa";

export function SecurityPage() {
  const { identity } = useGetIdentity();
  const mfa = identity?.mfa as MfaStatus | undefined;
  if (!mfa) return null;
  return (
    <>
      <Title title="jj.mfa.menu" />
      <MfaPanel step={(mfa.totp ?? mfa.enrolled) ? "done" : "enrol"} onDone={() => window.location.reload()} />
      <SecurityKeys />
    </>
  );
}
