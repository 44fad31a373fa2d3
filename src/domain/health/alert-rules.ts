import { z } from 'zod';
import type { LocalisedText } from '../common/labels';
import { version } from '../common/schemas';
import { SYNDROMES, type Syndrome } from './syndromes';
import { addWeeks } from './weeks';

// Outbreak alert rules, as data, and their evaluation on one centre's week. Four kinds:
// - count: the week's cases reach a number (one suspected measles case is an alert);
// - rate: cases per 1,000 of the centre's population that week reach a level;
// - doubling: the week's cases reach a factor times the mean of the three weeks before;
// - share: the syndrome's cases reach a fraction of the week's consultations.
// A case is a person: someone seen twice in a week for the same syndrome counts once.

export const ALERT_RULE_KINDS = ['count', 'rate', 'doubling', 'share'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

/** Which cases a rule counts: the cholera alert counts only people aged 2+ severely dehydrated. */
export const caseFilter = z.strictObject({
  /** an unknown age fails this filter: the alert must not rest on a guess */
  minAgeYears: z.number().int().min(0).max(120).optional(),
  severeDehydration: z.literal(true).optional(),
});
export type CaseFilter = z.infer<typeof caseFilter>;

const ruleBase = {
  code: z.string().regex(/^[a-z][a-z0-9_]{1,59}$/, { error: 'Use lower-case letters, digits and _' }),
  syndrome: z.enum(SYNDROMES),
  filter: caseFilter.optional(),
  active: z.boolean().default(true),
};
/** Fewer cases than this never fire, whatever the ratio: 0 → 1 is not an outbreak. */
const minCases = z.number().int().min(1).max(100_000);

export const alertRule = z.discriminatedUnion('kind', [
  z.strictObject({ ...ruleBase, kind: z.literal('count'), threshold: z.number().int().min(1).max(100_000) }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('rate'),
    /** cases per 1,000 people in the centre that week */
    threshold: z.number().gt(0).max(1000),
    /** a small centre reaches a rate with one case; this keeps a single case from firing */
    minCases: minCases.default(1),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('doubling'),
    /** the factor over the mean of the three previous weeks */
    threshold: z.number().gt(1).max(100).default(2),
    minCases,
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('share'),
    /** a fraction of the week's consultations, 0–1 */
    threshold: z.number().gt(0).max(1),
    minCases,
  }),
]);
export type AlertRule = z.infer<typeof alertRule>;

