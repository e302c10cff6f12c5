import { describe, expect, it } from "vitest";

import { groupSecret, mfaStep } from "./mfa";

const status = { required: false, enrolled: false, verified: false, recovery_codes_left: 0 };

describe("mfaStep", () => {
  it("asks an enrolled user for the code until it is given", () => {
    expect(mfaStep({ ...status, enrolled: true })).toBe("verify");
    expect(mfaStep({ ...status, enrolled: true, verified: true })).toBe("done");
  });
  it("sends a privileged user without an authenticator to enrol", () => {
    expect(mfaStep({ ...status, required: true })).toBe("enrol");
  });
  it("leaves others alone", () => {
    expect(mfaStep(status)).toBe("done");
    expect(mfaStep(undefined)).toBe("done");
  });
});

describe("groupSecret", () => {
  it("groups the secret by four", () => {
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
