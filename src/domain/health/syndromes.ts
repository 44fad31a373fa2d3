import type { LocalisedText } from '../common/labels';

// The syndromes counted each week because they spread in crowded centres. A diagnosis belongs to
// a syndrome when its ICD-10 code starts with one of the syndrome's prefixes; the map is data, so
// a mission can widen or narrow it without a code change.

export const SYNDROMES = [
  'scabies',
  'acute_watery_diarrhoea',
  'bloody_diarrhoea',
  'respiratory_infection_fever',
  'tuberculosis',
  'measles',
  'acute_jaundice',
  'meningitis',
  'acute_flaccid_paralysis',
] as const;
export type Syndrome = (typeof SYNDROMES)[number];

export const SYNDROME_LABELS: Record<Syndrome, LocalisedText> = {
  scabies: { en: 'Suspected scabies', ar: 'جرب مشتبه به', fr: 'Gale suspectée' },
  acute_watery_diarrhoea: {
    en: 'Acute watery diarrhoea',
    ar: 'إسهال مائي حاد',
    fr: 'Diarrhée aqueuse aiguë',
  },
  bloody_diarrhoea: { en: 'Bloody diarrhoea', ar: 'إسهال دموي', fr: 'Diarrhée sanglante' },
  respiratory_infection_fever: {
    en: 'Respiratory infection with fever',
    ar: 'عدوى تنفسية مع حمى',
    fr: 'Infection respiratoire avec fièvre',
  },
  tuberculosis: { en: 'Suspected tuberculosis', ar: 'سل مشتبه به', fr: 'Tuberculose suspectée' },
  measles: {
    en: 'Fever with rash (measles)',
    ar: 'حمى مع طفح جلدي (حصبة)',
    fr: 'Fièvre éruptive (rougeole)',
  },
  acute_jaundice: { en: 'Acute jaundice', ar: 'يرقان حاد', fr: 'Ictère aigu' },
  meningitis: { en: 'Suspected meningitis', ar: 'التهاب سحايا مشتبه به', fr: 'Méningite suspectée' },
  acute_flaccid_paralysis: {
    en: 'Acute flaccid paralysis',
    ar: 'شلل رخو حاد',
    fr: 'Paralysie flasque aiguë',
  },
};

export type SyndromeMap = Readonly<Record<Syndrome, readonly string[]>>;

/**
 * ICD-10 prefixes, written with the dot where a subcategory is meant: 'A09.0' takes acute watery
 * diarrhoea but not 'A09.9' (gastroenteritis not otherwise specified), which would swamp the count.
 */
export const DEFAULT_SYNDROME_MAP: SyndromeMap = {
  scabies: ['B86'],
  acute_watery_diarrhoea: ['A00', 'A09.0'],
  bloody_diarrhoea: ['A03', 'A06.0'],
  respiratory_infection_fever: ['J06', 'J11', 'J18', 'J20', 'J22'],
  tuberculosis: ['A15', 'A16'],
  measles: ['B05'],
  acute_jaundice: ['R17', 'B15', 'B16', 'B17', 'B19'],
  meningitis: ['A39', 'A87', 'G00', 'G03'],
  acute_flaccid_paralysis: ['A80', 'G83.9'],
};

/** The syndromes a diagnosis counts towards (usually none or one), in the order of SYNDROMES. */
export function syndromesOf(diagnosisCode: string, map: SyndromeMap = DEFAULT_SYNDROME_MAP): Syndrome[] {
  const code = diagnosisCode.trim().toUpperCase();
  if (!code) return [];
  return SYNDROMES.filter((s) =>
    map[s].some((prefix) => prefix !== '' && code.startsWith(prefix.toUpperCase())),
  );
}
