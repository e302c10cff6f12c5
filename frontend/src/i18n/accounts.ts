/** Strings of the account pages (issue 15): user administration, one's own password (change, and reset by e-mail
 * from the sign-in page), and the custody page's court appearances and release. Every language has every key. */
type Lang = "en" | "fr" | "es" | "ar";

type Strings = {
  jj: {
    roles: Record<
      "caseworker" | "supervisor" | "legal_counsel" | "facility_officer" | "court_officer" | "oversight_monitor" | "administrator",
      string
    >;
    users: {
      username: string;
      first_name: string;
      last_name: string;
      email: string;
      role: string;
      agency: string;
      active: string;
      last_login: string;
      trained_on: string;
      initial_password: string;
      new_password_optional: string;
      confirm_with_yours: string;
      confirm_help: string;
      disable_help: string;
      mfa_reset: string;
      mfa_reset_help: string;
      mfa_reset_done: string;
      saved: string;
      cancel: string;
    };
    password: {
      menu: string;
      title: string;
      current: string;
      new: string;
      repeat: string;
      mismatch: string;
      help: string;
      change: string;
      changed: string;
      forgot: string;
      forgot_title: string;
      forgot_help: string;
      email: string;
      send: string;
      back_to_sign_in: string;
      reset_title: string;
      reset_help: string;
      reset: string;
      reset_done: string;
    };
    appearances: {
      title: string;
      kind: string;
      authority: string;
      outcome: string;
      release_title: string;
      released_at: string;
      reason: string;
      not_released: string;
      outcomes: Record<"released" | "detention_continued" | "charged" | "decided", string>;
    };
  };
  resources: { users: { name: string } };
};

