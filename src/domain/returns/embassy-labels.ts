import type { LocalisedText } from '../common/labels';
import type {
  EMBASSY_ANSWERS,
  EMBASSY_REQUEST_STATUSES,
  INTERVIEW_MODES,
  INTERVIEW_OUTCOMES,
} from './embassy';

// Embassy requests' and consular interviews' words in the three languages (glossary terms), for
// the web app and the exported lists.

export const EMBASSY_REQUEST_STATUS_LABELS: Record<(typeof EMBASSY_REQUEST_STATUSES)[number], LocalisedText> =
  {
    draft: { en: 'Draft', ar: 'مسودة', fr: 'Brouillon' },
    sent: { en: 'Sent', ar: 'مُرسَل', fr: 'Envoyée' },
    answered: { en: 'Answered', ar: 'تم الرد', fr: 'Répondue' },
    closed: { en: 'Closed', ar: 'مغلق', fr: 'Clôturée' },
  };

export const EMBASSY_ANSWER_LABELS: Record<(typeof EMBASSY_ANSWERS)[number], LocalisedText> = {
  confirmed: { en: 'Nationality confirmed', ar: 'الجنسية مؤكدة', fr: 'Nationalité confirmée' },
  not_confirmed: { en: 'Not confirmed', ar: 'غير مؤكدة', fr: 'Non confirmée' },
  interview_needed: { en: 'Interview needed', ar: 'تلزم مقابلة', fr: 'Entretien nécessaire' },
};

export const INTERVIEW_MODE_LABELS: Record<(typeof INTERVIEW_MODES)[number], LocalisedText> = {
  in_person: { en: 'In person', ar: 'حضورياً', fr: 'En personne' },
  video: { en: 'Video call', ar: 'مكالمة فيديو', fr: 'Appel vidéo' },
};

export const INTERVIEW_OUTCOME_LABELS: Record<(typeof INTERVIEW_OUTCOMES)[number], LocalisedText> = {
  confirmed: { en: 'Nationality confirmed', ar: 'الجنسية مؤكدة', fr: 'Nationalité confirmée' },
  not_confirmed: { en: 'Not confirmed', ar: 'غير مؤكدة', fr: 'Non confirmée' },
  pending: { en: 'Pending', ar: 'قيد الانتظار', fr: 'En attente' },
};

/** The words of the exported list (XLSX and PDF) that are not field labels. */
export const EMBASSY_EXPORT_TEXT = {
  title: {
    en: 'Request for nationality verification',
    ar: 'طلب التحقق من الجنسية',
    fr: 'Demande de vérification de nationalité',
  },
  sheet: { en: 'People', ar: 'الأشخاص', fr: 'Personnes' },
  number: { en: 'No.', ar: 'رقم', fr: 'N°' },
  caseReference: { en: 'Case reference', ar: 'مرجع الحالة', fr: 'Référence du dossier' },
  person: { en: 'Person', ar: 'الشخص', fr: 'Personne' },
  footer: {
    en: 'Confidential: shared with the consent of each person listed, for the verification of nationality only.',
    ar: 'سري: تمت المشاركة بموافقة كل شخص مدرج، لغرض التحقق من الجنسية فقط.',
    fr: 'Confidentiel : transmis avec le consentement de chaque personne listée, uniquement pour la vérification de la nationalité.',
  },
} satisfies Record<string, LocalisedText>;