/**
 * The rules a mission starts with. Counts follow WHO's early-warning practice for camps and
 * closed settings, where crowding makes a single case of some diseases an emergency:
 * - measles, acute flaccid paralysis, meningitis: one suspected case (measles spreads to most
 *   unvaccinated contacts; each AFP case is investigated for polio; meningitis contacts need
 *   prophylaxis within days);
 * - cholera: two or more people aged 2+ with acute watery diarrhoea and severe dehydration in
 *   one place in one week (GTFCC's alert definition; under 2, AWD is too common to signal cholera);
 * - bloody diarrhoea 3, acute jaundice 2 (hepatitis E/A spread through shared water and
 *   latrines), tuberculosis 2 (two suspected cases in one week point to transmission in the
 *   centre, beyond the referral each case gets anyway);
 * - scabies 20 and acute watery diarrhoea 10 per 1,000 per week, at least 3 cases so that a
 *   centre of 50 does not alert on one person;
 * - respiratory infection and scabies doubling over the three-week mean, at least 5 cases (they
 *   are always present: the change is the signal, not the level);
 * - acute watery diarrhoea at 20% or more of the week's consultations, at least 5 cases.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  { code: 'measles_case', syndrome: 'measles', kind: 'count', threshold: 1, active: true },
  { code: 'afp_case', syndrome: 'acute_flaccid_paralysis', kind: 'count', threshold: 1, active: true },
  { code: 'meningitis_case', syndrome: 'meningitis', kind: 'count', threshold: 1, active: true },
  {
    code: 'cholera_alert',
    syndrome: 'acute_watery_diarrhoea',
    kind: 'count',
    threshold: 2,
    filter: { minAgeYears: 2, severeDehydration: true },
    active: true,
  },
  {
    code: 'bloody_diarrhoea_cluster',
    syndrome: 'bloody_diarrhoea',
    kind: 'count',
    threshold: 3,
    active: true,
  },
  { code: 'scabies_rate', syndrome: 'scabies', kind: 'rate', threshold: 20, minCases: 3, active: true },
  {
    code: 'awd_rate',
    syndrome: 'acute_watery_diarrhoea',
    kind: 'rate',
    threshold: 10,
    minCases: 3,
    active: true,
  },
  {
    code: 'respiratory_doubling',
    syndrome: 'respiratory_infection_fever',
    kind: 'doubling',
    threshold: 2,
    minCases: 5,
    active: true,
  },
  {
    code: 'scabies_doubling',
    syndrome: 'scabies',
    kind: 'doubling',
    threshold: 2,
    minCases: 5,
    active: true,
  },
  {
    code: 'awd_share',
    syndrome: 'acute_watery_diarrhoea',
    kind: 'share',
    threshold: 0.2,
    minCases: 5,
    active: true,
  },
  { code: 'jaundice_cluster', syndrome: 'acute_jaundice', kind: 'count', threshold: 2, active: true },
  { code: 'tb_cluster', syndrome: 'tuberculosis', kind: 'count', threshold: 2, active: true },
];

export const ALERT_RULE_KIND_LABELS: Record<AlertRuleKind, LocalisedText> = {
  count: { en: 'Cases in a week', ar: 'عدد الحالات في الأسبوع', fr: 'Cas dans la semaine' },
  rate: { en: 'Rate per 1,000 people', ar: 'المعدل لكل 1000 شخص', fr: 'Taux pour 1 000 personnes' },
  doubling: {
    en: 'Rise over the previous three weeks',
    ar: 'ارتفاع مقارنة بالأسابيع الثلاثة السابقة',
    fr: 'Hausse par rapport aux trois semaines précédentes',
  },
  share: { en: 'Share of consultations', ar: 'نسبة من الاستشارات', fr: 'Part des consultations' },
};

/** The default rules' names; a mission's own rules show their syndrome and kind instead. */
export const DEFAULT_ALERT_RULE_LABELS: Record<string, LocalisedText> = {
  measles_case: { en: 'Suspected measles case', ar: 'حالة حصبة مشتبه بها', fr: 'Cas suspect de rougeole' },
  afp_case: {
    en: 'Acute flaccid paralysis case',
    ar: 'حالة شلل رخو حاد',
    fr: 'Cas de paralysie flasque aiguë',
  },
  meningitis_case: {
    en: 'Suspected meningitis case',
    ar: 'حالة التهاب سحايا مشتبه بها',
    fr: 'Cas suspect de méningite',
  },
  cholera_alert: { en: 'Cholera alert', ar: 'إنذار كوليرا', fr: 'Alerte choléra' },
  bloody_diarrhoea_cluster: {
    en: 'Cluster of bloody diarrhoea',
    ar: 'تجمع حالات إسهال دموي',
    fr: 'Groupe de cas de diarrhée sanglante',
  },
  scabies_rate: { en: 'High rate of scabies', ar: 'معدل مرتفع للجرب', fr: 'Taux élevé de gale' },
  awd_rate: {
    en: 'High rate of acute watery diarrhoea',
    ar: 'معدل مرتفع للإسهال المائي الحاد',
    fr: 'Taux élevé de diarrhée aqueuse aiguë',
  },
  respiratory_doubling: {
    en: 'Respiratory infections doubling',
    ar: 'تضاعف حالات العدوى التنفسية',
    fr: 'Doublement des infections respiratoires',
  },
  scabies_doubling: { en: 'Scabies doubling', ar: 'تضاعف حالات الجرب', fr: 'Doublement des cas de gale' },
  awd_share: {
    en: 'Acute watery diarrhoea: high share of consultations',
    ar: 'إسهال مائي حاد: نسبة مرتفعة من الاستشارات',
    fr: 'Diarrhée aqueuse aiguë : part élevée des consultations',
  },
  jaundice_cluster: {
    en: 'Cluster of acute jaundice',
    ar: 'تجمع حالات يرقان حاد',
    fr: "Groupe de cas d'ictère aigu",
  },
  tb_cluster: {
    en: 'Cluster of suspected tuberculosis',
    ar: 'تجمع حالات سل مشتبه بها',
    fr: 'Groupe de cas suspects de tuberculose',
  },
};

