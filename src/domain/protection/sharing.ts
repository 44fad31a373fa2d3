import type { LocalisedText } from './flags';
import type { ShareableField } from './records';

/** Labels of the fields a data-sharing profile can allow: shown to administrators and printed in packets. */
export const SHAREABLE_FIELD_LABELS: Record<ShareableField, LocalisedText> = {
  registrationNumber: { en: 'Registration number', ar: 'رقم التسجيل', fr: "Numéro d'enregistrement" },
  givenName: { en: 'Given name', ar: 'الاسم الأول', fr: 'Prénom' },
  familyName: { en: 'Family name', ar: 'اسم العائلة', fr: 'Nom de famille' },
  fullNameOriginal: {
    en: 'Name in original script',
    ar: 'الاسم بالكتابة الأصلية',
    fr: "Nom dans l'écriture d'origine",
  },
  sex: { en: 'Sex', ar: 'الجنس', fr: 'Sexe' },
  birthDate: { en: 'Date of birth', ar: 'تاريخ الميلاد', fr: 'Date de naissance' },
  age: { en: 'Age', ar: 'العمر', fr: 'Âge' },
  nationality: { en: 'Nationality', ar: 'الجنسية', fr: 'Nationalité' },
  languages: { en: 'Languages', ar: 'اللغات', fr: 'Langues' },
  documents: { en: 'Documents held', ar: 'الوثائق', fr: 'Documents détenus' },
  phone: { en: 'Phone', ar: 'الهاتف', fr: 'Téléphone' },
  currentCentre: { en: 'Current centre', ar: 'المركز الحالي', fr: 'Centre actuel' },
  admittedOn: { en: 'Admitted on', ar: 'تاريخ الإدخال', fr: "Date d'admission" },
  protectionFlags: { en: 'Protection flags', ar: 'مؤشرات الحماية', fr: 'Indicateurs de protection' },
  riskLevel: { en: 'Risk level', ar: 'مستوى الخطورة', fr: 'Niveau de risque' },
  referralReason: { en: 'Reason for referral', ar: 'سبب الإحالة', fr: "Motif de l'orientation" },
  family: {
    en: 'Family members detained together',
    ar: 'أفراد الأسرة المحتجزون معاً',
    fr: 'Membres de la famille détenus ensemble',
  },
};

/** The words of a referral packet that are not field labels. */
export const PACKET_TEXT: Record<
  'title' | 'person' | 'referral' | 'service' | 'urgency' | 'footer',
  LocalisedText
> = {
  title: { en: 'Referral', ar: 'إحالة', fr: 'Orientation' },
  person: { en: 'Person referred', ar: 'الشخص المُحال', fr: 'Personne orientée' },
  referral: { en: 'Referral', ar: 'الإحالة', fr: 'Orientation' },
  service: { en: 'Service requested', ar: 'الخدمة المطلوبة', fr: 'Service demandé' },
  urgency: { en: 'Urgency', ar: 'درجة الاستعجال', fr: 'Urgence' },
  footer: {
    en: 'Confidential: shared with the informed consent of the person (or a recorded protection override) for this referral only. Do not forward.',
    ar: 'سري: تمت المشاركة بموافقة الشخص المستنيرة (أو بتجاوز حماية مسجل) لهذه الإحالة فقط. يُمنع إعادة الإرسال.',
    fr: 'Confidentiel : partagé avec le consentement éclairé de la personne (ou une dérogation de protection enregistrée) pour cette seule orientation. Ne pas transférer.',
  },
};

export const SERVICE_LABELS: Record<string, LocalisedText> = {
  international_protection: {
    en: 'International protection',
    ar: 'الحماية الدولية',
    fr: 'Protection internationale',
  },
  refugee_status_determination: {
    en: 'Refugee status determination',
    ar: 'تحديد صفة اللاجئ',
    fr: 'Détermination du statut de réfugié',
  },
  resettlement: { en: 'Resettlement', ar: 'إعادة التوطين', fr: 'Réinstallation' },
  medical: { en: 'Medical care', ar: 'الرعاية الطبية', fr: 'Soins médicaux' },
  psychosocial: { en: 'Psychosocial support', ar: 'الدعم النفسي والاجتماعي', fr: 'Soutien psychosocial' },
  legal: { en: 'Legal assistance', ar: 'المساعدة القانونية', fr: 'Assistance juridique' },
  family_tracing: { en: 'Family tracing', ar: 'البحث عن الأسرة', fr: 'Recherche familiale' },
  shelter: { en: 'Shelter', ar: 'المأوى', fr: 'Hébergement' },
  other: { en: 'Other', ar: 'أخرى', fr: 'Autre' },
};

export const URGENCY_LABELS: Record<string, LocalisedText> = {
  routine: { en: 'Routine', ar: 'عادية', fr: 'Normale' },
  priority: { en: 'Priority', ar: 'ذات أولوية', fr: 'Prioritaire' },
  emergency: { en: 'Emergency', ar: 'طارئة', fr: 'Urgente' },
};
