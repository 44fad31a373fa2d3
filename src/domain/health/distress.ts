import { z } from 'zod';
import type { LocalisedText } from '../common/labels';

// Distress measures recorded in counselling sessions: the Kessler Psychological Distress Scales.
//
// Sources:
// - Items and answer scale: Kessler R.C. et al. (2002), "Short screening scales to monitor
//   population prevalences and trends in non-specific psychological distress", Psychological
//   Medicine 32:959–976. K10 items in the published order; the K6 is K10 items 2, 4, 5, 8, 9, 10,
//   asked in its own published order (nervous, hopeless, restless, so depressed…, effort,
//   worthless). In the K6, item 9 reads "so depressed" where the K10 says "so sad".
// - K10 bands (scored 1–5, total 10–50): Andrews G. & Slade T. (2001), "Interpreting scores on
//   the Kessler Psychological Distress Scale (K10)", Aust N Z J Public Health 25:494–497:
//   10–15 low, 16–21 moderate, 22–29 high, 30–50 very high.
// - K6 cut-off: Kessler R.C. et al. (2003), "Screening for serious mental illness in the general
//   population", Arch Gen Psychiatry 60:184–189: ≥ 13 on 0–4 scoring is serious psychological
//   distress. We score every item 1–5 (as the K10), which adds 6: total 6–30, serious from 19.

export const DISTRESS_INSTRUMENTS = ['k10', 'k6'] as const;
export type DistressInstrument = (typeof DISTRESS_INSTRUMENTS)[number];

/** The answer to every item, from "none of the time" (1) to "all of the time" (5). */
export const DISTRESS_ANSWERS = [1, 2, 3, 4, 5] as const;
export type DistressAnswer = (typeof DISTRESS_ANSWERS)[number];

export const K10_BANDS = ['low', 'moderate', 'high', 'very_high'] as const;
export const K6_BANDS = ['below_cutoff', 'serious'] as const;
export const DISTRESS_BANDS = [...K10_BANDS, ...K6_BANDS] as const;
export type DistressBand = (typeof DISTRESS_BANDS)[number];

/** Asked with every measure: neither scale has a self-harm item. */
export const SELF_HARM_ANSWERS = ['no', 'yes', 'declined'] as const;
export type SelfHarmAnswer = (typeof SELF_HARM_ANSWERS)[number];

export interface DistressItem {
  /** stable key, the same in both instruments */
  readonly key: string;
  /** the item's number in the K10's published order */
  readonly k10Item: number;
  readonly text: LocalisedText;
}

const ask = (en: string, ar: string, fr: string): LocalisedText => ({
  en: `During the last 30 days, about how often did you feel ${en}?`,
  ar: `خلال الثلاثين يومًا الماضية، كم مرة تقريبًا شعرت ${ar}؟`,
  fr: `Au cours des 30 derniers jours, à quelle fréquence ${fr} ?`,
});

const K10: readonly DistressItem[] = [
  {
    key: 'tired',
    k10Item: 1,
    text: ask(
      'tired out for no good reason',
      'بالتعب الشديد دون سبب وجيه',
      'vous êtes-vous senti(e) épuisé(e) sans raison valable',
    ),
  },
  {
    key: 'nervous',
    k10Item: 2,
    text: ask('nervous', 'بالتوتر', 'vous êtes-vous senti(e) nerveux(se)'),
  },
  {
    key: 'nervous_severe',
    k10Item: 3,
    text: ask(
      'so nervous that nothing could calm you down',
      'بتوتر شديد لدرجة أن لا شيء كان يستطيع تهدئتك',
      'vous êtes-vous senti(e) si nerveux(se) que rien ne pouvait vous calmer',
    ),
  },
  {
    key: 'hopeless',
    k10Item: 4,
    text: ask('hopeless', 'باليأس', 'vous êtes-vous senti(e) désespéré(e)'),
  },
  {
    key: 'restless',
    k10Item: 5,
    text: ask(
      'restless or fidgety',
      'بعدم الارتياح أو التململ',
      'vous êtes-vous senti(e) agité(e) ou incapable de tenir en place',
    ),
  },
  {
    key: 'restless_severe',
    k10Item: 6,
    text: ask(
      'so restless you could not sit still',
      'بتململ شديد لدرجة أنك لم تستطع البقاء جالسًا بهدوء',
      'vous êtes-vous senti(e) si agité(e) que vous ne pouviez pas rester assis(e) tranquille',
    ),
  },
  {
    key: 'depressed',
    k10Item: 7,
    text: ask('depressed', 'بالاكتئاب', 'vous êtes-vous senti(e) déprimé(e)'),
  },
  {
    key: 'effort',
    k10Item: 8,
    text: ask(
      'that everything was an effort',
      'بأن كل شيء يتطلب منك جهدًا',
      'avez-vous eu le sentiment que tout vous demandait un effort',
    ),
  },
  {
    key: 'sad_severe',
    k10Item: 9,
    text: ask(
      'so sad that nothing could cheer you up',
      'بحزن شديد لدرجة أن لا شيء كان يستطيع أن يُبهجك',
      'vous êtes-vous senti(e) si triste que rien ne pouvait vous remonter le moral',
    ),
  },
  {
    key: 'worthless',
    k10Item: 10,
    text: ask('worthless', 'بأنك بلا قيمة', 'vous êtes-vous senti(e) sans valeur'),
  },
];

const k10Item = (n: number) => K10.find((i) => i.k10Item === n)!;

