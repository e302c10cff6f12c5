/** The pages against the server's capability table (frontend/src/capabilities.generated.json, written by
 * `make docs` from backend/jj/accounts/capabilities.py): no page shows a role an action the table denies, and every
 * deadline kind on the worklist is met by a form its responsible role can open. */
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { AdminContext, RecordContextProvider, testDataProvider, useGetIdentity } from "react-admin";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";

import { TABLE, allows } from "./capabilities";
import { CaseActions } from "./cases/CaseActions";
import { EpisodeActions } from "./custody";
import { RecordContests } from "./children/RecordContests";
import { ReferralActions } from "./diversion";
import { DocumentsPanel } from "./documents/DocumentsPanel";
import { HearingOutcomeForm } from "./hearings";
import { i18nProvider } from "./i18n";
import { FollowUpButton } from "./inspections";
import { RecordsPage } from "./records";
import { ProtectionReferralActions } from "./referrals";
import { RemovalReviewDecide } from "./records/removal-reviews";
import { authAs } from "./test/authAs";
import { MfaResetButton } from "./users";

const ROLES = Object.keys(TABLE.roles);
const HELD = {
  id: 7,
  child: 3,
  ended_at: null,
  complaints: [
    { id: 11, subject: "Cold cell", responded_at: null },
    { id: 13, subject: "Hit by staff", responded_at: null, allegation_kind: "ill_treatment", investigation_opened_at: null },
  ],
  legality_challenges: [{ id: 12, authority: "Youth court", decided_at: null }],
};

/** Every page that offers workflow steps, in each state that changes what it offers. */
const PAGES: Record<string, { record: Record<string, unknown>; element: ReactNode }> = {
  "custody, child held": { record: HELD, element: <EpisodeActions /> },
  "custody, child released": { record: { ...HELD, ended_at: "2026-01-02T10:00:00Z" }, element: <EpisodeActions /> },
  ...Object.fromEntries(
    ["open", "charged", "diverted", "sentenced", "closed", "closed_final"].map((status) => [
      `case, ${status}`,
      { record: { id: 5, status, version: 1 }, element: <CaseActions /> },
    ]),
  ),
  "diversion, offered": { record: { id: 9, status: "offered" }, element: <ReferralActions /> },
  "diversion, active": { record: { id: 9, status: "active" }, element: <ReferralActions /> },
  "user account": { record: { id: 2, username: "caseworker" }, element: <MfaResetButton /> },
  "inspection, follow-up due": {
    record: { id: 4, follow_up_due: "2026-03-01", follow_up_done_on: null },
    element: <FollowUpButton />,
  },
  ...Object.fromEntries(
    ["to_send", "sent", "received", "accepted", "closed"].map((status) => [
      `child-protection referral, ${status}`,
      { record: { id: 8, status }, element: <ProtectionReferralActions /> },
    ]),
  ),
  "hearing, scheduled": { record: { id: 6, status: "scheduled" }, element: <HearingOutcomeForm /> },
  "child, record contests": { record: { id: 3 }, element: <RecordContests /> },
  "child, documents": { record: { id: 3 }, element: <DocumentsPanel base="children" /> },
  "case, documents": { record: { id: 5 }, element: <DocumentsPanel base="cases" /> },
  "records (REC-3 preview and break-glass)": { record: {}, element: <RecordsPage /> },
  "removal review, open": {
    record: { id: 14, child_pseudonym: "C-0123456789AB", decided_at: null },
    element: <RemovalReviewDecide />,
  },
};

function Loaded() {
  const { identity } = useGetIdentity();
  return identity ? <span data-testid="identity-loaded" /> : null;
}

const dataProvider = testDataProvider({
  getList: async () => ({ data: [], total: 0 }),
  getMany: async () => ({ data: [] }),
});

const seen = new Map<string, Set<string>>();

