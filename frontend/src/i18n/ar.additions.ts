/** Arabic for the screens added in wave 5 (documents, duplicates, exports, hearings, notifications, simulations,
 * record contests, allegations), merged into ar.ts's messages. */
const additions = {
  "jj": {
    "documents": {
      "title": "المستندات",
      "none": "لا مستندات مرفقة.",
      "name": "الملف",
      "type": "النوع",
      "size": "الحجم",
      "uploaded_by": "أرفقه",
      "uploaded_at": "تاريخ الإرفاق",
      "actions": "الإجراءات",
      "file": "الملف المراد إرفاقه (PDF أو PNG أو JPEG أو DOCX أو ODT)",
      "upload": "إرفاق",
      "uploaded": "أُرفق المستند.",
      "delete": "حذف",
      "deleted": "حُذف المستند.",
      "types": {
        "court_order": "أمر قضائي",
        "assessment": "تقييم",
        "consent_form": "استمارة موافقة",
        "identity_document": "وثيقة هوية",
        "report": "تقرير",
        "other": "أخرى"
      }
    },
    "duplicates": {
      "title": "لا يوجد أطفال مسجلون قد يكونون الطفل نفسه |||| طفل مسجل بالفعل قد يكون الطفل نفسه |||| طفلان مسجلان بالفعل قد يكونان الطفل نفسه |||| %{smart_count} أطفال مسجلون بالفعل قد يكونون الطفل نفسه |||| %{smart_count} طفلًا مسجلًا بالفعل قد يكونون الطفل نفسه |||| %{smart_count} طفل مسجل بالفعل قد يكونون الطفل نفسه",
      "help": "افتح السجل للتحقق قبل تسجيل الطفل مرة أخرى؛ يمكن للمشرف دمج سجلين لطفل واحد.",
      "reasons": {
        "name": "الاسم نفسه",
        "similar_name": "اسم مشابه",
        "date_of_birth": "تاريخ الميلاد نفسه"
      }
    },
    "export": {
      "csv": "تصدير CSV",
      "xlsx": "تصدير XLSX",
      "purpose_title": "لماذا يغادر هذا الملف النظام؟",
      "purpose": "الغرض من التصدير",
      "purpose_help": "من %{min} إلى %{max} حرفًا، دون اسم أي طفل. يحمل الملف اسمك والوقت وهذا الغرض؛ ويُسجَّل التصدير في سجل التدقيق.",
      "download": "تصدير"
    },
    "custody": {
      "child_views": "آراء الطفل في هذا القرار (HRD-1)",
      "views_not_heard_reason": "سبب تعذّر الاستماع إلى الطفل (HRD-1)",
      "no_counsel_justification": "لماذا لا يمكن انتظار المحامي (CNS-1)",
      "allegation_kind": "ادعاء بسوء المعاملة أو العنف (ILL-1)",
      "complaint": "تسجيل شكوى من الطفل (DET-10)",
      "complaint_subject": "الشكوى بكلمات الطفل",
      "allegations": "ادعاءات سوء المعاملة أو العنف (ILL-1)",
      "open_investigation": "فتح التحقيق المستقل (ILL-1)",
      "investigation_body": "الجهة أو الوحدة التي تقود التحقيق (لا أحد من المعنيين)",
      "investigation_opened": "فُتح التحقيق",
      "lodged_at": "قُدّمت في",
      "allegation": "تدّعي سوء معاملة (ILL-1)",
      "complaint_respond": "الرد على الشكوى",
      "response": "الرد",
      "responded_at": "تاريخ الرد",
      "complaints": "الشكاوى",
      "guardian_add": "إضافة والد أو وصي",
      "phone": "الهاتف",
      "email": "البريد الإلكتروني",
      "address": "العنوان",
      "legality_challenge": "الطعن في قانونية الاحتجاز",
      "legality_decision": "تسجيل القرار في الطعن في القانونية",
      "filed_by": "قدّمه",
      "family_notifications": "إبلاغ الأسرة",
      "health_examinations": "الفحوص الصحية",
      "challenge_outcome": {
        "upheld": "قُبل: الاحتجاز غير قانوني",
        "dismissed": "رُفض"
      }
    },
    "case": {
      "legal_aid": "في إطار المساعدة القانونية (CNS-1)"
    },
    "simulation": {
      "simulate": "محاكاة",
      "create_help": "ما الذي كانت هذه السياسة ستغيّره؟ يُعاد البتّ في كل إجراء من الفترة بواسطة محرك القواعد، بناءً على الوقائع المحفوظة مع قراراته، ويُقارن بما تقرّر. لا تُقترح إلا المعايير التي تغيّرها.",
      "period": "الفترة",
      "period_from": "الفترة من",
      "period_to": "الفترة إلى",
      "parameters": "المعايير المقترحة",
      "parameter": "المعيار",
      "current": "النافذ",
      "proposed": "المقترح",
      "created_at": "تاريخ الطلب",
      "requested_by": "طلبها",
      "status_label": "الحالة",
      "progress": "التقدّم",
      "status": {
        "queued": "في الانتظار",
        "running": "قيد التنفيذ",
        "done": "اكتملت",
        "failed": "فشلت"
      },
      "coverage": "أمكن إعادة البتّ في %{replayable} من أصل %{acts} إجراءً في الفترة (%{share})؛ أما البقية فتقرّرت قبل تسجيل وقائعها فاستُبعدت، ولم تُخمَّن أبدًا.",
      "mismatches": "لم يُستنسخ %{count} إجراءً بدقة في ظل السياسة النافذة: خلل في تسجيل الوقائع.",
      "totals": "ما الذي كان سيختلف",
      "threshold": "تُحجب الأعداد من 1 إلى %{threshold}، كما في كل إحصاء.",
      "suppressed": "محجوب",
      "by_group": "حسب الجنس والفئة العمرية والجهة",
      "by": "حسب %{dimension}",
      "dimensions": {
        "sex": "الجنس",
        "age_group": "الفئة العمرية",
        "agency": "الجهة"
      },
      "measures": {
        "cases_removed": "قضايا ما كانت لتدخل الإجراءات الجنائية",
        "children_removed": "أطفال ما كانوا ليُلاحَقوا",
        "episodes_avoided": "فترات احتجاز ما كانت لتحدث",
        "child_days_avoided": "أيام حرمان من الحرية لأطفال كان يمكن تجنّبها",
        "acts_refused": "إجراءات أخرى كانت سترفض",
        "deadlines_missed": "مواعيد نهائية كانت ستفوت"
      },
      "groups": {
        "female": "أنثى",
        "male": "ذكر",
        "other": "آخر",
        "unknown": "غير معروف",
        "under_10": "دون العاشرة",
        "10_13": "من 10 إلى 13",
        "14_15": "من 14 إلى 15",
        "16_17": "من 16 إلى 17",
        "18_plus": "18 فأكثر",
        "not_recorded": "غير مسجّل"
      },
      "rules": "القرارات التي كانت ستتغير، حسب القاعدة",
      "rule": "القاعدة",
      "decided": "ما تقرّر",
      "would_be": "ما كان سيتقرّر",
      "acts": "الإجراءات",
      "outcomes": {
        "none": "(لم تُقيَّم)",
        "allow": "سماح",
        "warn": "تنبيه",
        "require_justification": "يتطلب تبريرًا",
        "block": "منع"
      },
      "acts_summary": "إجراءات مرفوضة: %{refused}؛ تحتاج تبريرًا جديدًا: %{justified}؛ تنبيهات جديدة: %{warned}؛ أُرخيت: %{relaxed}؛ إجراءات لاحقة في القضايا المستبعدة: %{of_removed_cases}.",
      "missing": "وقائع ناقصة لإجابة سليمة",
      "nothing_missing": "لا شيء: أمكن إعادة البتّ في كل إجراء من الفترة.",
      "missing_kinds": {
        "acts_without_facts": "إجراءات تقرّرت قبل تسجيل وقائعها",
        "facts_unreadable": "إجراءات تعذّرت قراءة وقائعها المحفوظة",
        "deadlines_not_found": "مواعيد نهائية لم يُعثر على سجلها المحفوظ",
        "age_not_recorded": "قضايا مستبعدة لم يُسجَّل عمر الطفل فيها"
      },
      "reproduced": "محاكاة السياسة السارية تستنسخ كل قرار محفوظ (0 اختلافات).",
      "export_csv": "تصدير CSV",
      "export_xlsx": "تصدير XLSX",
      "export_pdf": "تقرير للطباعة (PDF)",
      "compare": "مقارنة",
      "compare_title": "المحاكاة جنبًا إلى جنب",
      "compare_help": "حدّد محاكاتين في القائمة ثم اختر مقارنة.",
      "compare_pick": "اختر محاكاتين بالضبط للمقارنة.",
      "simulation_n": "المحاكاة %{id}",
      "coverage_short": "إجراءات أعيد البتّ فيها",
      "mismatches_short": "قرارات محفوظة لم تُستنسخ",
      "item": "البند"
    },
    "oversight": {
      "deadline_kinds": {
        "legal_counsel": "تعيين محامٍ في الوقت المحدد",
        "allegation_medical_examination": "الفحص الطبي بعد ادعاء",
        "allegation_investigation": "بدء التحقيق في ادعاء في الوقت المحدد"
      }
    },
    "contest": {
      "title": "الطعون في الملف",
      "none": "لم يُطعن في أي شيء في هذا الملف.",
      "open": "الطعن في واقعة أو رأي في الملف",
      "decide": "البتّ في هذا الطعن",
      "recorded": "سُجّل",
      "subject": "موضوع الطعن",
      "field": "حقل السجل",
      "no_field": "ليس حقلًا في السجل",
      "statement": "الطعن بكلمات الشخص الطاعن",
      "raised_by": "قدّمه",
      "status": "الحالة",
      "decision": "القرار",
      "decision_reason": "أسباب القرار",
      "corrected_value": "القيمة المصحّحة",
      "corrected_value_help": "التاريخ بصيغة YYYY-MM-DD؛ true أو false لحقل نعم/لا",
      "subjects": {
        "personal_details": "البيانات الشخصية",
        "age": "العمر أو تاريخ الميلاد",
        "offence": "الجرم أو وقائع القضية",
        "custody": "سجل الاحتجاز",
        "assessment": "تقييم أو رأي",
        "other": "أخرى"
      },
      "raised_by_choices": {
        "child": "الطفل",
        "guardian": "أحد الوالدين أو الوصي",
        "legal_counsel": "المحامي"
      },
      "statuses": {
        "pending": "بانتظار القرار",
        "upheld": "مقبول: صُحّح الملف",
        "partly_upheld": "مقبول جزئيًا",
        "rejected": "مرفوض: يبقى الطعن في الملف"
      },
      "fields": {
        "given_name": "الاسم الأول",
        "family_name": "اسم العائلة",
        "other_names": "أسماء أخرى",
        "date_of_birth": "تاريخ الميلاد",
        "dob_certainty": "درجة التيقّن من تاريخ الميلاد",
        "dob_earliest": "أقدم تاريخ ميلاد محتمل",
        "dob_latest": "أحدث تاريخ ميلاد محتمل",
        "sex": "الجنس",
        "languages": "اللغات",
        "interpreter_needed": "يحتاج إلى مترجم",
        "disability": "الإعاقة",
        "accommodation_needs": "احتياجات الترتيبات التيسيرية",
        "health_notes": "ملاحظات صحية",
        "developmental_disorder": "اضطراب نمائي",
        "address": "العنوان",
        "nationality": "الجنسية",
        "migration_status": "وضع الهجرة",
        "minority_status": "الانتماء إلى أقلية"
      }
    },
    "labels": {
      "nothing_recorded": "لم يُسجَّل شيء بعد."
    },
    "choices": {
      "allegation_kind": {
        "ill_treatment": "سوء المعاملة",
        "torture": "التعذيب",
        "staff_violence": "عنف من الموظفين",
        "peer_violence": "عنف من أطفال آخرين",
        "sexual_abuse": "اعتداء جنسي",
        "sexual_exploitation": "استغلال جنسي"
      }
    },
    "reports": {
      "court_report": "تقرير للمحكمة (PDF)",
      "subject_access": "كل ما هو محفوظ عن هذا الطفل (PDF)"
    },
    "hearings": {
      "mine": "قضاياي",
      "from": "من",
      "until": "قبل",
      "court": "المحكمة",
      "when": "الموعد",
      "purpose_label": "الغرض",
      "agency": "الجهة",
      "notes": "ملاحظات",
      "note": "ملاحظة النتيجة",
      "schedule": "تحديد موعد جلسة",
      "record_outcome": "تسجيل كيف انتهت الجلسة",
      "appearance_outcome_label": "نتيجة المثول",
      "appearance_help": "مطلوب إذا كان الطفل محتجزًا: يُسجَّل على أنه المثول أمام المحكمة، الذي يستوفي مواعيده النهائية.",
      "group_by": "تجميع الجلسات",
      "by_day": "حسب اليوم",
      "by_week": "حسب الأسبوع",
      "week_of": "أسبوع %{date}",
      "none": "لا جلسات لهذه المرشحات.",
      "purpose": {
        "first_appearance": "المثول الأول أمام القاضي",
        "review": "مراجعة الاحتجاز",
        "charge": "جلسة الاتهام",
        "final": "المحاكمة أو القرار النهائي",
        "other": "أخرى"
      },
      "status": {
        "scheduled": "مقرّرة",
        "held": "عُقدت",
        "adjourned": "أُجّلت",
        "cancelled": "أُلغيت"
      },
      "appearance_outcome": {
        "detention_continued": "استمرار الاحتجاز",
        "released": "أُفرج عنه",
        "charged": "وُجّه إليه الاتهام",
        "decided": "صدر القرار"
      }
    },
    "notifications": {
      "bell": "الإشعارات: %{smart_count} غير مقروءة |||| الإشعارات: %{smart_count} غير مقروء |||| الإشعارات: %{smart_count} غير مقروءين |||| الإشعارات: %{smart_count} غير مقروءة |||| الإشعارات: %{smart_count} غير مقروء |||| الإشعارات: %{smart_count} غير مقروء",
      "none": "لا إشعارات غير مقروءة.",
      "mark_all_read": "تعليم الكل كمقروء",
      "see_all": "عرض كل الإشعارات",
      "email_mode": "راسلني بالبريد الإلكتروني",
      "mode": {
        "immediate": "فورًا، لكل إشعار",
        "digest": "مرة في اليوم (ملخص)",
        "off": "أبدًا (في التطبيق فقط)"
      },
      "email_to": "تُرسل الرسائل إلى %{email}؛ وتتضمن رابطًا ومرجع القضية، ولا تتضمن أبدًا اسم طفل.",
      "no_email": "لا يوجد عنوان بريد إلكتروني لحسابك: اطلب من المسؤول إضافته.",
      "saved": "حُفظ التفضيل.",
      "when": "الوقت",
      "message": "الرسالة",
      "read_at": "قُرئ"
    }
  },
  "resources": {
    "simulations": {
      "name": "محاكاة |||| محاكاة |||| محاكاتان |||| محاكاة |||| محاكاة |||| محاكاة"
    },
    "hearings": {
      "name": "جلسات |||| جلسة |||| جلستان |||| جلسات |||| جلسة |||| جلسة"
    },
    "notifications": {
      "name": "إشعارات |||| إشعار |||| إشعاران |||| إشعارات |||| إشعارًا |||| إشعار"
    }
  }
};

export default additions;
