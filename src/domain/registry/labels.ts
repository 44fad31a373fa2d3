import type { LocalisedText } from '../common/labels';
import type { PERSON_STATUSES, SEXES } from './schemas';

// Labels of the registry's enums (web pages, exports, referral packets): domain/common/labels.ts.

export const SEX_LABELS: Record<(typeof SEXES)[number], LocalisedText> = {
  female: { en: 'Female', ar: 'أنثى', fr: 'Femme' },
  male: { en: 'Male', ar: 'ذكر', fr: 'Homme' },
  other: { en: 'Other', ar: 'آخر', fr: 'Autre' },
  unknown: { en: 'Unknown', ar: 'غير معروف', fr: 'Inconnu' },
};

export const PERSON_STATUS_LABELS: Record<(typeof PERSON_STATUSES)[number], LocalisedText> = {
  active: { en: 'Active', ar: 'نشط', fr: 'Active' },
  merged: { en: 'Merged', ar: 'مدموج', fr: 'Fusionnée' },
  deceased: { en: 'Deceased', ar: 'متوفى', fr: 'Décédé(e)' },
  anonymised: { en: 'Anonymised', ar: 'مجهَّل الهوية', fr: 'Anonymisée' },
};
