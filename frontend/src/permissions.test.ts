import { describe, expect, it } from "vitest";

import { canAccess, canAccessAs, seesNames } from "./permissions";

describe("canAccess", () => {
  it.each([
    ["caseworker", "children", "create", true],
    ["caseworker", "audit-events", "list", false],
    ["supervisor", "audit-events", "list", true],
    ["legal_counsel", "cases", "list", true],
    ["legal_counsel", "cases", "create", false],
    ["facility_officer", "custody-episodes", "show", true],
    ["facility_officer", "custody-episodes", "create", false],
    ["oversight_monitor", "children", "list", false],
    ["oversight_monitor", "audit-events", "list", true],
    ["administrator", "cases", "list", false],
    ["administrator", "facilities", "create", true],
    ["legal_counsel", "hearings", "create", true],
    ["court_officer", "hearings", "create", false],
    ["court_officer", "hearings", "show", true],
    ["oversight_monitor", "hearings", "list", false],
    ["oversight_monitor", "notifications", "list", true],
    ["oversight_monitor", "simulations", "create", true],
    ["administrator", "simulations", "show", true],
    ["supervisor", "simulations", "list", false],
    ["caseworker", "simulations", "create", false],
    [undefined, "cases", "list", false],
    ["intruder", "cases", "list", false],
  ])("%s on %s/%s -> %s", (role, resource, action, expected) => {
    expect(canAccess(role as string | undefined, resource as string, action as string)).toBe(expected);
  });

  it("names are hidden from oversight monitors and administrators", () => {
    expect(seesNames("caseworker")).toBe(true);
    expect(seesNames("oversight_monitor")).toBe(false);
    expect(seesNames("administrator")).toBe(false);
    expect(seesNames(undefined)).toBe(false);
  });
});

describe("canAccessAs: jurisdictions are the platform operator's", () => {
  it("shows them only to an account the server serves jurisdiction.create", () => {
    const operator = { role: "administrator", capabilities: { "jurisdiction.create": "platform" } };
    const admin = { role: "administrator", capabilities: { "users.manage": "jurisdiction" } };
    expect(canAccessAs(operator, "jurisdictions", "list")).toBe(true);
    expect(canAccessAs(operator, "jurisdictions", "create")).toBe(true);
    expect(canAccessAs(operator, "jurisdictions", "edit")).toBe(false);
    expect(canAccessAs(admin, "jurisdictions", "list")).toBe(false);
    expect(canAccessAs(null, "jurisdictions", "list")).toBe(false);
    expect(canAccessAs(admin, "facilities", "create")).toBe(true);
  });
});