/** The actions the page offers this role (forms and buttons carry their capability-table action), rendered once. */
async function offered(role: string, page: string): Promise<Set<string>> {
  const key = `${role} ${page}`;
  const known = seen.get(key);
  if (known) return known;
  const { record, element } = PAGES[page]!;
  render(
    <MemoryRouter>
      <AdminContext i18nProvider={i18nProvider} dataProvider={dataProvider} authProvider={authAs(role)}>
        <RecordContextProvider value={record}>
          <Loaded />
          {element}
        </RecordContextProvider>
      </AdminContext>
    </MemoryRouter>,
  );
  await screen.findByTestId("identity-loaded");
  const actions = new Set(
    Array.from(document.querySelectorAll("[data-action]")).map((el) => el.getAttribute("data-action") ?? ""),
  );
  if (screen.queryByTestId("start-custody")) actions.add("custody.start");
  cleanup();
  seen.set(key, actions);
  return actions;
}

afterEach(() => cleanup());

// Generous: every role renders every page once, and the machine running the suite may be shared.
describe("no page shows an action the capability table denies", { timeout: 300_000 }, () => {
  for (const role of ROLES) {
    it(`as ${role}`, async () => {
      for (const page of Object.keys(PAGES)) {
        for (const action of await offered(role, page)) {
          expect(allows(TABLE.roles[role], action), `${page} offers ${role} ${action}`).toBe(true);
        }
      }
    });
  }

  it("offers a facility officer the facility's forms and none of the court's", async () => {
    const actions = await offered("facility_officer", "custody, child held");
    for (const action of ["custody.family_notification", "custody.contact", "custody.health_examination",
      "custody.complaint", "custody.complaint_response", "child.guardians", "custody.incident", "custody.release"]) {
      expect(actions, action).toContain(action);
    }
    for (const action of ["custody.appearance", "custody.detention_order", "custody.transfer", "custody.legality_decision"]) {
      expect(actions, action).not.toContain(action);
    }
  });

  it("offers the child-protection referral's steps to the caseworker and the supervisor only", async () => {
    for (const role of ROLES) {
      const actions = await offered(role, "child-protection referral, sent");
      expect(actions.has("protection_referral.follow_up"), role).toBe(["caseworker", "supervisor"].includes(role));
    }
  });

  it("offers the document upload to exactly the roles that attach documents", async () => {
    for (const role of ROLES) {
      const actions = await offered(role, "case, documents");
      expect(actions.has("document.attach"), role).toBe(allows(TABLE.roles[role], "document.attach"));
    }
  });

  it("offers the records preview and the break-glass steps to exactly the roles the table allows", async () => {
    for (const role of ROLES) {
      const actions = await offered(role, "records (REC-3 preview and break-glass)");
      for (const action of ["records.preview", "records.sealed_read", "records.sealed_read_approve"]) {
        expect(actions.has(action), `${role} ${action}`).toBe(allows(TABLE.roles[role], action));
      }
    }
  });

  it("offers the decision of a removal review to court officers only (REC-3)", async () => {
    for (const role of ROLES) {
      const actions = await offered(role, "removal review, open");
      expect(actions.has("records.removal_review"), role).toBe(role === "court_officer");
    }
  });

  it("offers the authenticator reset on an account to administrators only", async () => {
    expect(await offered("administrator", "user account")).toContain("users.manage");
    expect(await offered("supervisor", "user account")).not.toContain("users.manage");
  });

  it("offers Start custody only where custody may start, and only to roles that start it", async () => {
    expect(await offered("caseworker", "case, open")).toContain("custody.start");
    expect(await offered("caseworker", "case, sentenced")).toContain("custody.start");
    for (const status of ["diverted", "closed", "closed_final"]) {
      expect(await offered("caseworker", `case, ${status}`)).not.toContain("custody.start");
    }
    expect(await offered("facility_officer", "case, open")).not.toContain("custody.start");
    expect(await offered("court_officer", "case, open")).not.toContain("custody.start");
  });
});

describe("every deadline kind on the worklist", { timeout: 120_000 }, () => {
  for (const [kind, { action, role }] of Object.entries(TABLE.deadlines)) {
    it(`${kind}: ${role} can open a form for ${action}`, async () => {
      expect(allows(TABLE.roles[role], action)).toBe(true);
      let found = false;
      for (const page of Object.keys(PAGES)) {
        if ((await offered(role, page)).has(action)) {
          found = true;
          break;
        }
      }
      expect(found, `no page offers ${role} the form for ${kind}`).toBe(true);
    });
  }

  it("names the kinds no person's act meets, with the reason", () => {
    expect(Object.keys(TABLE.deadlines_without_a_form).sort()).toEqual(
      ["records_removal"],
    );
  });
});
