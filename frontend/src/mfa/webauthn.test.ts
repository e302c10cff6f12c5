import { describe, expect, it } from "vitest";

import { creationOptions, fromBase64url, requestOptions, toBase64url } from "./webauthn";

describe("base64url", () => {
  it("round-trips every byte value, without padding or + and /", () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const text = toBase64url(bytes.buffer);
    expect(text).not.toMatch(/[+/=]/);
    expect(new Uint8Array(fromBase64url(text))).toEqual(bytes);
  });
});

describe("options from the server", () => {
  it("turn the challenge, the user id and the credential ids into bytes", () => {
    const creation = creationOptions({
      challenge: "AAEC",
      rp: { id: "localhost", name: "JJ" },
      user: { id: "MQ", name: "sv", displayName: "Sv" },
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
      excludeCredentials: [{ id: "_w", type: "public-key" }],
    });
    expect(new Uint8Array(creation.challenge as ArrayBuffer)).toEqual(new Uint8Array([0, 1, 2]));
    expect(new Uint8Array(creation.user.id as ArrayBuffer)).toEqual(new Uint8Array([49]));
    expect(new Uint8Array(creation.excludeCredentials?.[0]?.id as ArrayBuffer)).toEqual(new Uint8Array([255]));
    const request = requestOptions({ challenge: "AAEC", rpId: "localhost", allowCredentials: [] });
    expect(request.allowCredentials).toEqual([]);
  });
});
