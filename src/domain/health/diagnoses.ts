import { z } from 'zod';
import type { LocalisedText } from '../common/labels';
import { line, queryText } from '../common/schemas';
import { normaliseArabic, normaliseLatin } from '../names/normalise';
import { CHRONIC } from './diagnoses-data/chronic';
import { GASTROINTESTINAL } from './diagnoses-data/gastrointestinal';
import { INFECTIOUS } from './diagnoses-data/infectious';
import { INJURY } from './diagnoses-data/injury';
import { MENTAL_HEALTH } from './diagnoses-data/mental-health';
import { OTHER } from './diagnoses-data/other';
import { PREGNANCY } from './diagnoses-data/pregnancy';
import { RESPIRATORY } from './diagnoses-data/respiratory';
import { SKIN } from './diagnoses-data/skin';

// The diagnosis catalogue: ICD-10 codes (WHO's) with short names of our own in every language,
// and the search a clinician types into during a consultation.

/** In the order the catalogue is browsed. */
export const DIAGNOSIS_GROUPS = [
  'skin',
  'gastrointestinal',
  'respiratory',
  'infectious',
  'injury',
  'chronic',
  'pregnancy',
  'mental_health',
  'other',
] as const;
export type DiagnosisGroup = (typeof DIAGNOSIS_GROUPS)[number];

export const DIAGNOSIS_GROUP_LABELS: Record<DiagnosisGroup, LocalisedText> = {
  skin: { en: 'Skin', ar: 'الأمراض الجلدية', fr: 'Peau' },
  gastrointestinal: { en: 'Digestive and dental', ar: 'الجهاز الهضمي والأسنان', fr: 'Digestif et dentaire' },
  respiratory: {
    en: 'Respiratory and ENT',
    ar: 'الجهاز التنفسي والأنف والأذن والحنجرة',
    fr: 'Respiratoire et ORL',
  },
  infectious: { en: 'Infectious diseases', ar: 'الأمراض المعدية', fr: 'Maladies infectieuses' },
  injury: { en: 'Injuries and violence', ar: 'الإصابات والعنف', fr: 'Traumatismes et violences' },
  chronic: {
    en: 'Chronic disease and nutrition',
    ar: 'الأمراض المزمنة والتغذية',
    fr: 'Maladies chroniques et nutrition',
  },
  pregnancy: {
    en: 'Pregnancy and reproductive health',
    ar: 'الحمل والصحة الإنجابية',
    fr: 'Grossesse et santé reproductive',
  },
  mental_health: { en: 'Mental health', ar: 'الصحة النفسية', fr: 'Santé mentale' },
  other: { en: 'Symptoms and other', ar: 'أعراض وغيرها', fr: 'Symptômes et autres' },
};

export type Diagnosis = {
  /** ICD-10, unique in a catalogue: 'B86', 'A09.0'. */
  readonly code: string;
  readonly group: DiagnosisGroup;
  readonly names: LocalisedText;
  /** Synonyms in any language, for search only: 'itch', 'حكة', 'gale'. */
  readonly terms?: readonly string[];
};

export const ICD10_CODE = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,2})?$/;
export const icd10Code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(ICD10_CODE, { error: 'Use an ICD-10 code, e.g. B86 or A09.0' });

/** A diagnosis a mission adds to the built-in catalogue. */
export const diagnosisDefinition = z.strictObject({
  code: icd10Code,
  group: z.enum(DIAGNOSIS_GROUPS),
  names: z.strictObject({ en: line(120), ar: line(120), fr: line(120) }),
  terms: z.array(line(60)).max(20).optional(),
});
export type DiagnosisDefinition = z.infer<typeof diagnosisDefinition>;