// ---- evaluation

/** One person's diagnosis in the week, reduced to what the rules read. */
export type SurveillanceCase = {
  personId: string;
  syndrome: Syndrome;
  ageYears: number | null;
  severeDehydration: boolean;
};

/** A centre's week: the denominators and the cases. */
export type CentreWeek = {
  centreId: string;
  week: string;
  /** people in the centre that week; null or 0: no population known */
  population: number | null;
  consultations: number;
  cases: SurveillanceCase[];
};

export const RULE_OUTCOME_REASONS = [
  'crossed',
  'below',
  'no_population',
  'insufficient_history',
  'no_consultations',
] as const;
export type RuleOutcomeReason = (typeof RULE_OUTCOME_REASONS)[number];

/** Why a rule fired or not: the rate rule says it has no population instead of dividing by 0. */
export const RULE_OUTCOME_REASON_LABELS: Record<RuleOutcomeReason, LocalisedText> = {
  crossed: { en: 'Threshold crossed', ar: 'تم تجاوز العتبة', fr: 'Seuil franchi' },
  below: { en: 'Below the threshold', ar: 'دون العتبة', fr: 'Sous le seuil' },
  no_population: {
    en: 'No population known for the centre that week',
    ar: 'عدد سكان المركز غير معروف في ذلك الأسبوع',
    fr: 'Population du centre inconnue cette semaine-là',
  },
  insufficient_history: {
    en: 'Fewer than three previous weeks to compare with',
    ar: 'أقل من ثلاثة أسابيع سابقة للمقارنة',
    fr: 'Moins de trois semaines précédentes pour comparer',
  },
  no_consultations: {
    en: 'No consultations that week',
    ar: 'لا توجد استشارات في ذلك الأسبوع',
    fr: 'Aucune consultation cette semaine-là',
  },
};

export type RuleOutcome = {
  ruleCode: string;
  syndrome: Syndrome;
  kind: AlertRuleKind;
  fired: boolean;
  /**
   * count: cases; rate: per 1,000; doubling: the week's cases ÷ the three-week mean; share: a
   * fraction. Null when there is nothing to divide by (no population, no consultations, no
   * history, or a doubling over a mean of 0).
   */
  value: number | null;
  threshold: number;
  /** people matching the rule's syndrome and filter this week */
  cases: number;
  reason: RuleOutcomeReason;
  /** doubling: the mean of the three previous weeks */
  baseline?: number;
};

const matches = (c: SurveillanceCase, filter: CaseFilter | undefined) =>
  (filter?.minAgeYears === undefined || (c.ageYears !== null && c.ageYears >= filter.minAgeYears)) &&
  (!filter?.severeDehydration || c.severeDehydration);

/** People with the syndrome who pass the filter (a person seen several times counts once). */
export function countCases(
  cases: readonly SurveillanceCase[],
  syndrome: Syndrome,
  filter?: CaseFilter,
): number {
  const people = new Set<string>();
  for (const c of cases) if (c.syndrome === syndrome && matches(c, filter)) people.add(c.personId);
  return people.size;
}

/** How many weeks before the current one the doubling's baseline averages. */
export const BASELINE_WEEKS = 3;

