import KeyIcon from "@mui/icons-material/Key";
import SecurityIcon from "@mui/icons-material/Security";
import type { ReactNode } from "react";
import {
  AppBar,
  Layout as RaLayout,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  MenuItemLink,
  UserMenu,
  useGetIdentity,
} from "react-admin";

import { MfaPanel, type MfaStatus, mfaStep } from "../mfa";
import { NotificationBell } from "../notifications";
import { LocaleDirection } from "./LocaleDirection";

/** The user menu's accessible name includes the name it shows (WCAG 2.5.3, label in name). */
function NamedUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ?? "ra.auth.user_menu"}>
      <MenuItemLink to="/security" primaryText="jj.mfa.menu" leftIcon={<SecurityIcon />} />
      <MenuItemLink to="/password" primaryText="jj.password.menu" leftIcon={<KeyIcon />} />
      <Logout />
    </UserMenu>
  );
}

/** The bell waits for a signed-in session past its second step (the API refuses the rest before). */
function Bell() {
  const { identity } = useGetIdentity();
  if (!identity || mfaStep(identity.mfa as MfaStatus | undefined) !== "done") return null;
  return <NotificationBell />;
}

function JjAppBar() {
  // react-admin's own toolbar (language menu, loading indicator), with the notifications bell.
  const toolbar = (
    <>
      <LocalesMenuButton />
      <Bell />
      <LoadingIndicator />
    </>
  );
  return <AppBar userMenu={<NamedUserMenu />} toolbar={toolbar} />;
}

/** A session that still owes its second factor sees only the step that gives it (the API refuses the rest). */
function MfaGate({ children }: { children: ReactNode }) {
  const { identity, isPending } = useGetIdentity();
  if (isPending) return null;
  const step = mfaStep(identity?.mfa as MfaStatus | undefined);
  if (step !== "done") return <MfaPanel step={step} onDone={() => window.location.reload()} />;
  return <>{children}</>;
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <LocaleDirection>
      <RaLayout appBar={JjAppBar}>
        <MfaGate>{children}</MfaGate>
      </RaLayout>
    </LocaleDirection>
  );
}
