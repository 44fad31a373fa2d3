import type { LabelTable } from '../common/labels';
import type { PROGRAMMES, PROTECTION_GATES, REQUEST_ORIGINS, TRAVEL_DOCUMENT_TYPES } from './cases';
import type { Blocker, ReturnState } from './states';

// Returns' words in the three languages (terms from the project glossary), for the web app
// (merged into its i18n resources) and the server (exports, manifests, refusals).

export const RETURN_STATE_LABELS: Record<ReturnState, { en: string; ar: string; fr: string }> = {
  requested: { en: 'Requested', ar: 'طلب مسجَّل', fr: 'Demandé' },
  counselled: { en: 'Counselled', ar: 'تمت الاستشارة', fr: 'Conseillé' },
  consented: { en: 'Consent to return given', ar: 'موافقة على العودة', fr: 'Consentement au retour donné' },
  protection_cleared: { en: 'Protection cleared', ar: 'اجتاز فحص الحماية', fr: 'Protection vérifiée' },
  nationality_confirmed: { en: 'Nationality confirmed', ar: 'تأكدت الجنسية', fr: 'Nationalité confirmée' },
  travel_document_issued: {
    en: 'Travel document issued',
    ar: 'صدرت وثيقة السفر',
    fr: 'Document de voyage délivré',
  },
  exit_cleared: { en: 'Exit visa granted', ar: 'مُنحت تأشيرة الخروج', fr: 'Visa de sortie accordé' },
  fit_to_travel: { en: 'Fit to travel', ar: 'لائق للسفر', fr: 'Apte au voyage' },
  booked: { en: 'Booked', ar: 'محجوز', fr: 'Réservé' },
  departed: { en: 'Departed', ar: 'غادر', fr: 'Parti' },
  arrived: { en: 'Arrived', ar: 'وصل', fr: 'Arrivé' },
  reintegration_planned: {
    en: 'Reintegration planned',
    ar: 'خطة إعادة الإدماج موضوعة',
    fr: 'Réintégration planifiée',
  },
  reintegration_in_progress: {
    en: 'Reintegration in progress',
    ar: 'إعادة الإدماج جارية',
    fr: 'Réintégration en cours',
  },
  closed: { en: 'Closed', ar: 'مغلق', fr: 'Clôturé' },
  withdrawn: { en: 'Withdrawn', ar: 'انسحب', fr: 'Retiré' },
  ineligible: { en: 'Ineligible', ar: 'غير مؤهل', fr: 'Non éligible' },
  no_show: { en: 'Did not show', ar: 'لم يحضر', fr: 'Absent au départ' },
};

export const BLOCKER_LABELS: Record<Blocker, { en: string; ar: string; fr: string }> = {
  not_allowed: {
    en: 'The case cannot move to that step from where it is',
    ar: 'لا يمكن نقل الحالة إلى هذه الخطوة من وضعها الحالي',
    fr: 'Le dossier ne peut pas passer à cette étape depuis son état actuel',
  },
  no_consent: {
    en: 'No valid consent to return is recorded',
    ar: 'لا توجد موافقة سارية على العودة',
    fr: 'Aucun consentement valide au retour n’est enregistré',
  },
  protection_not_cleared: {
    en: 'The person may need international protection: UNHCR’s outcome or a protection officer’s clearance is needed first',
    ar: 'قد يحتاج الشخص إلى الحماية الدولية: يلزم أولاً قرار المفوضية أو موافقة موظف الحماية',
    fr: 'La personne peut avoir besoin d’une protection internationale : la décision du HCR ou l’avis d’un agent de protection est requis d’abord',
  },
  nationality_not_confirmed: {
    en: 'The embassy has not confirmed the nationality',
    ar: 'لم تؤكد السفارة الجنسية',
    fr: 'L’ambassade n’a pas confirmé la nationalité',
  },
  no_travel_document: {
    en: 'No travel document is recorded',
    ar: 'لا توجد وثيقة سفر مسجلة',
    fr: 'Aucun document de voyage n’est enregistré',
  },
  travel_document_expired: {
    en: 'The travel document is not valid on the departure date',
    ar: 'وثيقة السفر غير سارية في تاريخ المغادرة',
    fr: 'Le document de voyage n’est pas valide à la date de départ',
  },
  no_exit_clearance: {
    en: 'No exit visa is recorded',
    ar: 'لا توجد تأشيرة خروج مسجلة',
    fr: 'Aucun visa de sortie n’est enregistré',
  },
  exit_clearance_expired: {
    en: 'The exit visa is not valid on the departure date',
    ar: 'تأشيرة الخروج غير سارية في تاريخ المغادرة',
    fr: 'Le visa de sortie n’est pas valide à la date de départ',
  },
  not_fit_to_travel: {
    en: 'No valid fitness to travel from the clinic',
    ar: 'لا توجد شهادة لياقة للسفر سارية من العيادة',
    fr: 'Pas d’aptitude au voyage valide délivrée par la clinique',
  },
  fitness_expires_before_departure: {
    en: 'Fitness to travel ends before the departure date',
    ar: 'تنتهي اللياقة للسفر قبل تاريخ المغادرة',
    fr: 'L’aptitude au voyage prend fin avant la date de départ',
  },
  not_booked: {
    en: 'The person is not booked on a movement',
    ar: 'الشخص غير محجوز على رحلة',
    fr: 'La personne n’est inscrite sur aucun mouvement',
  },
  departure_not_confirmed: {
    en: 'The departure is not confirmed on the movement',
    ar: 'لم تُؤكَّد المغادرة على الرحلة',
    fr: 'Le départ n’est pas confirmé sur le mouvement',
  },
  arrival_not_confirmed: {
    en: 'The arrival is not confirmed',
    ar: 'لم يُؤكَّد الوصول',
    fr: 'L’arrivée n’est pas confirmée',
  },
  no_reintegration_plan: {
    en: 'No reintegration plan is agreed',
    ar: 'لا توجد خطة متفق عليها لإعادة الإدماج',
    fr: 'Aucun plan de réintégration n’est convenu',
  },
  reintegration_not_started: {
    en: 'No reintegration assistance has started',
    ar: 'لم تبدأ أي مساعدة لإعادة الإدماج',
    fr: 'Aucune aide à la réintégration n’a commencé',
  },
  reason_required: {
    en: 'Give the reason',
    ar: 'اذكر السبب',
    fr: 'Indiquez le motif',
  },
};

