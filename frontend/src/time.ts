/** Times are stored in UTC and shown in the jurisdiction's zone, with the zone named. */
import { currentUser } from "./authProvider";

export function jurisdictionZone(): string {
  return currentUser()?.jurisdiction?.timezone ?? "UTC";
}

export function formatInZone(iso: string | null | undefined, locale = "en", zone = jurisdictionZone()): string {
  if (!iso) return "";
  const date = new Date(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(date);
}
