import type { LocalisedText } from '../common/labels';
import type { CASE_STATUSES } from './records';
import type { ReferralStatus } from './statuses';

// Labels of protection's lifecycles (web pages and exports): domain/common/labels.ts.

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, LocalisedText> = {
  draft: { en: 'Draft', ar: 'مسودة', fr: 'Brouillon' },
  sent: { en: 'Sent', ar: 'مُرسلة', fr: 'Envoyée' },
  acknowledged: { en: 'Acknowledged', ar: 'تم تأكيد الاستلام', fr: 'Réception confirmée' },
  accepted: { en: 'Accepted', ar: 'مقبولة', fr: 'Acceptée' },
  declined: { en: 'Declined', ar: 'مرفوضة', fr: 'Refusée' },
  completed: { en: 'Completed', ar: 'مكتملة', fr: 'Terminée' },
  cancelled: { en: 'Cancelled', ar: 'ملغاة', fr: 'Annulée' },
};

export const CASE_STATUS_LABELS: Record<(typeof CASE_STATUSES)[number], LocalisedText> = {
  open: { en: 'Open', ar: 'مفتوحة', fr: 'Ouvert' },
  on_hold: { en: 'On hold', ar: 'معلّقة', fr: 'En attente' },
  closed: { en: 'Closed', ar: 'مغلقة', fr: 'Clos' },
};

export const TASK_STATUS_LABELS: Record<'open' | 'done', LocalisedText> = {
  open: { en: 'Open', ar: 'مفتوحة', fr: 'Ouverte' },
  done: { en: 'Done', ar: 'منجزة', fr: 'Faite' },
};