/** GET /api/v1/diagnoses?q= */
export const diagnosisQuery = z.strictObject({
  q: queryText(100).default(''),
  group: z.enum(DIAGNOSIS_GROUPS).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type DiagnosisQuery = z.infer<typeof diagnosisQuery>;

export const diagnosisView = z.object({
  code: z.string(),
  group: z.enum(DIAGNOSIS_GROUPS),
  names: z.object({ en: z.string(), ar: z.string(), fr: z.string() }),
  /** false for a mission's own addition */
  builtIn: z.boolean(),
});
export type DiagnosisView = z.infer<typeof diagnosisView>;

/** The built-in catalogue, in group order. */
export const DIAGNOSES: readonly Diagnosis[] = [
  ...SKIN,
  ...GASTROINTESTINAL,
  ...RESPIRATORY,
  ...INFECTIOUS,
  ...INJURY,
  ...CHRONIC,
  ...PREGNANCY,
  ...MENTAL_HEALTH,
  ...OTHER,
];

export const diagnosisByCode: ReadonlyMap<string, Diagnosis> = new Map(DIAGNOSES.map((d) => [d.code, d]));

// ---- search

/** Case, Latin diacritics and Arabic spelling variants (hamza seats, ة, ى, tashkeel) folded. */
const fold = (s: string): string => normaliseArabic(normaliseLatin(s));
const words = (s: string): string[] =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
/** 'A09.0' → 'A090': people type codes with or without the dot. */
const codeKey = (s: string): string => s.trim().toUpperCase().replace(/[.\s]/g, '');
const CODE_LIKE = /^[A-Z][0-9]/;

// The article and the clitics glued to it (و، ف، ب، ك، ل): "الجرب" is found by "جرب" and back.
const ARABIC_ARTICLE = /^(?:[وف]?[بك]?ال|[وف]?لل)(?=..)/;
const withoutArticle = (w: string): string => w.replace(ARABIC_ARTICLE, '');
const indexWords = (s: string): string[] =>
  words(s).flatMap((w) => {
    const bare = withoutArticle(w);
    return bare === w ? [w] : [w, bare];
  });

type Key = {
  readonly diagnosis: Diagnosis;
  /** group order, then the list's own order */
  readonly order: number;
  readonly code: string;
  readonly nameWords: readonly string[];
  readonly termWords: readonly string[];
  /** each name's words, articles dropped: a name that starts with the query comes first */
  readonly heads: readonly string[];
  /** every name and term, folded, for the substring fallback */
  readonly text: string;
};

const keysCache = new WeakMap<readonly Diagnosis[], readonly Key[]>();

function keysOf(list: readonly Diagnosis[]): readonly Key[] {
  const cached = keysCache.get(list);
  if (cached) return cached;
  const groupIndex = (d: Diagnosis) => DIAGNOSIS_GROUPS.indexOf(d.group);
  const sorted = list
    .map((diagnosis, i) => ({ diagnosis, i }))
    .sort((a, b) => groupIndex(a.diagnosis) - groupIndex(b.diagnosis) || a.i - b.i);
  const keys = sorted.map(({ diagnosis }, order): Key => {
    const names = [diagnosis.names.en, diagnosis.names.ar, diagnosis.names.fr];
    const terms = diagnosis.terms ?? [];
    return {
      diagnosis,
      order,
      code: codeKey(diagnosis.code),
      nameWords: names.flatMap(indexWords),
      termWords: terms.flatMap(indexWords),
      heads: names.map((n) => words(n).map(withoutArticle).join(' ')),
      text: [...names, ...terms].map((s) => words(s).join(' ')).join(' | '),
    };
  });
  keysCache.set(list, keys);
  return keys;
}

// Ranks, best first. Within a word rank the worst-matching query word decides.
const EXACT_CODE = 0;
const CODE_PREFIX = 1;
const NAME_WORD = 2; // + 0 whole word, + 1 start of a word; terms follow names
const SUBSTRING = 6;

/** How one query word matches an entry's words: 0 a whole name word … 3 the start of a term. */
function wordRank(key: Key, token: string): number | null {
  let best: number | null = null;
  for (const w of key.nameWords) {
    if (w === token) return 0;
    if (best === null && w.startsWith(token)) best = 1;
  }
  if (best !== null) return best;
  for (const w of key.termWords) {
    if (w === token) return 2;
    if (best === null && w.startsWith(token)) best = 3;
  }
  return best;
}

function rankOf(key: Key, qCode: string | null, tokens: readonly string[], phrase: string): number | null {
  if (qCode !== null) {
    if (key.code === qCode) return EXACT_CODE;
    if (key.code.startsWith(qCode)) return CODE_PREFIX;
  }
  let worst = 0;
  for (const token of tokens) {
    const r = wordRank(key, token);
    if (r === null) {
      worst = -1;
      break;
    }
    worst = Math.max(worst, r);
  }
  if (worst >= 0) return NAME_WORD + worst;
  if (key.text.includes(phrase) || tokens.every((t) => key.text.includes(t))) return SUBSTRING;
  return null;
}

/** Among code prefixes, the shorter code first: "A0" lists A00.9 before A06.0. */
function byCode(a: Key, b: Key): number {
  if (a.code.length !== b.code.length) return a.code.length - b.code.length;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * The entries matching what a clinician typed, best first: exact code, code prefix ("b86",
 * "A090"), a word of a name or term in any language starting with each query word, then any
 * substring. An empty query lists the catalogue in group order.
 */
export function searchDiagnoses(list: readonly Diagnosis[], q: string, limit = 20): Diagnosis[] {
  const keys = keysOf(list);
  const max = Math.max(0, Math.floor(limit));
  const tokens = words(q).map(withoutArticle);
  if (tokens.length === 0) return keys.slice(0, max).map((k) => k.diagnosis);
  const code = codeKey(q);
  const qCode = CODE_LIKE.test(code) ? code : null;
  const phrase = tokens.join(' ');
  const hits: { key: Key; rank: number; lead: number }[] = [];
  for (const key of keys) {
    const rank = rankOf(key, qCode, tokens, phrase);
    if (rank === null) continue;
    const lead = rank >= NAME_WORD && key.heads.some((h) => h.startsWith(phrase)) ? 0 : 1;
    hits.push({ key, rank, lead });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.rank === CODE_PREFIX ? byCode(a.key, b.key) : 0) ||
      a.lead - b.lead ||
      a.key.order - b.key.order,
  );
  return hits.slice(0, max).map((h) => h.key.diagnosis);
}
