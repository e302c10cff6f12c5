import type { ReactNode } from "react";
import { AppBar, Layout as RaLayout, UserMenu, useGetIdentity } from "react-admin";

/** The user menu's accessible name includes the name it shows (WCAG 2.5.3, label in name). */
function NamedUserMenu() {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ?? "ra.auth.user_menu"} />;
}

function JjAppBar() {
  return <AppBar userMenu={<NamedUserMenu />} />;
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout appBar={JjAppBar}>{children}</RaLayout>;
}
