/** The records screens (REC-3, issues 14/15): the sealing and removal preview and the break-glass read of a sealed
 * record, in every language; merged into each language's messages. */

type Records = {
  jj: {
    records: {
      title: string;
      preview: string;
      preview_help: string;
      preview_empty: string;
      explanation: string;
      citations: string;
      child_number: string;
      action: string;
      due_on: string;
      actions: Record<"seal" | "remove" | "review", string>;
      break_glass: string;
      break_glass_help: string;
      request: string;
      child_help: string;
      reason: string;
      reason_help: string;
      reason_short: string;
      held: string;
      mine: string;
      mine_empty: string;
      to_decide: string;
      to_decide_empty: string;
      requested_by: string;
      decided_by: string;
      asked_at: string;
      status: string;
      statuses: Record<"pending" | "approved" | "rejected" | "opened", string>;
      approve: string;
      refuse: string;
      decided: string;
      open: string;
      opened_title: string;
      audited_banner: string;
      close_record: string;
    };
  };
  resources: { records: { name: string } };
};

export const records: Record<"en" | "fr" | "es" | "ar", Records> = {
  en: {
    jj: {
      records: {
        title: "Records",
        preview: "Sealing and removal in the next 30 days",
        preview_help: "What the daily records sweep will seal or remove in your agency; children are shown by pseudonym only.",
        preview_empty: "Nothing falls due in the next 30 days.",
        explanation:
          "When the process ends for a child (release with no case left open, or diversion completed), the child's records are sealed: they vanish from every ordinary list, search and count. At the removal age the identity is removed and only pseudonymised facts stay for statistics (REC-3).",
        citations: "The standards",
        child_number: "Child number",
        action: "What happens",
        due_on: "Due on",
        actions: { seal: "Seal", remove: "Remove the identity", review: "Independent review before removal" },
        break_glass: "Break-glass read of a sealed record",
        break_glass_help:
          "A sealed record is read only with a stated reason. Every read is audited and reported to the oversight body and your agency's supervisors.",
        request: "Ask to read a sealed record",
        child_help: "The child's number in the system (on the paper file, or in a supervisor's preview of sealing and removal).",
        reason: "Why you need this sealed record",
        reason_help: "At least 20 characters; recorded in the child's access log and reported to oversight.",
        reason_short: "Give the reason in at least 20 characters.",
        held: "Your request waits for a second supervisor's approval.",
        mine: "Your requests",
        mine_empty: "You have asked for no break-glass read.",
        to_decide: "Requests awaiting your decision",
        to_decide_empty: "No request waits for your decision.",
        requested_by: "Asked by",
        decided_by: "Decided by",
        asked_at: "Asked on",
        status: "Status",
        statuses: {
          pending: "Waiting for a second supervisor",
          approved: "Approved: can be opened once",
          rejected: "Refused",
          opened: "Opened",
        },
        approve: "Approve",
        refuse: "Refuse",
        decided: "Decision recorded",
        open: "Open the record",
        opened_title: "Sealed record (read only)",
        audited_banner:
          "This read of a sealed record is audited and reported to the oversight body. Use what you see only for the reason you gave.",
        close_record: "Close the record",
      },
    },
    resources: { records: { name: "Record |||| Records" } },
  },
  fr: {
    jj: {
      records: {
        title: "Dossiers",
        preview: "Scellement et effacement dans les 30 prochains jours",
        preview_help: "Ce que le traitement quotidien des dossiers scellera ou effacera dans votre service ; les enfants n'apparaissent que sous pseudonyme.",
        preview_empty: "Rien n'arrive à échéance dans les 30 prochains jours.",
        explanation:
          "Quand la procédure prend fin pour un enfant (libération sans affaire encore ouverte, ou mesure de déjudiciarisation accomplie), ses dossiers sont scellés : ils disparaissent de toute liste, recherche et statistique ordinaire. À l'âge d'effacement, l'identité est effacée et seuls des faits pseudonymisés restent pour les statistiques (REC-3).",
        citations: "Les normes",
        child_number: "Numéro de l'enfant",
        action: "Ce qui se passe",
        due_on: "Échéance",
        actions: { seal: "Sceller", remove: "Effacer l'identité", review: "Examen indépendant avant l'effacement" },
        break_glass: "Consultation d'urgence d'un dossier scellé",
        break_glass_help:
          "Un dossier scellé ne se consulte qu'avec un motif déclaré. Chaque consultation est journalisée et signalée à l'organe de contrôle et aux superviseurs de votre service.",
        request: "Demander à consulter un dossier scellé",
        child_help: "Le numéro de l'enfant dans le système (sur le dossier papier, ou dans l'aperçu du scellement et de l'effacement d'un superviseur).",
        reason: "Pourquoi vous avez besoin de ce dossier scellé",
        reason_help: "Au moins 20 caractères ; consigné dans le journal d'accès de l'enfant et signalé à l'organe de contrôle.",
        reason_short: "Donnez le motif en au moins 20 caractères.",
        held: "Votre demande attend l'approbation d'un second superviseur.",
        mine: "Vos demandes",
        mine_empty: "Vous n'avez demandé aucune consultation d'urgence.",
        to_decide: "Demandes en attente de votre décision",
        to_decide_empty: "Aucune demande n'attend votre décision.",
        requested_by: "Demandée par",
        decided_by: "Décidée par",
        asked_at: "Demandée le",
        status: "Statut",
        statuses: {
          pending: "En attente d'un second superviseur",
          approved: "Approuvée : peut être ouverte une fois",
          rejected: "Refusée",
          opened: "Ouverte",
        },
        approve: "Approuver",
        refuse: "Refuser",
        decided: "Décision enregistrée",
        open: "Ouvrir le dossier",
        opened_title: "Dossier scellé (lecture seule)",
        audited_banner:
          "Cette consultation d'un dossier scellé est journalisée et signalée à l'organe de contrôle. N'utilisez ce que vous voyez que pour le motif que vous avez donné.",
        close_record: "Fermer le dossier",
      },
    },
    resources: { records: { name: "Dossier |||| Dossiers" } },
  },
  es: {
    jj: {
      records: {
        title: "Expedientes",
        preview: "Sellado y supresión en los próximos 30 días",
        preview_help: "Lo que la revisión diaria de expedientes sellará o suprimirá en su organismo; los niños solo aparecen con seudónimo.",
        preview_empty: "Nada vence en los próximos 30 días.",
        explanation:
          "Cuando el proceso termina para un niño (puesta en libertad sin causa abierta, o medida alternativa cumplida), sus expedientes se sellan: desaparecen de toda lista, búsqueda y recuento ordinarios. A la edad de supresión se suprime la identidad y solo quedan datos seudonimizados para las estadísticas (REC-3).",
        citations: "Las normas",
        child_number: "Número del niño",
        action: "Qué ocurre",
        due_on: "Vence el",
        actions: { seal: "Sellar", remove: "Suprimir la identidad", review: "Revisión independiente antes de la supresión" },
        break_glass: "Consulta de emergencia de un expediente sellado",
        break_glass_help:
          "Un expediente sellado solo se consulta con un motivo declarado. Cada consulta queda registrada y se comunica al órgano de supervisión y a los supervisores de su organismo.",
        request: "Solicitar la consulta de un expediente sellado",
        child_help: "El número del niño en el sistema (en el expediente en papel, o en la vista previa de sellado y supresión de un supervisor).",
        reason: "Por qué necesita este expediente sellado",
        reason_help: "Al menos 20 caracteres; se anota en el registro de accesos del niño y se comunica al órgano de supervisión.",
        reason_short: "Indique el motivo en al menos 20 caracteres.",
        held: "Su solicitud espera la aprobación de un segundo supervisor.",
        mine: "Sus solicitudes",
        mine_empty: "No ha solicitado ninguna consulta de emergencia.",
        to_decide: "Solicitudes pendientes de su decisión",
        to_decide_empty: "Ninguna solicitud espera su decisión.",
        requested_by: "Solicitada por",
        decided_by: "Decidida por",
        asked_at: "Solicitada el",
        status: "Estado",
        statuses: {
          pending: "A la espera de un segundo supervisor",
          approved: "Aprobada: puede abrirse una vez",
          rejected: "Rechazada",
          opened: "Abierta",
        },
        approve: "Aprobar",
        refuse: "Rechazar",
        decided: "Decisión registrada",
        open: "Abrir el expediente",
        opened_title: "Expediente sellado (solo lectura)",
        audited_banner:
          "Esta consulta de un expediente sellado queda registrada y se comunica al órgano de supervisión. Use lo que ve solo para el motivo que indicó.",
        close_record: "Cerrar el expediente",
      },
    },
    resources: { records: { name: "Expediente |||| Expedientes" } },
  },
  ar: {
    jj: {
      records: {
        title: "السجلات",
        preview: "الختم والمحو خلال الثلاثين يومًا القادمة",
        preview_help: "ما ستختمه أو تمحوه المراجعة اليومية للسجلات في جهتك؛ لا يظهر الأطفال إلا بأسماء مستعارة.",
        preview_empty: "لا شيء يحين موعده خلال الثلاثين يومًا القادمة.",
        explanation:
          "عندما تنتهي الإجراءات بالنسبة إلى الطفل (الإفراج دون قضية مفتوحة، أو إتمام تدبير بديل)، تُختم سجلاته: فتختفي من كل قائمة وبحث وإحصاء عادي. وعند بلوغ سن المحو تُمحى الهوية ولا تبقى إلا وقائع مستعارة الهوية لأغراض الإحصاء (REC-3).",
        citations: "المعايير",
        child_number: "رقم الطفل",
        action: "ما سيحدث",
        due_on: "تاريخ الاستحقاق",
        actions: { seal: "ختم", remove: "محو الهوية", review: "مراجعة مستقلة قبل المحو" },
        break_glass: "القراءة الطارئة لسجل مختوم",
        break_glass_help:
          "لا يُطّلع على سجل مختوم إلا بسبب مُعلَن. كل اطلاع يُسجَّل ويُبلَّغ إلى هيئة الرقابة وإلى المشرفين في جهتك.",
        request: "طلب الاطلاع على سجل مختوم",
        child_help: "رقم الطفل في النظام (في الملف الورقي، أو في معاينة المشرف للختم والمحو).",
        reason: "لماذا تحتاج إلى هذا السجل المختوم",
        reason_help: "عشرون حرفًا على الأقل؛ يُدوَّن في سجل الاطلاع الخاص بالطفل ويُبلَّغ إلى هيئة الرقابة.",
        reason_short: "اذكر السبب في عشرين حرفًا على الأقل.",
        held: "طلبك ينتظر موافقة مشرف ثانٍ.",
        mine: "طلباتك",
        mine_empty: "لم تطلب أي قراءة طارئة.",
        to_decide: "طلبات تنتظر قرارك",
        to_decide_empty: "لا يوجد طلب ينتظر قرارك.",
        requested_by: "طلبه",
        decided_by: "قرّره",
        asked_at: "تاريخ الطلب",
        status: "الحالة",
        statuses: {
          pending: "في انتظار مشرف ثانٍ",
          approved: "تمت الموافقة: يمكن فتحه مرة واحدة",
          rejected: "مرفوض",
          opened: "تم فتحه",
        },
        approve: "موافقة",
        refuse: "رفض",
        decided: "تم تسجيل القرار",
        open: "فتح السجل",
        opened_title: "سجل مختوم (للقراءة فقط)",
        audited_banner:
          "هذا الاطلاع على سجل مختوم مُسجَّل ويُبلَّغ إلى هيئة الرقابة. لا تستخدم ما تراه إلا للسبب الذي ذكرته.",
        close_record: "إغلاق السجل",
      },
    },
    resources: {
      records: { name: "السجلات |||| سجل |||| السجلات |||| السجلات |||| السجلات |||| السجلات" },
    },
  },
};
