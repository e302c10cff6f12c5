import SecurityIcon from "@mui/icons-material/Security";
import type { ReactNode } from "react";
import { AppBar, Layout as RaLayout, Logout, MenuItemLink, UserMenu, useGetIdentity } from "react-admin";

import { MfaPanel, type MfaStatus, mfaStep } from "../mfa";
import { LocaleDirection } from "./LocaleDirection";

/** The user menu's accessible name includes the name it shows (WCAG 2.5.3, label in name). */
function NamedUserMenu() {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ?? "ra.auth.user_menu"}>
      <MenuItemLink to="/security" primaryText="jj.mfa.menu" leftIcon={<SecurityIcon />} />
      <Logout />
    </UserMenu>
  );
}

function JjAppBar() {
  return <AppBar userMenu={<NamedUserMenu />} />;
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
