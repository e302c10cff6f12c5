import polyglotI18nProvider from "ra-i18n-polyglot";
import englishMessages from "ra-language-english";
import frenchMessages from "ra-language-french";
import { mergeTranslations } from "react-admin";
import type { TranslationMessages } from "react-admin";

import { setReaderLocale } from "../http";
import { accounts } from "./accounts";
import { consent } from "./consent";
import ar from "./ar";
import en from "./en";
import es from "./es";
import { extra } from "./extra";
import fr from "./fr";
import { importMessages } from "./imports";
import raArabic from "./raArabic";
import raSpanish from "./raSpanish";
import { records } from "./records";
import { referrals } from "./referrals";
import { removalReviewMessages } from "../records/removal-reviews/messages";
import { schemaChoices } from "./schemaChoices";

export const LOCALES = [
  { locale: "en", name: "English" },
  { locale: "fr", name: "Français" },
  { locale: "es", name: "Español" },
  { locale: "ar", name: "العربية" },
];

export const messages: Record<string, TranslationMessages> = {
  en: mergeTranslations(
    englishMessages,
    en,
    extra.en,
    accounts.en,
    referrals.en,
    removalReviewMessages.en,
    importMessages.en,
    consent.en,
    schemaChoices.en,
    records.en,
  ),
  fr: mergeTranslations(
    frenchMessages,
    fr,
    extra.fr,
    accounts.fr,
    referrals.fr,
    removalReviewMessages.fr,
    importMessages.fr,
    consent.fr,
    schemaChoices.fr,
    records.fr,
  ),
  es: mergeTranslations(
    englishMessages,
    raSpanish,
    es,
    extra.es,
    accounts.es,
    referrals.es,
    removalReviewMessages.es,
    importMessages.es,
    consent.es,
    schemaChoices.es,
    records.es,
  ),
  ar: mergeTranslations(
    englishMessages,
    raArabic,
    ar,
    extra.ar,
    accounts.ar,
    referrals.ar,
    removalReviewMessages.ar,
    importMessages.ar,
    consent.ar,
    schemaChoices.ar,
    records.ar,
  ),
};

// react-admin keeps the chosen locale in its store (localStorage) and restores it at the next visit.
export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? messages.en!, "en", LOCALES, {
  allowMissing: true,
});

// Every request asks the server for its text in the interface's language (Accept-Language).
setReaderLocale(() => i18nProvider.getLocale());
