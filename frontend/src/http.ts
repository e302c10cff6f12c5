/** Fetch against the Django API with the session cookie and CSRF token; errors become react-admin HttpErrors. */
import { HttpError } from "react-admin";

export const API = "/api";

export interface Decision {
  rule_id: string;
  outcome: "allow" | "warn" | "require_justification" | "block";
  message: string;
  /** The quoted words of a source, as checked, in `language` (they are never translated). */
  citation: { instrument: string; provision: string; text: string; language?: string };
  further_citations: { instrument: string; provision: string; text: string; language?: string }[];
  facts: Record<string, unknown>;
  satisfied_by: string[];
  supervisor_approval: boolean;
  below_standard: boolean;
  unmet: boolean;
}

export const STALE_MESSAGE = "jj.errors.stale";

/** Where the server's text is to be read: the interface's language and the user's time zone (issue 15). Set by
 * the i18n provider and the time module, so this module imports neither. */
let readerLocale: () => string = () => "en";
let readerZone: () => string = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function setReaderLocale(source: () => string): void {
  readerLocale = source;
}

export function setReaderZone(source: () => string): void {
  readerZone = source;
}

export function readerHeaders(headers: Headers): Headers {
  headers.set("Accept-Language", readerLocale());
  headers.set("X-Time-Zone", readerZone());
  return headers;
}

export function csrfToken(): string {
  const match = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
  return match ? decodeURIComponent(match.slice("csrftoken=".length)) : "";
}

export async function ensureCsrf(): Promise<string> {
  let token = csrfToken();
  if (!token) {
    await fetch(`${API}/auth/csrf/`, { credentials: "same-origin" });
    token = csrfToken();
  }
  return token;
}

type Json = Record<string, unknown>;

/** DRF's error body -> the shape react-admin puts next to form fields: {errors: {field: message}}. */
export function toHttpError(status: number, body: unknown): HttpError {
  const data = (body && typeof body === "object" ? body : {}) as Json;
  const detail = typeof data.detail === "string" ? data.detail : "";
  if (status === 422 && Array.isArray(data.decisions)) {
    return new HttpError(detail || "jj.errors.rule_violation", status, { ...data, decisions: data.decisions });
  }
  if (status === 409) {
    return new HttpError(STALE_MESSAGE, status, data);
  }
  if (status === 400) {
    const errors: Record<string, string> = {};
    for (const [field, value] of Object.entries(data)) {
      if (field === "detail") continue;
      const message = Array.isArray(value) ? value.map(String).join(" ") : typeof value === "string" ? value : JSON.stringify(value);
      errors[field === "non_field_errors" ? "root" : field] = message;
    }
    const root = errors.root ?? detail;
    return new HttpError(root || Object.values(errors)[0] || "ra.notification.http_error", status, {
      errors: { ...errors, ...(root ? { root: { serverError: root } } : {}) },
    });
  }
  return new HttpError(detail || `ra.notification.http_error`, status, data);
}

export async function apiFetch<T = Json>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? "GET").toUpperCase();
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  readerHeaders(headers);
  if (init.body !== undefined) headers.set("Content-Type", "application/json");
  if (!["GET", "HEAD", "OPTIONS"].includes(method)) headers.set("X-CSRFToken", await ensureCsrf());
  const response = await fetch(`${API}${path}`, { ...init, method, headers, credentials: "same-origin" });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : {};
  if (!response.ok) throw toHttpError(response.status, body);
  return body as T;
}

/** POST a multipart form (a file upload): the same headers, CSRF token and errors as apiFetch, the browser sets the
 * multipart boundary. */
export async function apiUpload<T = Json>(path: string, form: FormData): Promise<T> {
  const headers = readerHeaders(new Headers({ Accept: "application/json", "X-CSRFToken": await ensureCsrf() }));
  const response = await fetch(`${API}${path}`, { method: "POST", body: form, credentials: "same-origin", headers });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : {};
  if (!response.ok) throw toHttpError(response.status, body);
  return body as T;
}
