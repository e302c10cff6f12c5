/** The import page's strings (issue 17), in every language of the interface; merged into each language's
 * messages by index.ts. */
type Outcomes = Record<"created" | "skipped_duplicate" | "refused" | "invalid", string>;
type Statuses = Record<"queued" | "running" | "done" | "failed", string>;
type ImportMessages = {
  jj: {
    imports: {
      title: string;
      intro: string;
      choose_file: string;
      dry_run: string;
      try: string;
      import: string;
      template_csv: string;
      template_xlsx: string;
      progress: string;
      progress_dry_run: string;
      dry_run_done: string;
      report: string;
      row: string;
      outcome_column: string;
      messages: string;
      decisions: string;
      record: string;
      open_child: string;
      earlier: string;
      outcome: Outcomes;
      status: Statuses;
    };
  };
  resources: { imports: { name: string } };
};

export const importMessages: Record<"en" | "fr" | "es" | "ar", ImportMessages> = {
  en: {
    jj: {
      imports: {
        title: "Import children and cases",
        intro:
          "Upload the spreadsheet your agency keeps (CSV or XLSX, columns as in the template). Try it first: a dry run applies every rule to every row and writes nothing. Rows already imported, or children already registered, are skipped.",
        choose_file: "Choose a CSV or XLSX file",
        dry_run: "Dry run (write nothing)",
        try: "Try the import",
        import: "Import",
        template_csv: "Template (CSV)",
        template_xlsx: "Template (XLSX)",
        progress: "Imported %{done} of %{total} rows",
        progress_dry_run: "Tried %{done} of %{total} rows",
        dry_run_done: "Dry run finished: nothing was written. Turn the dry run off to import.",
        report: "Report, row by row",
        row: "Row",
        outcome_column: "Outcome",
        messages: "Field messages",
        decisions: "Rule decisions",
        record: "Record",
        open_child: "Open the child's record",
        earlier: "Earlier imports",
        outcome: {
          created: "Created",
          skipped_duplicate: "Skipped: already registered",
          refused: "Refused by a rule",
          invalid: "Invalid",
        },
        status: { queued: "Queued", running: "Running", done: "Done", failed: "Failed" },
      },
    },
    resources: { imports: { name: "Import |||| Imports" } },
  },
  fr: {
    jj: {
      imports: {
        title: "Importer des enfants et des dossiers",
        intro:
          "Téléversez le tableur que tient votre service (CSV ou XLSX, colonnes comme dans le modèle). Essayez d'abord : un essai à blanc applique chaque règle à chaque ligne et n'écrit rien. Les lignes déjà importées et les enfants déjà enregistrés sont ignorés.",
        choose_file: "Choisir un fichier CSV ou XLSX",
        dry_run: "Essai à blanc (n'écrit rien)",
        try: "Essayer l'importation",
        import: "Importer",
        template_csv: "Modèle (CSV)",
        template_xlsx: "Modèle (XLSX)",
        progress: "%{done} lignes importées sur %{total}",
        progress_dry_run: "%{done} lignes essayées sur %{total}",
        dry_run_done: "Essai à blanc terminé : rien n'a été écrit. Désactivez l'essai à blanc pour importer.",
        report: "Compte rendu, ligne par ligne",
        row: "Ligne",
        outcome_column: "Résultat",
        messages: "Messages par champ",
        decisions: "Décisions des règles",
        record: "Dossier",
        open_child: "Ouvrir le dossier de l'enfant",
        earlier: "Importations précédentes",
        outcome: {
          created: "Créé",
          skipped_duplicate: "Ignoré : déjà enregistré",
          refused: "Refusé par une règle",
          invalid: "Invalide",
        },
        status: { queued: "En attente", running: "En cours", done: "Terminé", failed: "Échec" },
      },
    },
    resources: { imports: { name: "Importation |||| Importations" } },
  },
  es: {
    jj: {
      imports: {
        title: "Importar niños y casos",
        intro:
          "Suba la hoja de cálculo que lleva su organismo (CSV o XLSX, columnas como en la plantilla). Pruébela primero: una prueba sin escritura aplica cada regla a cada fila y no escribe nada. Se omiten las filas ya importadas y los niños ya registrados.",
        choose_file: "Elegir un archivo CSV o XLSX",
        dry_run: "Prueba sin escritura (no escribe nada)",
        try: "Probar la importación",
        import: "Importar",
        template_csv: "Plantilla (CSV)",
        template_xlsx: "Plantilla (XLSX)",
        progress: "%{done} de %{total} filas importadas",
        progress_dry_run: "%{done} de %{total} filas probadas",
        dry_run_done: "Prueba terminada: no se escribió nada. Desactive la prueba para importar.",
        report: "Informe, fila por fila",
        row: "Fila",
        outcome_column: "Resultado",
        messages: "Mensajes por campo",
        decisions: "Decisiones de las reglas",
        record: "Expediente",
        open_child: "Abrir el expediente del niño",
        earlier: "Importaciones anteriores",
        outcome: {
          created: "Creado",
          skipped_duplicate: "Omitido: ya registrado",
          refused: "Rechazado por una regla",
          invalid: "No válido",
        },
        status: { queued: "En cola", running: "En curso", done: "Terminado", failed: "Fallido" },
      },
    },
    resources: { imports: { name: "Importación |||| Importaciones" } },
  },
  ar: {
    jj: {
      imports: {
        title: "استيراد الأطفال والقضايا",
        intro:
          "ارفع جدول البيانات الذي تحتفظ به جهتك (CSV أو XLSX، بالأعمدة كما في النموذج). جرّبه أولًا: التشغيل التجريبي يطبّق كل قاعدة على كل صف ولا يكتب شيئًا. تُتخطّى الصفوف المستوردة من قبل والأطفال المسجّلون من قبل.",
        choose_file: "اختر ملف CSV أو XLSX",
        dry_run: "تشغيل تجريبي (لا يكتب شيئًا)",
        try: "جرّب الاستيراد",
        import: "استيراد",
        template_csv: "النموذج (CSV)",
        template_xlsx: "النموذج (XLSX)",
        progress: "استُورد %{done} من %{total} صفًا",
        progress_dry_run: "جُرّب %{done} من %{total} صفًا",
        dry_run_done: "انتهى التشغيل التجريبي: لم يُكتب شيء. أوقف التشغيل التجريبي للاستيراد.",
        report: "التقرير، صفًا صفًا",
        row: "الصف",
        outcome_column: "النتيجة",
        messages: "رسائل الحقول",
        decisions: "قرارات القواعد",
        record: "السجل",
        open_child: "افتح سجل الطفل",
        earlier: "عمليات استيراد سابقة",
        outcome: {
          created: "أُنشئ",
          skipped_duplicate: "تم التخطي: مسجّل من قبل",
          refused: "مرفوض بموجب قاعدة",
          invalid: "غير صالح",
        },
        status: { queued: "في الانتظار", running: "قيد التشغيل", done: "اكتمل", failed: "فشل" },
      },
    },
    resources: {
      imports: {
        name: "عمليات الاستيراد |||| عملية استيراد |||| عمليات الاستيراد |||| عمليات الاستيراد |||| عمليات الاستيراد |||| عمليات الاستيراد",
      },
    },
  },
};
