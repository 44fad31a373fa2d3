import type { LocalisedText } from '../common/labels';
import type { CENTRE_TYPES, ORGANISATION_KINDS } from './schemas';

// Labels of the directory's enums (web pages, exports): domain/common/labels.ts.

/** Kinds of centre. */
export const CENTRE_TYPE_LABELS: Record<(typeof CENTRE_TYPES)[number], LocalisedText> = {
  detention: { en: 'Detention centre', ar: 'مركز احتجاز', fr: 'Centre de détention' },
  reception: { en: 'Reception centre', ar: 'مركز استقبال', fr: "Centre d'accueil" },
  holding: { en: 'Holding centre', ar: 'مركز إيواء مؤقت', fr: 'Centre de rétention' },
  transit: { en: 'Transit centre', ar: 'مركز عبور', fr: 'Centre de transit' },
};

/** Kinds of organisation. */
export const ORGANISATION_KIND_LABELS: Record<(typeof ORGANISATION_KINDS)[number], LocalisedText> = {
  mission: { en: 'Mission', ar: 'البعثة', fr: 'Mission' },
  partner_ngo: { en: 'Partner NGO', ar: 'منظمة غير حكومية شريكة', fr: 'ONG partenaire' },
  un_agency: { en: 'UN agency', ar: 'وكالة تابعة للأمم المتحدة', fr: 'Agence des Nations unies' },
  embassy: { en: 'Embassy', ar: 'سفارة', fr: 'Ambassade' },
  donor: { en: 'Donor', ar: 'جهة مانحة', fr: 'Bailleur' },
  authority: { en: 'Authority', ar: 'سلطة', fr: 'Autorité' },
  other: { en: 'Other', ar: 'أخرى', fr: 'Autre' },
};
