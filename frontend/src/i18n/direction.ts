/** The document follows the chosen language: `<html lang>` always, and `dir="rtl"` for a right-to-left script. */
export const RTL_LOCALES: ReadonlySet<string> = new Set(["ar"]);

export type Direction = "ltr" | "rtl";

export function directionOf(locale: string): Direction {
  return RTL_LOCALES.has(locale.split("-")[0] ?? locale) ? "rtl" : "ltr";
}

export function applyDocumentLocale(locale: string, root: HTMLElement = document.documentElement): void {
  root.lang = locale;
  root.dir = directionOf(locale);
}

/** The locale react-admin restores at start-up (its store keeps the choice in localStorage), before React runs. */
export function storedLocale(storage: Pick<Storage, "getItem"> = window.localStorage): string | null {
  try {
    const raw = storage.getItem("RaStore.locale");
    const value: unknown = raw ? JSON.parse(raw) : null;
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}
