import { describe, expect, it } from "vitest";

import { choicesOf } from "../api";
import { protectionReferralStatusEnumValues } from "../api/schema.generated";
import { protectionReferralOf } from "../decisions/useRuleErrors";
import { messages } from "../i18n";
import { PROTECTION_STATUS } from "./index";

describe("the child-protection referral", () => {
  it("is found in a refused intake's answer, and nowhere else", () => {
    expect(protectionReferralOf({ status: 422, body: { decisions: [], protection_referral: 12 } })).toBe(12);
    expect(protectionReferralOf({ status: 422, body: { decisions: [] } })).toBeNull();
    expect(protectionReferralOf(new Error("network"))).toBeNull();
    expect(protectionReferralOf(null)).toBeNull();
  });

  it("offers the schema's statuses, each labelled in every language", () => {
    expect(PROTECTION_STATUS.map((c) => c.id)).toEqual([...protectionReferralStatusEnumValues]);
    for (const locale of ["en", "fr", "es", "ar"]) {
      const labels = (messages[locale]!.jj as { choices: { protection_status: Record<string, string> } }).choices
        .protection_status;
      for (const status of protectionReferralStatusEnumValues) expect(labels[status], `${locale} ${status}`).toBeTruthy();
    }
  });
});

describe("choice lists from the schema", () => {
  it("keep the enum's order and key each label by the value", () => {
    expect(choicesOf(["a", "b"], "jj.x")).toEqual([{ id: "a", name: "jj.x.a" }, { id: "b", name: "jj.x.b" }]);
    expect(choicesOf(["a"], (v) => `jj.role_${v}`)).toEqual([{ id: "a", name: "jj.role_a" }]);
  });
});