/**
 * The rule's outcome for a centre's week. `previous` holds the centre's weeks before `current`
 * (most recent last): the doubling reads the three weeks just before by their labels, so the
 * caller passes every week the centre had a clinic, with no cases too; a missing week means
 * the history is too short, and the rule waits rather than compares with a guess.
 */
export function evaluateRule(
  rule: AlertRule,
  current: CentreWeek,
  previous: readonly CentreWeek[],
): RuleOutcome {
  const cases = countCases(current.cases, rule.syndrome, rule.filter);
  const outcome = (value: number | null, fired: boolean, reason?: RuleOutcomeReason): RuleOutcome => ({
    ruleCode: rule.code,
    syndrome: rule.syndrome,
    kind: rule.kind,
    fired,
    value,
    threshold: rule.threshold,
    cases,
    reason: reason ?? (fired ? 'crossed' : 'below'),
  });
  switch (rule.kind) {
    case 'count':
      return outcome(cases, cases >= rule.threshold);
    case 'rate': {
      const population = current.population ?? 0;
      if (!(population > 0)) return outcome(null, false, 'no_population');
      // Compare the quotient, rounded once like the threshold's decimal, not threshold × population.
      const rate = (cases * 1000) / population;
      return outcome(rate, rate >= rule.threshold && cases >= rule.minCases);
    }
    case 'share': {
      if (!(current.consultations > 0)) return outcome(null, false, 'no_consultations');
      const share = cases / current.consultations;
      return outcome(share, share >= rule.threshold && cases >= rule.minCases);
    }
    case 'doubling': {
      const byWeek = new Map(previous.map((w) => [w.week, w]));
      const history: CentreWeek[] = [];
      for (let i = 1; i <= BASELINE_WEEKS; i++) {
        const w = byWeek.get(addWeeks(current.week, -i));
        if (!w) return outcome(null, false, 'insufficient_history');
        history.push(w);
      }
      const total = history.reduce((sum, w) => sum + countCases(w.cases, rule.syndrome, rule.filter), 0);
      const baseline = total / BASELINE_WEEKS;
      // cases ÷ mean as one division (3 × cases ÷ total): no rounding of the mean first.
      const ratio = total > 0 ? (BASELINE_WEEKS * cases) / total : null;
      const fired = cases >= rule.minCases && (ratio === null || ratio >= rule.threshold);
      return { ...outcome(ratio, fired), baseline };
    }
  }
}

/** The outcomes of the active rules for a centre's week, in the rules' order. */
export const evaluateRules = (
  rules: readonly AlertRule[],
  current: CentreWeek,
  previous: readonly CentreWeek[],
): RuleOutcome[] => rules.filter((r) => r.active).map((r) => evaluateRule(r, current, previous));

// ---- alerts raised: who acted on them

export const ALERT_STATUSES = ['new', 'verified', 'discarded', 'responded'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** A new alert is verified (a clinician confirms the cases) or discarded; a verified one is responded to. */
export const ALERT_TRANSITIONS: Record<AlertStatus, readonly AlertStatus[]> = {
  new: ['verified', 'discarded'],
  verified: ['responded', 'discarded'],
  discarded: [],
  responded: [],
};
export const canTransition = (from: AlertStatus, to: AlertStatus): boolean =>
  ALERT_TRANSITIONS[from].includes(to);

export const alertTransition = z.strictObject({
  status: z.enum(['verified', 'discarded', 'responded']),
  note: z.string().trim().min(1).max(2000).optional(),
  version,
});
export type AlertTransition = z.infer<typeof alertTransition>;

export const ALERT_STATUS_LABELS: Record<AlertStatus, LocalisedText> = {
  new: { en: 'New', ar: 'جديد', fr: 'Nouvelle' },
  verified: { en: 'Verified', ar: 'تم التحقق', fr: 'Vérifiée' },
  discarded: { en: 'Discarded', ar: 'مستبعد', fr: 'Écartée' },
  responded: { en: 'Responded', ar: 'تمت الاستجابة', fr: 'Riposte engagée' },
};