const K6: readonly DistressItem[] = [
  k10Item(2),
  k10Item(4),
  k10Item(5),
  {
    ...k10Item(9),
    text: ask(
      'so depressed that nothing could cheer you up',
      'باكتئاب شديد لدرجة أن لا شيء كان يستطيع أن يُبهجك',
      'vous êtes-vous senti(e) si déprimé(e) que rien ne pouvait vous remonter le moral',
    ),
  },
  k10Item(8),
  k10Item(10),
];

/** Each instrument's items in the order they are asked; `answers` follow this order. */
export const DISTRESS_ITEMS: Readonly<Record<DistressInstrument, readonly DistressItem[]>> = {
  k10: K10,
  k6: K6,
};

/** The item count of an instrument (the length its answers must have). */
export const itemCount = (instrument: DistressInstrument): number => DISTRESS_ITEMS[instrument].length;

/** The sum of the answers, each 1–5 (K10: 10–50; K6: 6–30). Throws on a malformed answer set. */
export function scoreDistress(instrument: DistressInstrument, answers: readonly number[]): number {
  if (answers.length !== itemCount(instrument))
    throw new RangeError(`${instrument} needs ${itemCount(instrument)} answers, got ${answers.length}`);
  let score = 0;
  for (const a of answers) {
    if (!Number.isInteger(a) || a < 1 || a > 5) throw new RangeError(`Answer out of range: ${a}`);
    score += a;
  }
  return score;
}

/** The band of a total (see the sources above). */
export function distressBand(instrument: DistressInstrument, score: number): DistressBand {
  if (instrument === 'k6') return score >= 19 ? 'serious' : 'below_cutoff';
  if (score >= 30) return 'very_high';
  if (score >= 22) return 'high';
  if (score >= 16) return 'moderate';
  return 'low';
}

export const distressMeasure = z
  .strictObject({
    instrument: z.enum(DISTRESS_INSTRUMENTS),
    /** 1 (none of the time) … 5 (all of the time), in the instrument's item order */
    answers: z.array(z.number().int().min(1).max(5)).max(10),
    selfHarmThoughts: z.enum(SELF_HARM_ANSWERS),
  })
  .superRefine((m, ctx) => {
    const n = itemCount(m.instrument);
    if (m.answers.length !== n)
      ctx.addIssue({
        code: 'custom',
        path: ['answers'],
        message: `Answer all ${n} questions of the ${m.instrument.toUpperCase()}`,
      });
  });
export type DistressMeasure = z.infer<typeof distressMeasure>;

/** A valid measure's score and band. */
export const scoreMeasure = (m: Pick<DistressMeasure, 'instrument' | 'answers'>) => {
  const score = scoreDistress(m.instrument, m.answers);
  return { score, band: distressBand(m.instrument, score) };
};

// ---- labels

export const DISTRESS_INSTRUMENT_LABELS: Record<DistressInstrument, LocalisedText> = {
  k10: {
    en: 'Kessler distress scale (K10, 10 questions)',
    ar: 'مقياس كيسلر للضائقة النفسية (K10، عشرة أسئلة)',
    fr: 'Échelle de détresse de Kessler (K10, 10 questions)',
  },
  k6: {
    en: 'Kessler distress scale (K6, 6 questions)',
    ar: 'مقياس كيسلر للضائقة النفسية (K6، ستة أسئلة)',
    fr: 'Échelle de détresse de Kessler (K6, 6 questions)',
  },
};

export const DISTRESS_ANSWER_LABELS: Record<DistressAnswer, LocalisedText> = {
  1: { en: 'None of the time', ar: 'أبدًا', fr: 'Jamais' },
  2: { en: 'A little of the time', ar: 'قليلًا من الوقت', fr: 'Rarement' },
  3: { en: 'Some of the time', ar: 'بعض الوقت', fr: 'Parfois' },
  4: { en: 'Most of the time', ar: 'معظم الوقت', fr: 'La plupart du temps' },
  5: { en: 'All of the time', ar: 'طوال الوقت', fr: 'Tout le temps' },
};

export const DISTRESS_BAND_LABELS: Record<DistressBand, LocalisedText> = {
  low: { en: 'Low distress', ar: 'ضائقة منخفضة', fr: 'Détresse faible' },
  moderate: { en: 'Moderate distress', ar: 'ضائقة متوسطة', fr: 'Détresse modérée' },
  high: { en: 'High distress', ar: 'ضائقة مرتفعة', fr: 'Détresse élevée' },
  very_high: { en: 'Very high distress', ar: 'ضائقة مرتفعة جدًا', fr: 'Détresse très élevée' },
  below_cutoff: { en: 'Below the cut-off', ar: 'دون الحد الفاصل', fr: 'Sous le seuil' },
  serious: {
    en: 'Serious psychological distress',
    ar: 'ضائقة نفسية شديدة',
    fr: 'Détresse psychologique grave',
  },
};

export const SELF_HARM_QUESTION: LocalisedText = {
  en: 'In the last two weeks, have you had thoughts of hurting yourself or of ending your life?',
  ar: 'خلال الأسبوعين الماضيين، هل راودتك أفكار عن إيذاء نفسك أو عن إنهاء حياتك؟',
  fr: 'Au cours des deux dernières semaines, avez-vous eu des pensées de vous faire du mal ou de mettre fin à vos jours ?',
};

export const SELF_HARM_ANSWER_LABELS: Record<SelfHarmAnswer, LocalisedText> = {
  no: { en: 'No', ar: 'لا', fr: 'Non' },
  yes: { en: 'Yes', ar: 'نعم', fr: 'Oui' },
  declined: { en: 'Declined to answer', ar: 'رفضُ الإجابة', fr: 'Refus de répondre' },
};
