// Labels of the supplies enums and items in the page's language, from the domain's tables (the
// same words as the server's exports), so this module adds no copy of them to the JSON files.
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../domain/common/schemas.ts';
import type { BaseUnit, ItemCategory } from '../../../domain/supplies/catalogue.ts';
import type { DISTRIBUTION_KINDS, DISTRIBUTION_STATUSES } from '../../../domain/supplies/distributions.ts';
import {
  DISTRIBUTION_KIND_LABELS,
  DISTRIBUTION_STATUS_LABELS,
  ITEM_CATEGORY_LABELS,
} from '../../../domain/supplies/labels.ts';
import { formatQuantity } from '../../../domain/supplies/quantities.ts';
import { isLocale } from '../../i18n/index.ts';

interface Named {
  name: string;
  nameAr?: string | null;
  nameFr?: string | null;
}

/** A record's name in `lang`, falling back to its main name. */
export const localName = (r: Named, lang: Locale): string =>
  (lang === 'ar' ? r.nameAr : lang === 'fr' ? r.nameFr : null) || r.name;

export function useAssistanceLabels() {
  const { i18n } = useTranslation();
  const lang: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  return {
    lang,
    category: (c: ItemCategory) => ITEM_CATEGORY_LABELS[c]?.[lang] ?? c,
    kind: (k: (typeof DISTRIBUTION_KINDS)[number]) => DISTRIBUTION_KIND_LABELS[k][lang],
    status: (s: (typeof DISTRIBUTION_STATUSES)[number]) => DISTRIBUTION_STATUS_LABELS[s][lang],
    name: (r: Named) => localName(r, lang),
    /** "2 packs of 10 = 20 pieces" */
    quantity: (q: number, item: { baseUnit: string; packSize: number }) =>
      formatQuantity(q, { baseUnit: item.baseUnit as BaseUnit, packSize: item.packSize }, lang),
  };
}
