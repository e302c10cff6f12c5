/** Times are stored in UTC and shown in the jurisdiction's zone, with the zone named. */
import { currentUser } from "./authProvider";
import { setReaderZone } from "./http";

export function jurisdictionZone(): string {
  return currentUser()?.jurisdiction?.timezone ?? "UTC";
}

export function formatInZone(iso: string | null | undefined, locale = "en", zone = jurisdictionZone()): string {
  if (!iso) return "";
  const date = new Date(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(date);
}

// The server writes the dates inside its messages in the same zone as the interface shows them.
setReaderZone(() => currentUser()?.jurisdiction?.timezone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"));
