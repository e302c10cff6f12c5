/** Origin and disability on the child's record, and the consent to count them in the oversight statistics
 * (A/RES/79/172 para 17); merged into each language's messages. */
type Consent = {
  jj: {
    labels: Record<
      | "origin_section"
      | "nationality"
      | "migration_status"
      | "migration_status_consent"
      | "minority_status"
      | "minority_status_consent"
      | "disability"
      | "disability_consent"
      | "consent_help",
      string
    >;
    oversight: {
      dimensions: Record<"nationality" | "migration_status" | "disability", string>;
      group_names: Record<"disability" | "no_disability", string>;
    };
  };
};

const en: Consent = {
  jj: {
    labels: {
      origin_section: "Origin and disability (counted in statistics only with consent)",
      nationality: "Nationality",
      migration_status: "Migration status",
      migration_status_consent: "The child or guardian consents to nationality and migration status being counted in statistics",
      minority_status: "Minority status",
      minority_status_consent: "The child or guardian consents to minority status being recorded",
      disability: "Disability",
      disability_consent: "The child or guardian consents to a disability being counted in statistics",
      consent_help: "Statistics never show a name or a description, and a child without consent is counted as not recorded.",
    },
    oversight: {
      dimensions: {
        nationality: "Nationality (with consent)",
        migration_status: "Migration status (with consent)",
        disability: "Disability (with consent)",
      },
      group_names: { disability: "Disability recorded", no_disability: "No disability recorded" },
    },
  },
};

const fr: Consent = {
  jj: {
    labels: {
      origin_section: "Origine et handicap (comptés dans les statistiques seulement avec consentement)",
      nationality: "Nationalité",
      migration_status: "Statut migratoire",
      migration_status_consent:
        "L'enfant ou son représentant consent à ce que la nationalité et le statut migratoire soient comptés dans les statistiques",
      minority_status: "Appartenance à une minorité",
      minority_status_consent: "L'enfant ou son représentant consent à ce que l'appartenance à une minorité soit enregistrée",
      disability: "Handicap",
      disability_consent: "L'enfant ou son représentant consent à ce qu'un handicap soit compté dans les statistiques",
      consent_help:
        "Les statistiques ne montrent jamais de nom ni de description, et un enfant sans consentement est compté comme non renseigné.",
    },
    oversight: {
      dimensions: {
        nationality: "Nationalité (avec consentement)",
        migration_status: "Statut migratoire (avec consentement)",
        disability: "Handicap (avec consentement)",
      },
      group_names: { disability: "Handicap enregistré", no_disability: "Aucun handicap enregistré" },
    },
  },
};

const es: Consent = {
  jj: {
    labels: {
      origin_section: "Origen y discapacidad (contados en las estadísticas solo con consentimiento)",
      nationality: "Nacionalidad",
      migration_status: "Situación migratoria",
      migration_status_consent:
        "El niño o su representante consiente que la nacionalidad y la situación migratoria se cuenten en las estadísticas",
      minority_status: "Pertenencia a una minoría",
      minority_status_consent: "El niño o su representante consiente que se registre la pertenencia a una minoría",
      disability: "Discapacidad",
      disability_consent: "El niño o su representante consiente que una discapacidad se cuente en las estadísticas",
      consent_help:
        "Las estadísticas nunca muestran un nombre ni una descripción, y un niño sin consentimiento se cuenta como no registrado.",
    },
    oversight: {
      dimensions: {
        nationality: "Nacionalidad (con consentimiento)",
        migration_status: "Situación migratoria (con consentimiento)",
        disability: "Discapacidad (con consentimiento)",
      },
      group_names: { disability: "Discapacidad registrada", no_disability: "Ninguna discapacidad registrada" },
    },
  },
};

const ar: Consent = {
  jj: {
    labels: {
      origin_section: "الأصل والإعاقة (لا تُحتسب في الإحصاءات إلا بالموافقة)",
      nationality: "الجنسية",
      migration_status: "وضع الهجرة",
      migration_status_consent: "يوافق الطفل أو وليّه على احتساب الجنسية ووضع الهجرة في الإحصاءات",
      minority_status: "الانتماء إلى أقلية",
      minority_status_consent: "يوافق الطفل أو وليّه على تسجيل الانتماء إلى أقلية",
      disability: "الإعاقة",
      disability_consent: "يوافق الطفل أو وليّه على احتساب الإعاقة في الإحصاءات",
      consent_help: "لا تعرض الإحصاءات أي اسم أو وصف أبداً، ويُحتسب الطفل الذي لم يوافق على أنه غير مسجّل.",
    },
    oversight: {
      dimensions: {
        nationality: "الجنسية (بالموافقة)",
        migration_status: "وضع الهجرة (بالموافقة)",
        disability: "الإعاقة (بالموافقة)",
      },
      group_names: { disability: "إعاقة مسجّلة", no_disability: "لا إعاقة مسجّلة" },
    },
  },
};

export const consent = { en, fr, es, ar };
