import type { LocalisedText } from '../common/labels';
import type { Role } from './roles';

// Role names (web pages, exports): one table, domain/common/labels.ts. Apart from roles.ts, which
// the first page load needs without them.

/** Each role as people call it. */
export const ROLE_LABELS: Record<Role, LocalisedText> = {
  admin: { en: 'Administrator', ar: 'مسؤول النظام', fr: 'Administrateur' },
  manager: { en: 'Manager', ar: 'مدير', fr: 'Responsable' },
  caseworker: { en: 'Caseworker', ar: 'مسؤول حالة', fr: 'Gestionnaire de cas' },
  protection_officer: { en: 'Protection officer', ar: 'مسؤول حماية', fr: 'Chargé de protection' },
  doctor: { en: 'Doctor', ar: 'طبيب', fr: 'Médecin' },
  nurse: { en: 'Nurse', ar: 'ممرض', fr: 'Infirmier' },
  counsellor: { en: 'Counsellor', ar: 'مرشد نفسي', fr: 'Conseiller psychosocial' },
  stock_officer: { en: 'Stock officer', ar: 'مسؤول المخزون', fr: 'Gestionnaire de stock' },
  return_officer: { en: 'Return officer', ar: 'مسؤول العودة', fr: 'Chargé des retours' },
  monitor: { en: 'Monitor', ar: 'مسؤول رصد', fr: 'Chargé de suivi' },
  partner_focal_point: { en: 'Partner focal point', ar: 'جهة اتصال الشريك', fr: 'Point focal partenaire' },
  viewer: {
    en: 'Viewer (aggregates only)',
    ar: 'مُطّلع (بيانات إجمالية فقط)',
    fr: 'Lecteur (données agrégées)',
  },
};