export const PROGRAMME_LABELS: Record<(typeof PROGRAMMES)[number], { en: string; ar: string; fr: string }> = {
  vhr: {
    en: 'Voluntary humanitarian return',
    ar: 'العودة الإنسانية الطوعية',
    fr: 'Retour humanitaire volontaire',
  },
  avrr: {
    en: 'Assisted voluntary return and reintegration',
    ar: 'العودة الطوعية المساعَدة وإعادة الإدماج',
    fr: 'Aide au retour volontaire et à la réintégration',
  },
};

export const ORIGIN_LABELS: Record<(typeof REQUEST_ORIGINS)[number], { en: string; ar: string; fr: string }> =
  {
    person: { en: 'The person asked', ar: 'بطلب من الشخص', fr: 'À la demande de la personne' },
    embassy: { en: 'The embassy asked', ar: 'بطلب من السفارة', fr: 'À la demande de l’ambassade' },
  };

export const TRAVEL_DOCUMENT_LABELS: Record<
  (typeof TRAVEL_DOCUMENT_TYPES)[number],
  { en: string; ar: string; fr: string }
> = {
  passport: { en: 'Passport', ar: 'جواز سفر', fr: 'Passeport' },
  emergency_travel_document: {
    en: 'Emergency travel document',
    ar: 'وثيقة سفر طارئة',
    fr: 'Document de voyage d’urgence',
  },
  laissez_passer: { en: 'Laissez-passer', ar: 'تصريح مرور', fr: 'Laissez-passer' },
  consular_attestation: { en: 'Consular attestation', ar: 'شهادة قنصلية', fr: 'Attestation consulaire' },
};

export const PROTECTION_GATE_LABELS: Record<
  (typeof PROTECTION_GATES)[number],
  { en: string; ar: string; fr: string }
> = {
  not_flagged: {
    en: 'No possible need for international protection flagged',
    ar: 'لم يُشر إلى احتمال الحاجة إلى الحماية الدولية',
    fr: 'Aucun besoin possible de protection internationale signalé',
  },
  blocked: {
    en: 'Blocked: possible need for international protection',
    ar: 'موقوف: احتمال الحاجة إلى الحماية الدولية',
    fr: 'Bloqué : besoin possible de protection internationale',
  },
  unhcr_outcome: {
    en: 'UNHCR’s outcome recorded',
    ar: 'سُجِّل قرار المفوضية',
    fr: 'Décision du HCR enregistrée',
  },
  officer_cleared: {
    en: 'Cleared by a protection officer',
    ar: 'وافق عليه موظف الحماية',
    fr: 'Validé par un agent de protection',
  },
};

export const RETURNS_LABEL_TABLES = {
  returnState: RETURN_STATE_LABELS,
  returnBlocker: BLOCKER_LABELS,
  returnProgramme: PROGRAMME_LABELS,
  returnOrigin: ORIGIN_LABELS,
  travelDocumentType: TRAVEL_DOCUMENT_LABELS,
  protectionGate: PROTECTION_GATE_LABELS,
} satisfies Record<string, LabelTable>;
