import { afterEach, describe, expect, it, vi } from "vitest";

import { apiFetch } from "../http";
import { applyDocumentLocale, directionOf, storedLocale } from "./direction";
import { i18nProvider, LOCALES, messages } from "./index";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("the interface's languages", () => {
  it("offers English, French, Spanish and Arabic, each with every key of the English", () => {
    expect(LOCALES.map((l) => l.locale)).toEqual(["en", "fr", "es", "ar"]);
    const english = new Set(keys(messages.en!.jj, "jj").concat(keys(messages.en!.resources, "resources")));
    for (const { locale } of LOCALES) {
      const own = new Set(keys(messages[locale]!.jj, "jj").concat(keys(messages[locale]!.resources, "resources")));
      expect([...english].filter((k) => !own.has(k))).toEqual([]);
    }
  });

  it("has the Arabic of the words a user meets first, not the English", () => {
    const ar = messages.ar as unknown as { ra: { auth: { sign_in: string } }; jj: { decisions: { needed: string } } };
    expect(ar.ra.auth.sign_in).toBe("تسجيل الدخول");
    expect(ar.jj.decisions.needed).not.toBe("What would satisfy it");
  });

  it("counts in Arabic with its six plural forms (a menu names the plural, a record the singular)", async () => {
    await i18nProvider.changeLocale("ar");
    try {
      expect(i18nProvider.translate("resources.cases.name", { smart_count: 2 })).toBe("القضايا");
      expect(i18nProvider.translate("resources.cases.name", { smart_count: 1 })).toBe("قضية");
      expect(i18nProvider.translate("resources.cases.name", { smart_count: 11 })).toBe("القضايا");
    } finally {
      await i18nProvider.changeLocale("en");
    }
  });

  it("writes Arabic right to left and the rest left to right, on <html lang dir>", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("fr")).toBe("ltr");
    applyDocumentLocale("ar");
    expect(document.documentElement.lang).toBe("ar");
    expect(document.documentElement.dir).toBe("rtl");
    applyDocumentLocale("es");
    expect(document.documentElement.lang).toBe("es");
    expect(document.documentElement.dir).toBe("ltr");
  });

  it("reads the locale react-admin stored, and nothing from a broken store", () => {
    expect(storedLocale({ getItem: () => JSON.stringify("ar") })).toBe("ar");
    expect(storedLocale({ getItem: () => "{not json" })).toBeNull();
    expect(storedLocale({ getItem: () => null })).toBeNull();
  });
});

describe("requests to the server", () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18nProvider.changeLocale("en");
  });

  it("ask for its text in the interface's language and the user's time zone", async () => {
    const seen: Headers[] = [];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit = {}) => {
      seen.push(new Headers(init.headers));
      return new Response("{}", { status: 200 });
    });
    await apiFetch("/cases/");
    await i18nProvider.changeLocale("ar");
    await apiFetch("/cases/");
    expect(seen[0]!.get("Accept-Language")).toBe("en");
    expect(seen[1]!.get("Accept-Language")).toBe("ar");
    expect(seen[1]!.get("X-Time-Zone")).toBeTruthy();
  });
});
