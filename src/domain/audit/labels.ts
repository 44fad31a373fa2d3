import type { LocalisedText } from '../common/labels';
import type { AUDIT_ACTIONS } from './schemas';

// Labels of the audit trail's actions and record types (web pages, exports): domain/common/labels.ts.

/** What an audit event records. */
export const AUDIT_ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], LocalisedText> = {
  create: { en: 'Created', ar: 'إنشاء', fr: 'Création' },
  update: { en: 'Updated', ar: 'تعديل', fr: 'Modification' },
  deactivate: { en: 'Deactivated', ar: 'إلغاء التفعيل', fr: 'Désactivation' },
  reactivate: { en: 'Reactivated', ar: 'إعادة التفعيل', fr: 'Réactivation' },
  delete: { en: 'Deleted', ar: 'حذف', fr: 'Suppression' },
  read: { en: 'Read', ar: 'اطلاع', fr: 'Consultation' },
  export: { en: 'Exported', ar: 'تصدير', fr: 'Exportation' },
  share: { en: 'Shared', ar: 'مشاركة', fr: 'Partage' },
  login: { en: 'Signed in', ar: 'تسجيل الدخول', fr: 'Connexion' },
  login_failed: { en: 'Failed sign-in', ar: 'محاولة دخول فاشلة', fr: 'Échec de connexion' },
  logout: { en: 'Signed out', ar: 'تسجيل الخروج', fr: 'Déconnexion' },
  password_change: { en: 'Changed password', ar: 'تغيير كلمة المرور', fr: 'Changement de mot de passe' },
  totp_enrol: {
    en: 'Set up two-factor',
    ar: 'إعداد المصادقة الثنائية',
    fr: 'Configuration de la double authentification',
  },
  merge: { en: 'Merged duplicates', ar: 'دمج سجلات مكررة', fr: 'Fusion de doublons' },
  unmerge: { en: 'Undid a merge', ar: 'التراجع عن الدمج', fr: "Annulation d'une fusion" },
  withdraw: { en: 'Withdrew', ar: 'سحب', fr: 'Retiré' },
  close: { en: 'Closed', ar: 'أغلق', fr: 'Clôturé' },
  transition: { en: 'Changed status', ar: 'غيّر الحالة', fr: 'Changement de statut' },
  override: {
    en: 'Overrode a consent check',
    ar: 'تجاوز التحقق من الموافقة',
    fr: 'Dérogation au contrôle du consentement',
  },
  duplicate_review: {
    en: 'Registered despite a likely duplicate',
    ar: 'سُجّل رغم تكرار محتمل',
    fr: 'Enregistré malgré un doublon probable',
  },
  password_reset: {
    en: 'Reset a password (command line)',
    ar: 'إعادة تعيين كلمة المرور (سطر الأوامر)',
    fr: 'Mot de passe réinitialisé (ligne de commande)',
  },
  totp_reset: {
    en: 'Removed two-factor authentication (command line)',
    ar: 'إزالة التحقق بخطوتين (سطر الأوامر)',
    fr: 'Double authentification retirée (ligne de commande)',
  },
  transfer: { en: 'Transferred (with others)', ar: 'نُقل (مع آخرين)', fr: 'Transféré (avec d’autres)' },
};