export const accounts: Record<Lang, Strings> = {
  en: {
    jj: {
      roles: {
        caseworker: "Caseworker",
        supervisor: "Supervisor",
        legal_counsel: "Legal counsel",
        facility_officer: "Facility officer",
        court_officer: "Court officer",
        oversight_monitor: "Oversight monitor",
        administrator: "Administrator",
      },
      users: {
        username: "Username",
        first_name: "Given name",
        last_name: "Family name",
        email: "E-mail (for password resets and notifications)",
        role: "Role",
        agency: "Agency",
        active: "Account active",
        last_login: "Last sign-in",
        trained_on: "Trained in child justice on",
        initial_password: "First password (at least 12 characters)",
        new_password_optional: "New password (leave empty to keep the current one)",
        confirm_with_yours: "Your own password, to confirm",
        confirm_help: "Changes to accounts are confirmed with your own password, and recorded.",
        disable_help: "Switching an account off ends its sessions at once; it cannot sign in until switched on again.",
        mfa_reset: "Reset the authenticator app",
        mfa_reset_help:
          "For a lost phone: removes this person's authenticator app and recovery codes and ends their sessions. They enrol again at their next sign-in.",
        mfa_reset_done: "The authenticator app was reset.",
        saved: "Account saved.",
        cancel: "Cancel",
      },
      password: {
        menu: "Change password",
        title: "Change your password",
        current: "Current password",
        new: "New password",
        repeat: "New password, again",
        mismatch: "The two new passwords differ.",
        help: "At least 12 characters, not a common password, not like your name. Your other sessions will end.",
        change: "Change password",
        changed: "Password changed. Your other sessions have ended.",
        forgot: "Forgot password?",
        forgot_title: "Reset your password",
        forgot_help: "Enter the e-mail address of your account. If it has one, we send it a link to choose a new password.",
        email: "E-mail address",
        send: "Send the link",
        back_to_sign_in: "Back to sign-in",
        reset_title: "Choose a new password",
        reset_help: "At least 12 characters, not a common password, not like your name.",
        reset: "Set the new password",
        reset_done: "Your password is set. Sign in with it.",
      },
      appearances: {
        title: "Court appearances",
        kind: "Kind",
        authority: "Before",
        outcome: "Outcome",
        release_title: "Release",
        released_at: "Released",
        reason: "Reason",
        not_released: "Not released: the child is held.",
        outcomes: { released: "Released", detention_continued: "Detention continued", charged: "Charged", decided: "Decided" },
      },
    },
    resources: { users: { name: "User account |||| User accounts" } },
  },
  fr: {
    jj: {
      roles: {
        caseworker: "Travailleur social",
        supervisor: "Superviseur",
        legal_counsel: "Conseil juridique",
        facility_officer: "Agent d'établissement",
        court_officer: "Greffier",
        oversight_monitor: "Contrôleur",
        administrator: "Administrateur",
      },
      users: {
        username: "Identifiant",
        first_name: "Prénom",
        last_name: "Nom",
        email: "Courriel (pour les réinitialisations de mot de passe et les notifications)",
        role: "Rôle",
        agency: "Service",
        active: "Compte actif",
        last_login: "Dernière connexion",
        trained_on: "Formé à la justice des mineurs le",
        initial_password: "Premier mot de passe (au moins 12 caractères)",
        new_password_optional: "Nouveau mot de passe (laisser vide pour garder l'actuel)",
        confirm_with_yours: "Votre propre mot de passe, pour confirmer",
        confirm_help: "Les modifications des comptes se confirment avec votre propre mot de passe et sont enregistrées.",
        disable_help:
          "Désactiver un compte met fin à ses sessions immédiatement ; il ne peut plus se connecter tant qu'il n'est pas réactivé.",
        mfa_reset: "Réinitialiser l'application d'authentification",
        mfa_reset_help:
          "En cas de téléphone perdu : supprime l'application d'authentification et les codes de secours de cette personne et met fin à ses sessions. Elle s'inscrit de nouveau à sa prochaine connexion.",
        mfa_reset_done: "L'application d'authentification a été réinitialisée.",
        saved: "Compte enregistré.",
        cancel: "Annuler",
      },
      password: {
        menu: "Changer de mot de passe",
        title: "Changer votre mot de passe",
        current: "Mot de passe actuel",
        new: "Nouveau mot de passe",
        repeat: "Nouveau mot de passe, encore",
        mismatch: "Les deux nouveaux mots de passe diffèrent.",
        help: "Au moins 12 caractères, pas un mot de passe courant, pas proche de votre nom. Vos autres sessions prendront fin.",
        change: "Changer le mot de passe",
        changed: "Mot de passe changé. Vos autres sessions ont pris fin.",
        forgot: "Mot de passe oublié ?",
        forgot_title: "Réinitialiser votre mot de passe",
        forgot_help:
          "Saisissez l'adresse électronique de votre compte. Si un compte l'utilise, nous lui envoyons un lien pour choisir un nouveau mot de passe.",
        email: "Adresse électronique",
        send: "Envoyer le lien",
        back_to_sign_in: "Retour à la connexion",
        reset_title: "Choisir un nouveau mot de passe",
        reset_help: "Au moins 12 caractères, pas un mot de passe courant, pas proche de votre nom.",
        reset: "Enregistrer le nouveau mot de passe",
        reset_done: "Votre mot de passe est enregistré. Connectez-vous avec lui.",
      },
      appearances: {
        title: "Comparutions",
        kind: "Type",
        authority: "Devant",
        outcome: "Issue",
        release_title: "Libération",
        released_at: "Libéré le",
        reason: "Motif",
        not_released: "Pas de libération : l'enfant est détenu.",
        outcomes: { released: "Libéré", detention_continued: "Détention maintenue", charged: "Mis en accusation", decided: "Jugé" },
      },
    },
    resources: { users: { name: "Compte utilisateur |||| Comptes utilisateurs" } },
  },
  es: {
    jj: {
      roles: {
        caseworker: "Trabajador social",
        supervisor: "Supervisor",
        legal_counsel: "Asesor jurídico",
        facility_officer: "Funcionario del centro",
        court_officer: "Funcionario judicial",
        oversight_monitor: "Supervisor externo",
        administrator: "Administrador",
      },
      users: {
        username: "Nombre de usuario",
        first_name: "Nombre",
        last_name: "Apellidos",
        email: "Correo electrónico (para restablecer la contraseña y las notificaciones)",
        role: "Función",
        agency: "Organismo",
        active: "Cuenta activa",
        last_login: "Último inicio de sesión",
        trained_on: "Formación en justicia juvenil el",
        initial_password: "Primera contraseña (al menos 12 caracteres)",
        new_password_optional: "Nueva contraseña (déjela vacía para conservar la actual)",
        confirm_with_yours: "Su propia contraseña, para confirmar",
        confirm_help: "Los cambios en las cuentas se confirman con su propia contraseña y quedan registrados.",
        disable_help: "Desactivar una cuenta cierra sus sesiones al instante; no puede iniciar sesión hasta que se reactive.",
        mfa_reset: "Restablecer la aplicación de autenticación",
        mfa_reset_help:
          "Para un teléfono perdido: elimina la aplicación de autenticación y los códigos de recuperación de esta persona y cierra sus sesiones. Se inscribe de nuevo en su próximo inicio de sesión.",
        mfa_reset_done: "Se restableció la aplicación de autenticación.",
        saved: "Cuenta guardada.",
        cancel: "Cancelar",
      },
      password: {
        menu: "Cambiar contraseña",
        title: "Cambie su contraseña",
        current: "Contraseña actual",
        new: "Nueva contraseña",
        repeat: "Nueva contraseña, otra vez",
        mismatch: "Las dos contraseñas nuevas no coinciden.",
        help: "Al menos 12 caracteres, no una contraseña común, no parecida a su nombre. Sus otras sesiones se cerrarán.",
        change: "Cambiar la contraseña",
        changed: "Contraseña cambiada. Sus otras sesiones se han cerrado.",
        forgot: "¿Olvidó su contraseña?",
        forgot_title: "Restablezca su contraseña",
        forgot_help:
          "Escriba la dirección de correo de su cuenta. Si alguna cuenta la tiene, le enviamos un enlace para elegir una contraseña nueva.",
        email: "Dirección de correo electrónico",
        send: "Enviar el enlace",
        back_to_sign_in: "Volver al inicio de sesión",
        reset_title: "Elija una contraseña nueva",
        reset_help: "Al menos 12 caracteres, no una contraseña común, no parecida a su nombre.",
        reset: "Guardar la contraseña nueva",
        reset_done: "Su contraseña está guardada. Inicie sesión con ella.",
      },
      appearances: {
        title: "Comparecencias",
        kind: "Tipo",
        authority: "Ante",
        outcome: "Resultado",
        release_title: "Puesta en libertad",
        released_at: "Puesto en libertad",
        reason: "Motivo",
        not_released: "Sin puesta en libertad: el niño está detenido.",
        outcomes: { released: "Puesto en libertad", detention_continued: "Detención mantenida", charged: "Acusado", decided: "Resuelto" },
      },
    },
    resources: { users: { name: "Cuenta de usuario |||| Cuentas de usuario" } },
  },
  ar: {
    jj: {
      roles: {
        caseworker: "أخصائي اجتماعي",
        supervisor: "مشرف",
        legal_counsel: "مستشار قانوني",
        facility_officer: "موظف المرفق",
        court_officer: "موظف المحكمة",
        oversight_monitor: "مراقب",
        administrator: "مسؤول النظام",
      },
      users: {
        username: "اسم المستخدم",
        first_name: "الاسم الأول",
        last_name: "اسم العائلة",
        email: "البريد الإلكتروني (لإعادة تعيين كلمة المرور والإشعارات)",
        role: "الدور",
        agency: "الجهة",
        active: "الحساب مفعّل",
        last_login: "آخر تسجيل دخول",
        trained_on: "تاريخ التدريب على عدالة الأطفال",
        initial_password: "كلمة المرور الأولى (12 حرفًا على الأقل)",
        new_password_optional: "كلمة مرور جديدة (اتركها فارغة للإبقاء على الحالية)",
        confirm_with_yours: "كلمة مرورك أنت، للتأكيد",
        confirm_help: "تُؤكَّد التغييرات على الحسابات بكلمة مرورك أنت، وتُسجَّل.",
        disable_help: "إيقاف الحساب ينهي جلساته فورًا؛ ولا يمكنه تسجيل الدخول حتى يُعاد تفعيله.",
        mfa_reset: "إعادة تعيين تطبيق المصادقة",
        mfa_reset_help:
          "عند فقدان الهاتف: يزيل تطبيق المصادقة ورموز الاسترداد لهذا الشخص وينهي جلساته. ويسجّل من جديد عند تسجيل دخوله التالي.",
        mfa_reset_done: "أُعيد تعيين تطبيق المصادقة.",
        saved: "حُفظ الحساب.",
        cancel: "إلغاء",
      },
      password: {
        menu: "تغيير كلمة المرور",
        title: "غيّر كلمة المرور",
        current: "كلمة المرور الحالية",
        new: "كلمة المرور الجديدة",
        repeat: "كلمة المرور الجديدة مرة أخرى",
        mismatch: "كلمتا المرور الجديدتان مختلفتان.",
        help: "12 حرفًا على الأقل، وليست كلمة مرور شائعة، ولا تشبه اسمك. ستنتهي جلساتك الأخرى.",
        change: "تغيير كلمة المرور",
        changed: "تغيّرت كلمة المرور. انتهت جلساتك الأخرى.",
        forgot: "نسيت كلمة المرور؟",
        forgot_title: "إعادة تعيين كلمة المرور",
        forgot_help: "أدخل عنوان البريد الإلكتروني لحسابك. إن وُجد حساب به، نرسل إليه رابطًا لاختيار كلمة مرور جديدة.",
        email: "عنوان البريد الإلكتروني",
        send: "إرسال الرابط",
        back_to_sign_in: "العودة إلى تسجيل الدخول",
        reset_title: "اختر كلمة مرور جديدة",
        reset_help: "12 حرفًا على الأقل، وليست كلمة مرور شائعة، ولا تشبه اسمك.",
        reset: "حفظ كلمة المرور الجديدة",
        reset_done: "حُفظت كلمة مرورك. سجّل الدخول بها.",
      },
      appearances: {
        title: "المثول أمام المحكمة",
        kind: "النوع",
        authority: "أمام",
        outcome: "النتيجة",
        release_title: "الإفراج",
        released_at: "أُفرج عنه في",
        reason: "السبب",
        not_released: "لم يُفرج عنه: الطفل محتجز.",
        outcomes: { released: "أُفرج عنه", detention_continued: "استمرار الاحتجاز", charged: "وُجّهت إليه تهمة", decided: "صدر الحكم" },
      },
    },
    resources: {
      users: {
        name: "حسابات المستخدمين |||| حساب مستخدم |||| حسابا مستخدم |||| حسابات المستخدمين |||| حساب مستخدم |||| حساب مستخدم",
      },
    },
  },
};
