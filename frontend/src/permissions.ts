/** What each role may do in the UI (docs/roles-and-permissions.md). It hides what a role cannot do; the API remains
 * the authority and answers 403/404 whatever the UI shows. */
export type Role =
  | "caseworker"
  | "supervisor"
  | "legal_counsel"
  | "facility_officer"
  | "court_officer"
  | "oversight_monitor"
  | "administrator";

type Action = "list" | "show" | "create" | "edit" | "delete" | string;

const READ = ["list", "show"];
const WRITE = [...READ, "create", "edit"];
const CREATE = [...READ, "create"];

const TABLE: Record<Role, Record<string, string[]>> = {
  caseworker: {
    children: WRITE,
    imports: CREATE,
    cases: WRITE,
    deadlines: READ,
    hearings: CREATE,
    notifications: READ,
    "custody-episodes": WRITE,
    facilities: READ,
    "protection-referrals": READ,
    "diversion-referrals": READ,
    "diversion-programmes": READ,
    approvals: READ,
    policies: READ,
    records: READ,
  },
  supervisor: {
    children: WRITE,
    imports: CREATE,
    cases: WRITE,
    deadlines: READ,
    hearings: CREATE,
    notifications: READ,
    "custody-episodes": WRITE,
    facilities: READ,
    "protection-referrals": READ,
    "diversion-referrals": READ,
    "diversion-programmes": CREATE,
    approvals: [...READ, "edit"],
    "audit-events": READ,
    inspections: READ,
    policies: READ,
    staff: READ,
    records: READ,
  },
  legal_counsel: {
    children: READ, cases: READ, deadlines: READ, "custody-episodes": READ, facilities: READ, policies: READ,
    "diversion-referrals": READ, hearings: CREATE, notifications: READ,
  },
  court_officer: {
    children: READ, cases: READ, deadlines: READ, "custody-episodes": READ, facilities: READ, policies: READ,
    "diversion-referrals": READ, hearings: READ, notifications: READ, "removal-reviews": ["list"],
  },
  facility_officer: {
    children: READ, cases: READ, deadlines: READ, "custody-episodes": READ, facilities: READ, policies: READ,
    hearings: READ, notifications: READ,
  },
  oversight_monitor: {
    notifications: READ, indicators: READ, "child-population": READ, simulations: CREATE,
    "audit-events": READ, "oversight-decisions": READ, inspections: CREATE, facilities: READ, policies: READ,
  },
  administrator: {
    notifications: READ, indicators: READ, "child-population": CREATE, simulations: CREATE,
    facilities: WRITE, policies: [...READ, "edit"], users: WRITE, "diversion-programmes": CREATE, inspections: READ,
    agencies: READ,
  },
};

export function canAccess(role: string | undefined, resource: string, action: Action): boolean {
  if (!role || !(role in TABLE)) return false;
  const allowed = TABLE[role as Role][resource];
  return allowed !== undefined && allowed.includes(action);
}

/** As `canAccess`, for the signed-in user: jurisdictions are the platform operator's (an administrator account the
 * server marks as such, served as the `jurisdiction.create` capability in /me), not a role's. */
export function canAccessAs(
  user: { role?: string; capabilities?: Record<string, string> } | null | undefined,
  resource: string,
  action: Action,
): boolean {
  if (resource === "jurisdictions") {
    return user?.capabilities?.["jurisdiction.create"] !== undefined && ["list", "create"].includes(action);
  }
  return canAccess(user?.role, resource, action);
}

/** Roles that see children's names (oversight and administrators see pseudonyms or nothing). */
export function seesNames(role: string | undefined): boolean {
  return role !== undefined && !["oversight_monitor", "administrator"].includes(role);
}
