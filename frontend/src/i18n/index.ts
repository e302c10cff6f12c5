import polyglotI18nProvider from "ra-i18n-polyglot";
import englishMessages from "ra-language-english";
import frenchMessages from "ra-language-french";
import { mergeTranslations } from "react-admin";
import type { TranslationMessages } from "react-admin";

import en from "./en";
import es from "./es";
import fr from "./fr";
import raSpanish from "./raSpanish";

export const LOCALES = [
  { locale: "en", name: "English" },
  { locale: "fr", name: "Français" },
  { locale: "es", name: "Español" },
];

export const messages: Record<string, TranslationMessages> = {
  en: mergeTranslations(englishMessages, en),
  fr: mergeTranslations(frenchMessages, fr),
  es: mergeTranslations(englishMessages, raSpanish, es),
};

// react-admin keeps the chosen locale in its store (localStorage) and restores it at the next visit.
export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.en!, "en", LOCALES, {
  allowMissing: true,
});
