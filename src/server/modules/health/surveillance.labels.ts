import type { LocalisedText } from '../../../domain/common/labels';
import type { Locale } from '../../../domain/common/schemas';
import { SYNDROME_LABELS, SYNDROMES } from '../../../domain/health/syndromes';

/** Headers of the weekly surveillance table as a spreadsheet (surveillance.routes.ts). */
export const SURVEILLANCE_HEADERS = {
  centre: { en: 'Centre', ar: 'المركز', fr: 'Centre' },
  week: { en: 'ISO week', ar: 'الأسبوع (ISO)', fr: 'Semaine ISO' },
  weekStart: { en: 'From', ar: 'من', fr: 'Du' },
  weekEnd: { en: 'To', ar: 'إلى', fr: 'Au' },
  population: {
    en: 'People in the centre that week',
    ar: 'عدد الأشخاص في المركز خلال الأسبوع',
    fr: 'Personnes présentes dans le centre cette semaine',
  },
  consultations: { en: 'Consultations', ar: 'الاستشارات', fr: 'Consultations' },
  per1000: { en: 'per 1,000', ar: 'لكل 1000', fr: 'pour 1 000' },
} satisfies Record<string, LocalisedText>;

/** The table's header row: the centre and week, the denominators, each syndrome's count then its rate. */
export function surveillanceHeader(lang: Locale): string[] {
  const h = (k: keyof typeof SURVEILLANCE_HEADERS) => SURVEILLANCE_HEADERS[k][lang];
  return [
    h('centre'),
    h('week'),
    h('weekStart'),
    h('weekEnd'),
    h('population'),
    h('consultations'),
    ...SYNDROMES.map((s) => SYNDROME_LABELS[s][lang]),
    ...SYNDROMES.map((s) => `${SYNDROME_LABELS[s][lang]} (${h('per1000')})`),
  ];
}
