// Words the protection domain already holds in en/ar/fr (flags, risk levels, services, shared
// fields, the template's own questions), shown in the interface language.
import { useTranslation } from 'react-i18next';
import { FLAG_LABELS, type LocalisedText, RISK_LEVEL_LABELS } from '../../../domain/protection/flags.ts';
import type { ShareableField } from '../../../domain/protection/records.ts';
import {
  SERVICE_LABELS,
  SHAREABLE_FIELD_LABELS,
  URGENCY_LABELS,
} from '../../../domain/protection/sharing.ts';
import { isLocale } from '../../i18n/index.ts';

const pick = <K extends string>(table: Record<K, LocalisedText>, key: string): LocalisedText | undefined =>
  Object.hasOwn(table, key) ? table[key as K] : undefined;

/** Reads the interface language through useTranslation, so a language switch re-renders. */
export function useLocalised() {
  const { i18n } = useTranslation();
  const lng = isLocale(i18n.language) ? i18n.language : 'en';
  /** the text in the interface language; the key itself when a label is unknown */
  const text = (l: LocalisedText | undefined, fallback = ''): string => (l ? l[lng] : fallback);
  return {
    lng,
    text,
    flag: (f: string) => text(pick(FLAG_LABELS, f), f),
    risk: (r: string) => text(pick(RISK_LEVEL_LABELS, r), r),
    service: (s: string) => text(pick(SERVICE_LABELS, s), s),
    urgency: (u: string) => text(pick(URGENCY_LABELS, u), u),
    field: (f: ShareableField) => text(SHAREABLE_FIELD_LABELS[f], f),
  };
}

export type Localised = ReturnType<typeof useLocalised>;
