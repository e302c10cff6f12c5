/** The child-protection referral workflow (issue 15), in every language; merged into each language's messages. */
import type { ProtectionReferralStatus } from "../api";

type Referrals = {
  jj: {
    protection: {
      status: string;
      receiving_service: string;
      service_help: string;
      sent_at: string;
      received_at: string;
      accepted_at: string;
      closed_at: string;
      follow_up_notes: string;
      note: string;
      note_help: string;
      referred_by: string;
      circumstances: string;
      send: string;
      receive: string;
      accept: string;
      close: string;
      add_note: string;
      referred_instead: string;
      open_referral: string;
    };
    choices: { protection_status: Record<ProtectionReferralStatus, string> };
  };
  resources: { "protection-referrals": { name: string; fields: { reason: string; created_at: string } } };
};

export const referrals: Record<"en" | "fr" | "es" | "ar", Referrals> = {
  en: {
    jj: {
      protection: {
        status: "Status",
        receiving_service: "Receiving child protection service",
        service_help: "Choose a service your agency referred children to before, or enter a new one.",
        sent_at: "Sent",
        received_at: "Received",
        accepted_at: "Accepted",
        closed_at: "Closed",
        follow_up_notes: "Follow-up notes",
        note: "Follow-up note",
        note_help: "About the child: seen only by those who follow the referral up, never in the audit trail in clear.",
        referred_by: "Referred by",
        circumstances: "Circumstances",
        send: "Send to a child protection service",
        receive: "Record it received by the service",
        accept: "Record it accepted by the service",
        close: "Close the referral",
        add_note: "Add a follow-up note",
        referred_instead: "The child was referred to child protection instead of a criminal case.",
        open_referral: "Open the child-protection referral",
      },
      choices: {
        protection_status: { to_send: "To send", sent: "Sent", received: "Received", accepted: "Accepted", closed: "Closed" },
      },
    },
    resources: {
      "protection-referrals": {
        name: "Protection referral |||| Protection referrals",
        fields: { reason: "Reason", created_at: "Referred on" },
      },
    },
  },
  fr: {
    jj: {
      protection: {
        status: "État",
        receiving_service: "Service de protection de l'enfance destinataire",
        service_help: "Choisissez un service auquel votre agence a déjà orienté des enfants, ou saisissez-en un nouveau.",
        sent_at: "Envoyé",
        received_at: "Reçu",
        accepted_at: "Accepté",
        closed_at: "Clos",
        follow_up_notes: "Notes de suivi",
        note: "Note de suivi",
        note_help: "Sur l'enfant : vue seulement par ceux qui suivent le signalement, jamais en clair dans le journal d'audit.",
        referred_by: "Signalé par",
        circumstances: "Circonstances",
        send: "Envoyer à un service de protection de l'enfance",
        receive: "Enregistrer la réception par le service",
        accept: "Enregistrer la prise en charge par le service",
        close: "Clore le signalement",
        add_note: "Ajouter une note de suivi",
        referred_instead: "L'enfant a été orienté vers la protection de l'enfance au lieu d'une procédure pénale.",
        open_referral: "Ouvrir le signalement de protection de l'enfance",
      },
      choices: {
        protection_status: { to_send: "À envoyer", sent: "Envoyé", received: "Reçu", accepted: "Accepté", closed: "Clos" },
      },
    },
    resources: {
      "protection-referrals": {
        name: "Signalement de protection |||| Signalements de protection",
        fields: { reason: "Motif", created_at: "Signalé le" },
      },
    },
  },
  es: {
    jj: {
      protection: {
        status: "Estado",
        receiving_service: "Servicio de protección de la infancia destinatario",
        service_help: "Elija un servicio al que su agencia ya derivó niños, o escriba uno nuevo.",
        sent_at: "Enviada",
        received_at: "Recibida",
        accepted_at: "Aceptada",
        closed_at: "Cerrada",
        follow_up_notes: "Notas de seguimiento",
        note: "Nota de seguimiento",
        note_help: "Sobre el niño: solo la ven quienes siguen la derivación, nunca en claro en el registro de auditoría.",
        referred_by: "Derivado por",
        circumstances: "Circunstancias",
        send: "Enviar a un servicio de protección de la infancia",
        receive: "Registrar la recepción por el servicio",
        accept: "Registrar la aceptación por el servicio",
        close: "Cerrar la derivación",
        add_note: "Añadir una nota de seguimiento",
        referred_instead: "El niño fue derivado a protección de la infancia en lugar de a un proceso penal.",
        open_referral: "Abrir la derivación de protección de la infancia",
      },
      choices: {
        protection_status: { to_send: "Por enviar", sent: "Enviada", received: "Recibida", accepted: "Aceptada", closed: "Cerrada" },
      },
    },
    resources: {
      "protection-referrals": {
        name: "Derivación de protección |||| Derivaciones de protección",
        fields: { reason: "Motivo", created_at: "Derivado el" },
      },
    },
  },
  ar: {
    jj: {
      protection: {
        status: "الحالة",
        receiving_service: "جهة حماية الطفل المستقبِلة",
        service_help: "اختر جهة سبق أن أحالت إليها وكالتك أطفالًا، أو أدخل جهة جديدة.",
        sent_at: "أُرسلت",
        received_at: "استُلمت",
        accepted_at: "قُبلت",
        closed_at: "أُغلقت",
        follow_up_notes: "ملاحظات المتابعة",
        note: "ملاحظة متابعة",
        note_help: "عن الطفل: لا يراها إلا من يتابع الإحالة، ولا تُسجَّل أبدًا نصًا واضحًا في سجل التدقيق.",
        referred_by: "أحاله",
        circumstances: "الظروف",
        send: "إرسال إلى جهة حماية الطفل",
        receive: "تسجيل استلام الجهة للإحالة",
        accept: "تسجيل قبول الجهة للطفل",
        close: "إغلاق الإحالة",
        add_note: "إضافة ملاحظة متابعة",
        referred_instead: "أُحيل الطفل إلى حماية الطفل بدلًا من قضية جنائية.",
        open_referral: "فتح إحالة حماية الطفل",
      },
      choices: {
        protection_status: { to_send: "للإرسال", sent: "مُرسَلة", received: "مُستلَمة", accepted: "مقبولة", closed: "مُغلقة" },
      },
    },
    resources: {
      "protection-referrals": {
        name: "إحالات الحماية |||| إحالة حماية |||| إحالات الحماية |||| إحالات الحماية |||| إحالات الحماية |||| إحالات الحماية",
        fields: { reason: "السبب", created_at: "تاريخ الإحالة" },
      },
    },
  },
};
