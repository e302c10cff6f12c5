import { describe, expect, it } from "vitest";

import { errorOf } from "../account";
import { toHttpError } from "../http";
import { ROLES, userEditTransform } from "./index";
import { TABLE } from "../capabilities";

describe("user administration", () => {
  it("keeps the current password when the new one is left empty, and sends a new one when given", () => {
    expect(userEditTransform({ role: "supervisor", password: "", current_password: "x" })).toEqual({
      role: "supervisor",
      current_password: "x",
    });
    expect(userEditTransform({ password: "a-long-new-passphrase", current_password: "x" })).toEqual({
      password: "a-long-new-passphrase",
      current_password: "x",
    });
  });

  it("offers every role of the capability table", () => {
    expect(ROLES.map((r) => r.id).sort()).toEqual(Object.keys(TABLE.roles).sort());
  });

  it("is offered to administrators only, as the table says", () => {
    const managers = Object.entries(TABLE.roles).filter(([, row]) => "users.manage" in row).map(([role]) => role);
    expect(managers).toEqual(["administrator"]);
    for (const row of Object.values(TABLE.roles)) expect(row).toHaveProperty(["account.password"], "own");
  });
});

describe("the password pages' errors", () => {
  it("show the named field's message, else the answer's", () => {
    const wrong = toHttpError(400, { detail: "Your password is not right.", current_password: ["Your password is not right."] });
    expect(errorOf(wrong, "new_password", "current_password")).toBe("Your password is not right.");
    const expired = toHttpError(400, { detail: "This link is not valid", token: ["This link is not valid"] });
    expect(errorOf(expired, "new_password", "token")).toBe("This link is not valid");
    expect(errorOf(toHttpError(429, { detail: "Too many" }), "email")).toBe("Too many");
  });
});