/** The kinds of record audit events name (any module's). */
export const AUDIT_ENTITY_LABELS: Record<string, LocalisedText> = {
  organisation: { en: 'Organisation', ar: 'منظمة', fr: 'Organisation' },
  centre: { en: 'Centre', ar: 'مركز', fr: 'Centre' },
  user: { en: 'User', ar: 'مستخدم', fr: 'Utilisateur' },
  mission: { en: 'Mission', ar: 'البعثة', fr: 'Mission' },
  session: { en: 'Session', ar: 'جلسة', fr: 'Session' },
  person: { en: 'Person', ar: 'شخص', fr: 'Personne' },
  episode: { en: 'Detention episode', ar: 'فترة احتجاز', fr: 'Période de détention' },
  headcount: { en: 'Authority headcount', ar: 'عدد الجهة المحتجِزة', fr: "Décompte de l'autorité" },
  screening: { en: 'Screening', ar: 'فحص مواطن الضعف', fr: 'Évaluation de la vulnérabilité' },
  consent: { en: 'Consent', ar: 'موافقة', fr: 'Consentement' },
  referral: { en: 'Referral', ar: 'إحالة', fr: 'Orientation' },
  case: { en: 'Case', ar: 'حالة', fr: 'Cas' },
  note: { en: 'Case note', ar: 'ملاحظة الحالة', fr: 'Note de suivi' },
  task: { en: 'Follow-up task', ar: 'مهمة متابعة', fr: 'Tâche de suivi' },
  stock_transfer: { en: 'Stock transfer', ar: 'تحويل مخزون', fr: 'Transfert de stock' },
  stock_count: { en: 'Stock count', ar: 'جرد المخزون', fr: 'Inventaire du stock' },
  supply_item: { en: 'Supply item', ar: 'صنف من الإمدادات', fr: 'Article' },
  stock_point: { en: 'Stock point', ar: 'نقطة مخزون', fr: 'Point de stock' },
  stock_level: { en: 'Stock level', ar: 'مستوى المخزون', fr: 'Niveau de stock' },
  project: { en: 'Project', ar: 'مشروع', fr: 'Projet' },
  supplies_settings: { en: 'Supplies settings', ar: 'إعدادات الإمدادات', fr: 'Paramètres des fournitures' },
  eligibility_rules: { en: 'Eligibility rules', ar: 'قواعد الأهلية', fr: "Règles d'éligibilité" },
  // stock reports (exported as XLSX)
  stock_report: { en: 'Stock report', ar: 'تقرير المخزون', fr: 'Rapport de stock' },
  stock_below_minimum: {
    en: 'Stock below minimum',
    ar: 'مخزون دون الحد الأدنى',
    fr: 'Stock sous le minimum',
  },
  stock_consumption: { en: 'Stock consumption', ar: 'استهلاك المخزون', fr: 'Consommation de stock' },
  distribution: { en: 'Distribution', ar: 'توزيع', fr: 'Distribution' },
  distribution_line: { en: 'Distribution line', ar: 'بند توزيع', fr: 'Ligne de distribution' },
  distribution_report: { en: 'Distribution report', ar: 'تقرير التوزيعات', fr: 'Rapport des distributions' },
  stock_movement: { en: 'Stock ledger entry', ar: 'قيد في سجل المخزون', fr: 'Écriture de stock' },
  stock: { en: 'Stock on hand', ar: 'المخزون المتوفر', fr: 'Stock disponible' },
  // the audit trail's own exports
  audit_event: { en: 'Audit trail', ar: 'سجل التدقيق', fr: "Journal d'audit" },
  sharing_profile: {
    en: 'Data-sharing profile',
    ar: 'ملف مشاركة البيانات',
    fr: 'Profil de partage des données',
  },
  // health: surveillance (the weekly table exported as XLSX) and outbreak alerts
  surveillance: { en: 'Surveillance table', ar: 'جدول الترصد', fr: 'Tableau de surveillance' },
  alert: { en: 'Outbreak alert', ar: 'إنذار تفشٍّ', fr: 'Alerte épidémique' },
  alert_rules: { en: 'Alert rules', ar: 'قواعد الإنذار', fr: "Règles d'alerte" },
  clinic_schedule: { en: 'Weekly clinic', ar: 'العيادة الأسبوعية', fr: 'Consultation hebdomadaire' },
  clinic_session: { en: 'Clinic session', ar: 'جلسة العيادة', fr: 'Séance de consultation' },
  clinic_queue_entry: {
    en: 'Clinic queue entry',
    ar: 'دور في طابور العيادة',
    fr: "Place dans la file d'attente de la clinique",
  },
  counselling_session: {
    en: 'Counselling session',
    ar: 'جلسة إرشاد نفسي',
    fr: "Séance d'accompagnement psychologique",
  },
  mhpss_follow_up: { en: 'Counselling follow-up', ar: 'متابعة الإرشاد النفسي', fr: 'Suivi psychologique' },
  consultation: { en: 'Consultation', ar: 'استشارة طبية', fr: 'Consultation médicale' },
  dispensing: { en: 'Dispensing', ar: 'صرف الأدوية', fr: 'Délivrance de médicaments' },
  diagnosis: {
    en: 'Diagnosis (mission list)',
    ar: 'تشخيص (قائمة البعثة)',
    fr: 'Diagnostic (liste de la mission)',
  },
  fitness_to_travel: { en: 'Fitness to travel', ar: 'اللياقة للسفر', fr: 'Aptitude au voyage' },
  // returns
  return_case: { en: 'Return case', ar: 'ملف العودة', fr: 'Dossier de retour' },
  travel_document: { en: 'Travel document', ar: 'وثيقة سفر', fr: 'Document de voyage' },
  exit_clearance: { en: 'Exit visa', ar: 'تأشيرة خروج', fr: 'Visa de sortie' },
};
