import { describe, expect, it } from "vitest";

import { createBody, proposedParameters, running, shown } from "./api";

describe("simulation helpers", () => {
  const current = { macr: 14, over_capacity: "block", status_offence_codes: [], diversion_guardian_consent: true };

  it("proposes only the parameters that differ from the policy in force", () => {
    expect(proposedParameters({ macr: 16, over_capacity: "block", diversion_guardian_consent: false }, current)).toEqual({
      macr: 16,
      diversion_guardian_consent: false,
    });
    expect(proposedParameters({ macr: 14 }, current)).toEqual({});
  });

  it("leaves out lists, empty inputs and names that are not parameters", () => {
    expect(proposedParameters({ status_offence_codes: ["X"], macr: "", id: "northland" }, current)).toEqual({});
  });

  it("sends the period and the proposal flat, as the API validates them", () => {
    expect(createBody({ period_from: "2025-01-01", period_to: "2025-12-31", macr: 16, over_capacity: "block" }, current)).toEqual({
      period_from: "2025-01-01",
      period_to: "2025-12-31",
      macr: 16,
    });
  });

  it("marks suppressed cells and knows when a simulation still runs", () => {
    expect(shown(null, "suppressed")).toBe("suppressed");
    expect(shown(0, "suppressed")).toBe("0");
    expect(running({ status: "queued" })).toBe(true);
    expect(running({ status: "done" })).toBe(false);
    expect(running(undefined)).toBe(false);
  });
});
