/** The independent review before a child's records are removed (REC-3, CRC/C/GC/24 para. 71), in every language;
 * merged into each language's messages (src/i18n/index.ts). */

type ReviewMessages = {
  jj: {
    removal_review: {
      title: string;
      intro: string;
      pseudonym: string;
      opened_at: string;
      due_at: string;
      overdue: string;
      decide: string;
      outcome: string;
      remove: string;
      remove_help: string;
      retain: string;
      retain_help: string;
      reason: string;
      reason_help: string;
      retain_until: string;
      retain_until_help: string;
      decided: string;
      empty: string;
    };
  };
  resources: { "removal-reviews": { name: string } };
};

export const removalReviewMessages: Record<"en" | "fr" | "es" | "ar", ReviewMessages> = {
  en: {
    jj: {
      removal_review: {
        title: "Reviews before removal of records",
        intro:
          "These children have reached the age at which their records are removed; the policy asks for an independent review first (CRC/C/GC/24 para. 71). Removal is the rule; retention is the exception and comes back for review.",
        pseudonym: "Child (pseudonym)",
        opened_at: "Opened",
        due_at: "Decide by",
        overdue: "Overdue",
        decide: "Decide",
        outcome: "Decision",
        remove: "Remove the records now",
        remove_help: "The child's identity is removed for good; only pseudonymised facts stay for statistics.",
        retain: "Retain them until a later review",
        retain_help: "Exceptional: the review comes back on the date you give, at most a year ahead.",
        reason: "Reason",
        reason_help: "At least 20 characters. Kept in the audit trail, encrypted under the child's key.",
        retain_until: "Retain until",
        retain_until_help: "After today, at most a year ahead.",
        decided: "Decision recorded",
        empty: "No review is waiting for you.",
      },
    },
    resources: { "removal-reviews": { name: "Removal reviews" } },
  },
  fr: {
    jj: {
      removal_review: {
        title: "Examens avant effacement des dossiers",
        intro:
          "Ces enfants ont atteint l'âge auquel leur dossier est effacé ; la politique demande d'abord un examen indépendant (CRC/C/GC/24, par. 71). L'effacement est la règle ; la conservation est l'exception et revient en examen.",
        pseudonym: "Enfant (pseudonyme)",
        opened_at: "Ouvert le",
        due_at: "À décider avant",
        overdue: "En retard",
        decide: "Décider",
        outcome: "Décision",
        remove: "Effacer le dossier maintenant",
        remove_help: "L'identité de l'enfant est effacée définitivement ; seuls des faits pseudonymisés restent pour les statistiques.",
        retain: "Le conserver jusqu'à un nouvel examen",
        retain_help: "Exceptionnel : l'examen revient à la date indiquée, au plus dans un an.",
        reason: "Motif",
        reason_help: "Au moins 20 caractères. Conservé dans la piste d'audit, chiffré sous la clé de l'enfant.",
        retain_until: "Conserver jusqu'au",
        retain_until_help: "Après aujourd'hui, au plus dans un an.",
        decided: "Décision enregistrée",
        empty: "Aucun examen ne vous attend.",
      },
    },
    resources: { "removal-reviews": { name: "Examens avant effacement" } },
  },
  es: {
    jj: {
      removal_review: {
        title: "Revisiones antes de la supresión de antecedentes",
        intro:
          "Estos niños y niñas han alcanzado la edad en que se suprimen sus antecedentes; la política exige antes una revisión independiente (CRC/C/GC/24, párr. 71). La supresión es la regla; la conservación es la excepción y vuelve a revisión.",
        pseudonym: "Niño o niña (seudónimo)",
        opened_at: "Abierta el",
        due_at: "Decidir antes del",
        overdue: "Vencida",
        decide: "Decidir",
        outcome: "Decisión",
        remove: "Suprimir los antecedentes ahora",
        remove_help: "La identidad se suprime definitivamente; solo quedan datos seudonimizados para las estadísticas.",
        retain: "Conservarlos hasta una nueva revisión",
        retain_help: "Excepcional: la revisión vuelve en la fecha indicada, como máximo dentro de un año.",
        reason: "Motivo",
        reason_help: "Al menos 20 caracteres. Se guarda en el registro de auditoría, cifrado con la clave del niño o niña.",
        retain_until: "Conservar hasta",
        retain_until_help: "Después de hoy, como máximo dentro de un año.",
        decided: "Decisión registrada",
        empty: "No hay ninguna revisión pendiente para usted.",
      },
    },
    resources: { "removal-reviews": { name: "Revisiones de supresión" } },
  },
  ar: {
    jj: {
      removal_review: {
        title: "المراجعات قبل محو السجلات",
        intro:
          "بلغ هؤلاء الأطفال السن التي تُمحى فيها سجلاتهم؛ وتشترط السياسة مراجعة مستقلة أولاً (CRC/C/GC/24، الفقرة 71). المحو هو القاعدة، والإبقاء استثناء يعود إلى المراجعة.",
        pseudonym: "الطفل (اسم مستعار)",
        opened_at: "تاريخ الفتح",
        due_at: "يُقرَّر قبل",
        overdue: "متأخرة",
        decide: "قرِّر",
        outcome: "القرار",
        remove: "محو السجلات الآن",
        remove_help: "تُمحى هوية الطفل نهائياً؛ ولا يبقى إلا وقائع مستعارة لأغراض الإحصاء.",
        retain: "الإبقاء عليها حتى مراجعة لاحقة",
        retain_help: "استثنائي: تعود المراجعة في التاريخ الذي تحدده، في غضون سنة على الأكثر.",
        reason: "السبب",
        reason_help: "20 حرفاً على الأقل. يُحفظ في سجل التدقيق مشفَّراً بمفتاح الطفل.",
        retain_until: "الإبقاء حتى",
        retain_until_help: "بعد اليوم، وفي غضون سنة على الأكثر.",
        decided: "سُجِّل القرار",
        empty: "لا توجد مراجعة بانتظارك.",
      },
    },
    resources: { "removal-reviews": { name: "مراجعات المحو" } },
  },
};
