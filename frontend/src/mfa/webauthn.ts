/** Security keys (WebAuthn) as the second factor, with navigator.credentials directly: the server's options arrive
 * as JSON with binary fields in base64url (py_webauthn's options_to_json), and the browser's answer goes back the
 * same way. No library: the conversions below are all there is. */
import type { Schemas } from "../api";
import { apiFetch } from "../http";

type Json = Record<string, unknown>;

export function toBase64url(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(text: string): ArrayBuffer {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

interface Descriptor {
  id: string;
  type: "public-key";
  transports?: AuthenticatorTransport[];
}

const descriptors = (list: unknown): PublicKeyCredentialDescriptor[] =>
  ((list as Descriptor[] | undefined) ?? []).map((d) => ({ ...d, id: fromBase64url(d.id) }));

/** The server's registration options as the browser wants them. */
export function creationOptions(options: Json): PublicKeyCredentialCreationOptions {
  const user = options.user as { id: string; name: string; displayName: string };
  return {
    ...(options as unknown as PublicKeyCredentialCreationOptions),
    challenge: fromBase64url(options.challenge as string),
    user: { ...user, id: fromBase64url(user.id) },
    excludeCredentials: descriptors(options.excludeCredentials),
  };
}

/** The server's sign-in options as the browser wants them. */
export function requestOptions(options: Json): PublicKeyCredentialRequestOptions {
  return {
    ...(options as unknown as PublicKeyCredentialRequestOptions),
    challenge: fromBase64url(options.challenge as string),
    allowCredentials: descriptors(options.allowCredentials),
  };
}

/** The browser's answer as JSON for the server. */
export function credentialJson(credential: PublicKeyCredential): Json {
  const response = credential.response as AuthenticatorAttestationResponse & AuthenticatorAssertionResponse;
  const out: Json = { clientDataJSON: toBase64url(response.clientDataJSON) };
  if ("attestationObject" in response && response.attestationObject) {
    out.attestationObject = toBase64url(response.attestationObject);
    out.transports = typeof response.getTransports === "function" ? response.getTransports() : [];
  } else {
    out.authenticatorData = toBase64url(response.authenticatorData);
    out.signature = toBase64url(response.signature);
    out.userHandle = response.userHandle ? toBase64url(response.userHandle) : null;
  }
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    response: out,
    clientExtensionResults: credential.getClientExtensionResults(),
  };
}

export const webauthnSupported = (): boolean =>
  typeof window !== "undefined" && typeof window.PublicKeyCredential === "function" && !!navigator.credentials;

export type SecurityKey = Schemas["WebAuthnCredential"];

/** The signed-in user's keys (read through the data provider's `get`). */
export const SECURITY_KEYS_PATH = "/auth/mfa/webauthn/keys/";

const post = <T>(path: string, body: unknown) =>
  apiFetch<T>(path, { method: "POST", body: JSON.stringify(body ?? {}) });

export const securityKeysApi = {
  /** Enrol a key: the password, then the authenticator; recovery codes come back if the account had none. */
  register: async (currentPassword: string, name: string) => {
    const options = await post<Json>("/auth/mfa/webauthn/register/options/", { current_password: currentPassword });
    const credential = (await navigator.credentials.create({ publicKey: creationOptions(options) })) as
      PublicKeyCredential | null;
    if (!credential) throw new Error("jj.mfa.key_cancelled");
    return post<Schemas["WebAuthnRegistered"]>("/auth/mfa/webauthn/register/verify/", {
      credential: credentialJson(credential),
      name,
    });
  },
  /** The second step of a sign-in with a key. */
  verify: async () => {
    const options = await post<Json>("/auth/mfa/webauthn/authenticate/options/", {});
    const credential = (await navigator.credentials.get({ publicKey: requestOptions(options) })) as
      PublicKeyCredential | null;
    if (!credential) throw new Error("jj.mfa.key_cancelled");
    return post("/auth/mfa/webauthn/authenticate/verify/", { credential: credentialJson(credential) });
  },
  remove: (id: number, currentPassword: string) =>
    post<unknown>(`/auth/mfa/webauthn/keys/${id}/remove/`, { current_password: currentPassword }),
};
