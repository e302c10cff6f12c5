/** react-admin's own strings in Arabic. There is no ra-language-arabic package for react-admin 5, so the keys a
 * user meets are translated here and the rest fall back to English. */
const raArabic = {
  ra: {
    action: {
      add_filter: "إضافة عامل تصفية", add: "إضافة", back: "رجوع", bulk_actions: "تم تحديد %{smart_count} عناصر |||| تم تحديد عنصر واحد |||| تم تحديد %{smart_count} عناصر |||| تم تحديد %{smart_count} عناصر |||| تم تحديد %{smart_count} عناصر |||| تم تحديد %{smart_count} عناصر",
      cancel: "إلغاء", clear_array_input: "إفراغ القائمة", clear_input_value: "مسح القيمة", clone: "نسخ", confirm: "تأكيد",
      create: "إنشاء", create_item: "إنشاء %{item}", delete: "حذف", edit: "تعديل", export: "تصدير", list: "القائمة",
      refresh: "تحديث", remove_filter: "إزالة عامل التصفية", remove_all_filters: "إزالة كل عوامل التصفية",
      remove: "إزالة", save: "حفظ", search: "بحث", select_all: "تحديد الكل", select_row: "تحديد هذا الصف",
      show: "عرض", sort: "ترتيب", undo: "تراجع", unselect: "إلغاء التحديد", expand: "توسيع", close: "إغلاق",
      open_menu: "فتح القائمة", close_menu: "إغلاق القائمة", update: "تحديث", move_up: "نقل لأعلى",
      move_down: "نقل لأسفل", open: "فتح", toggle_theme: "تبديل المظهر", select_columns: "الأعمدة",
      update_application: "إعادة تحميل التطبيق",
    },
    boolean: { true: "نعم", false: "لا", null: " " },
    page: {
      create: "إنشاء %{name}", dashboard: "الرئيسية", edit: "%{name} %{recordRepresentation}", error: "حدث خطأ ما",
      list: "%{name}", loading: "جارٍ التحميل", not_found: "غير موجود", show: "%{name} %{recordRepresentation}",
      empty: "لا يوجد %{name} بعد.", invite: "هل تريد إضافة واحد؟", access_denied: "تم رفض الوصول",
      authentication_error: "خطأ في المصادقة",
    },
    input: {
      file: { upload_several: "أفلت بعض الملفات للتحميل، أو انقر لاختيار ملف.", upload_single: "أفلت ملفًا للتحميل، أو انقر لاختياره." },
      image: { upload_several: "أفلت بعض الصور للتحميل، أو انقر لاختيار صورة.", upload_single: "أفلت صورة للتحميل، أو انقر لاختيارها." },
      references: { all_missing: "تعذّر العثور على بيانات المراجع.", many_missing: "يبدو أن بعض المراجع المرتبطة لم تعد متاحة.", single_missing: "يبدو أن المرجع المرتبط لم يعد متاحًا." },
      password: { toggle_visible: "إخفاء كلمة المرور", toggle_hidden: "إظهار كلمة المرور" },
    },
    message: {
      about: "حول", are_you_sure: "هل أنت متأكد؟", auth_error: "حدث خطأ أثناء التحقق من رمز المصادقة.",
      bulk_delete_content: "هل أنت متأكد من حذف هذه العناصر (%{smart_count})؟ |||| هل أنت متأكد من حذف %{name}؟ |||| هل أنت متأكد من حذف هذه العناصر (%{smart_count})؟ |||| هل أنت متأكد من حذف هذه العناصر (%{smart_count})؟ |||| هل أنت متأكد من حذف هذه العناصر (%{smart_count})؟ |||| هل أنت متأكد من حذف هذه العناصر (%{smart_count})؟",
      bulk_delete_title: "حذف %{smart_count} %{name} |||| حذف %{name} |||| حذف %{smart_count} %{name} |||| حذف %{smart_count} %{name} |||| حذف %{smart_count} %{name} |||| حذف %{smart_count} %{name}", delete_content: "هل أنت متأكد من حذف هذا العنصر؟",
      delete_title: "حذف %{name} #%{id}", details: "التفاصيل", error: "حدث خطأ في التطبيق ولم يُستكمل طلبك.",
      invalid_form: "النموذج غير صالح. يرجى التحقق من الأخطاء", loading: "جارٍ التحميل، يرجى الانتظار",
      no: "لا", not_found: "إما أنك كتبت عنوانًا خاطئًا أو تتبعت رابطًا غير صالح.", yes: "نعم",
      unsaved_changes: "لم تُحفظ بعض تغييراتك. هل تريد تجاهلها؟", clear_array_input: "هل تريد إفراغ القائمة كلها؟",
      access_denied: "ليس لديك الصلاحية للوصول إلى هذه الصفحة", authentication_error: "تعذّر على خادم المصادقة التحقق من طلبك.",
    },
    navigation: {
      clear_filters: "مسح عوامل التصفية", no_filtered_results: "لم يُعثر على %{name} باستخدام عوامل التصفية الحالية.",
      no_results: "لا توجد نتائج", no_more_results: "رقم الصفحة %{page} خارج الحدود. جرّب الصفحة السابقة.",
      page_out_of_boundaries: "رقم الصفحة %{page} خارج الحدود", page_out_from_end: "لا يمكن تجاوز الصفحة الأخيرة",
      page_out_from_begin: "لا يمكن الرجوع قبل الصفحة 1", page_range_info: "%{offsetBegin}-%{offsetEnd} من %{total}",
      partial_page_range_info: "%{offsetBegin}-%{offsetEnd} من أكثر من %{offsetEnd}",
      current_page: "الصفحة %{page}", page: "الانتقال إلى الصفحة %{page}", first: "الانتقال إلى الصفحة الأولى",
      last: "الانتقال إلى الصفحة الأخيرة", page_rows_per_page: "صفوف لكل صفحة:", next: "التالي", previous: "السابق",
      skip_nav: "تخطّي إلى المحتوى",
    },
    sort: { sort_by: "الترتيب حسب %{field_lower_first} %{order}", ASC: "تصاعدي", DESC: "تنازلي" },
    auth: {
      auth_check_error: "يرجى تسجيل الدخول للمتابعة", user_menu: "الملف الشخصي", username: "اسم المستخدم",
      password: "كلمة المرور", email: "البريد الإلكتروني", sign_in: "تسجيل الدخول", sign_in_error: "فشلت المصادقة، يرجى المحاولة مرة أخرى",
      logout: "تسجيل الخروج",
    },
    notification: {
      updated: "تم تحديث %{smart_count} عناصر |||| تم تحديث العنصر |||| تم تحديث %{smart_count} عناصر |||| تم تحديث %{smart_count} عناصر |||| تم تحديث %{smart_count} عناصر |||| تم تحديث %{smart_count} عناصر", created: "تم إنشاء العنصر",
      deleted: "تم حذف %{smart_count} عناصر |||| تم حذف العنصر |||| تم حذف %{smart_count} عناصر |||| تم حذف %{smart_count} عناصر |||| تم حذف %{smart_count} عناصر |||| تم حذف %{smart_count} عناصر", bad_item: "عنصر غير صحيح", item_doesnt_exist: "العنصر غير موجود",
      http_error: "خطأ في الاتصال بالخادم", data_provider_error: "خطأ في مزوّد البيانات. راجع وحدة التحكم للتفاصيل.",
      i18n_error: "تعذّر تحميل الترجمات للغة المحددة", canceled: "تم إلغاء الإجراء", logged_out: "انتهت جلستك، يرجى إعادة الاتصال.",
      not_authorized: "غير مصرّح لك بالوصول إلى هذا المورد.", application_update_available: "يتوفر إصدار جديد.",
    },
    validation: {
      required: "مطلوب", minLength: "يجب ألا يقل عن %{min} أحرف", maxLength: "يجب ألا يزيد عن %{max} أحرف",
      minValue: "يجب ألا يقل عن %{min}", maxValue: "يجب ألا يزيد عن %{max}", number: "يجب أن يكون رقمًا",
      email: "يجب أن يكون بريدًا إلكترونيًا صالحًا", oneOf: "يجب أن يكون أحد: %{options}", regex: "يجب أن يطابق صيغة محددة (regexp): %{pattern}",
      unique: "يجب أن يكون فريدًا",
    },
    saved_queries: { label: "الاستعلامات المحفوظة", query_name: "اسم الاستعلام", new_label: "حفظ الاستعلام الحالي...", new_dialog_title: "حفظ الاستعلام الحالي باسم", remove_label: "إزالة الاستعلام المحفوظ", remove_label_with_name: "إزالة الاستعلام \"%{name}\"", remove_dialog_title: "إزالة الاستعلام المحفوظ؟", remove_message: "هل أنت متأكد من إزالة هذا العنصر من قائمة استعلاماتك المحفوظة؟", help: "صفِّ القائمة واحفظ هذا الاستعلام لوقت لاحق" },
    configurable: { customize: "تخصيص" },
  },
};

export default raArabic;
