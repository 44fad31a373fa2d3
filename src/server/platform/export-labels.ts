import type { Locale } from '../../domain/common/schemas';

/** Column headers of list exports, in every language of the app (platform/export.ts). */
export const EXPORT_LABELS = {
  registrationNumber: { en: 'Registration number', fr: 'Numéro d’enregistrement', ar: 'رقم التسجيل' },
  givenName: { en: 'Given name', fr: 'Prénom', ar: 'الاسم' },
  familyName: { en: 'Family name', fr: 'Nom de famille', ar: 'اسم العائلة' },
  fullNameOriginal: {
    en: 'Name in original script',
    fr: 'Nom dans l’écriture d’origine',
    ar: 'الاسم بالخط الأصلي',
  },
  personName: { en: 'Person', fr: 'Personne', ar: 'الشخص' },
  sex: { en: 'Sex', fr: 'Sexe', ar: 'الجنس' },
  birthDate: { en: 'Date of birth', fr: 'Date de naissance', ar: 'تاريخ الميلاد' },
  birthDateEstimated: {
    en: 'Date of birth estimated',
    fr: 'Date de naissance estimée',
    ar: 'تاريخ الميلاد تقديري',
  },
  age: { en: 'Age', fr: 'Âge', ar: 'العمر' },
  nationality: { en: 'Nationality', fr: 'Nationalité', ar: 'الجنسية' },
  phone: { en: 'Phone', fr: 'Téléphone', ar: 'الهاتف' },
  status: { en: 'Status', fr: 'Statut', ar: 'الحالة' },
  centre: { en: 'Centre', fr: 'Centre', ar: 'المركز' },
  admittedOn: { en: 'Admitted on', fr: 'Admis le', ar: 'تاريخ الدخول' },
  createdAt: { en: 'Created at', fr: 'Créé le', ar: 'تاريخ الإنشاء' },
  reference: { en: 'Reference', fr: 'Référence', ar: 'المرجع' },
  recipient: { en: 'Recipient', fr: 'Destinataire', ar: 'الجهة المستقبلة' },
  service: { en: 'Service', fr: 'Service', ar: 'الخدمة' },
  urgency: { en: 'Urgency', fr: 'Urgence', ar: 'الأولوية' },
  sentAt: { en: 'Sent at', fr: 'Envoyé le', ar: 'تاريخ الإرسال' },
  overdue: { en: 'Overdue', fr: 'En retard', ar: 'متأخر' },
  assignee: { en: 'Assigned to', fr: 'Assigné à', ar: 'مسند إلى' },
  organisation: { en: 'Organisation', fr: 'Organisation', ar: 'المنظمة' },
  openedOn: { en: 'Opened on', fr: 'Ouvert le', ar: 'تاريخ الفتح' },
  closedOn: { en: 'Closed on', fr: 'Fermé le', ar: 'تاريخ الإغلاق' },
  riskLevel: { en: 'Risk level', fr: 'Niveau de risque', ar: 'مستوى الخطر' },
  flags: { en: 'Flags', fr: 'Signalements', ar: 'المؤشرات' },
  title: { en: 'Title', fr: 'Titre', ar: 'العنوان' },
  dueOn: { en: 'Due on', fr: 'Échéance', ar: 'تاريخ الاستحقاق' },
  referral: { en: 'Referral', fr: 'Orientation', ar: 'الإحالة' },
  screenedOn: { en: 'Screened on', fr: 'Évalué le', ar: 'تاريخ الفحص' },
  screenedBy: { en: 'Screened by', fr: 'Évalué par', ar: 'أجرى الفحص' },
  name: { en: 'Name', fr: 'Nom', ar: 'الاسم' },
  nameAr: { en: 'Name in Arabic', fr: 'Nom en arabe', ar: 'الاسم بالعربية' },
  type: { en: 'Type', fr: 'Type', ar: 'النوع' },
  location: { en: 'Location', fr: 'Lieu', ar: 'الموقع' },
  capacity: { en: 'Capacity', fr: 'Capacité', ar: 'السعة' },
  active: { en: 'Active', fr: 'Actif', ar: 'نشط' },
  acronym: { en: 'Acronym', fr: 'Sigle', ar: 'الاختصار' },
  kind: { en: 'Kind', fr: 'Catégorie', ar: 'الفئة' },
  country: { en: 'Country', fr: 'Pays', ar: 'البلد' },
  username: { en: 'Username', fr: 'Identifiant', ar: 'اسم المستخدم' },
  displayName: { en: 'Display name', fr: 'Nom affiché', ar: 'الاسم المعروض' },
  email: { en: 'Email', fr: 'E-mail', ar: 'البريد الإلكتروني' },
  roles: { en: 'Roles', fr: 'Rôles', ar: 'الأدوار' },
  locale: { en: 'Language', fr: 'Langue', ar: 'اللغة' },
  totpEnabled: { en: 'Two-step sign-in', fr: 'Connexion en deux étapes', ar: 'التحقق بخطوتين' },
  seq: { en: 'Sequence', fr: 'Séquence', ar: 'التسلسل' },
  at: { en: 'Time', fr: 'Heure', ar: 'الوقت' },
  actor: { en: 'User', fr: 'Utilisateur', ar: 'المستخدم' },
  action: { en: 'Action', fr: 'Action', ar: 'الإجراء' },
  entityType: { en: 'Record type', fr: 'Type d’enregistrement', ar: 'نوع السجل' },
  entityId: { en: 'Record', fr: 'Enregistrement', ar: 'السجل' },
  changedFields: { en: 'Changed fields', fr: 'Champs modifiés', ar: 'الحقول المعدلة' },
  ip: { en: 'IP address', fr: 'Adresse IP', ar: 'عنوان IP' },
  detail: { en: 'Detail', fr: 'Détail', ar: 'التفاصيل' },
} satisfies Record<string, Record<Locale, string>>;

export type ExportLabel = keyof typeof EXPORT_LABELS;

/** Boolean cells (active, overdue, estimated…), in the export's language. */
export const EXPORT_YES_NO = {
  yes: { en: 'Yes', fr: 'Oui', ar: 'نعم' },
  no: { en: 'No', fr: 'Non', ar: 'لا' },
} satisfies Record<string, Record<Locale, string>>;

/** Between the translated codes of one cell (a case's flags). */
export const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', fr: ', ', ar: '، ' };
