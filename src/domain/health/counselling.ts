import { z } from 'zod';
import { factDate, plannedDate } from '../common/dates';
import type { LocalisedText } from '../common/labels';
import { allowedActions, uuid, version } from '../common/schemas';
import { DISTRESS_BANDS, DISTRESS_INSTRUMENTS, distressMeasure, SELF_HARM_ANSWERS } from './distress';

// Counselling (MHPSS) sessions. Only counsellors read a session (DESIGN §5 'mhpss'); others with
// identity access see a stub saying that a session took place. Notes are encrypted by the server.

export const COUNSELLING_SESSION_KINDS = ['individual', 'group'] as const;
export type CounsellingSessionKind = (typeof COUNSELLING_SESSION_KINDS)[number];

export const PRESENTING_PROBLEMS = [
  'anxiety',
  'low_mood',
  'sleep_problems',
  'trauma_reactions',
  'grief',
  'anger',
  'family_separation',
  'detention_stress',
  'substance_use',
  'somatic_complaints',
  'self_harm_risk',
  'psychosis_signs',
  'other',
] as const;
export type PresentingProblem = (typeof PRESENTING_PROBLEMS)[number];

export const MHPSS_INTERVENTIONS = [
  'psychological_first_aid',
  'psychoeducation',
  'problem_management_plus',
  'relaxation_breathing',
  'stress_management',
  'group_support',
  'family_tracing_referral',
  'psychiatric_referral',
  'safety_plan',
  'other',
] as const;
export type MhpssIntervention = (typeof MHPSS_INTERVENTIONS)[number];

/** People in a group session (an individual session has exactly one). */
export const GROUP_SIZE = { min: 2, max: 40 } as const;
export const NOTES_MAX = 10_000;

const uniqueList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values))
    .min(1)
    .max(values.length)
    .refine((a) => new Set(a).size === a.length, { error: 'Each choice once' });

const sessionFields = z.strictObject({
  kind: z.enum(COUNSELLING_SESSION_KINDS),
  personIds: z
    .array(uuid)
    // the least is the kind's (sessionIssues): one message for an empty list, not two
    .max(GROUP_SIZE.max)
    .refine((a) => new Set(a).size === a.length, { error: 'Each person once' }),
  centreId: uuid,
  heldOn: factDate(),
  durationMinutes: z.number().int().min(5).max(240),
  presentingProblems: uniqueList(PRESENTING_PROBLEMS),
  /** individual sessions only: group answers would not belong to one person */
  measure: distressMeasure.optional(),
  interventions: uniqueList(MHPSS_INTERVENTIONS),
  notes: z.string().trim().min(1).max(NOTES_MAX).optional(),
  nextSessionOn: plannedDate().optional(),
  interpreterUsed: z.boolean().default(false),
});

type SessionShape = {
  kind?: CounsellingSessionKind;
  personIds?: readonly string[];
  measure?: unknown;
  heldOn?: string;
  nextSessionOn?: string | null;
};

/**
 * The rules across fields, on what is present. The server runs it again on a stored session
 * merged with an update, since an update may carry one side of a rule only.
 */
export function sessionIssues(s: SessionShape): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (s.personIds && !s.kind && s.personIds.length === 0)
    issues.push({ path: ['personIds'], message: 'At least one person' });
  if (s.kind && s.personIds) {
    const n = s.personIds.length;
    if (s.kind === 'individual' && n !== 1)
      issues.push({ path: ['personIds'], message: 'An individual session is with one person' });
    if (s.kind === 'group' && (n < GROUP_SIZE.min || n > GROUP_SIZE.max))
      issues.push({
        path: ['personIds'],
        message: `A group session has ${GROUP_SIZE.min} to ${GROUP_SIZE.max} people`,
      });
  }
  if (s.kind === 'group' && s.measure)
    issues.push({ path: ['measure'], message: 'A distress measure is taken in individual sessions only' });
  if (s.heldOn && s.nextSessionOn && s.nextSessionOn < s.heldOn)
    issues.push({ path: ['nextSessionOn'], message: 'Not before the session itself' });
  return issues;
}

const crossFields = (s: SessionShape, ctx: z.RefinementCtx) => {
  for (const i of sessionIssues(s)) ctx.addIssue({ code: 'custom', ...i });
};

export const counsellingSessionCreate = sessionFields.superRefine(crossFields);
export type CounsellingSessionCreate = z.infer<typeof counsellingSessionCreate>;

/** Optional fields may be cleared with null. */
export const counsellingSessionUpdate = sessionFields
  .partial()
  .extend({
    version,
    measure: distressMeasure.nullable().optional(),
    notes: z.string().trim().min(1).max(NOTES_MAX).nullable().optional(),
    nextSessionOn: plannedDate().nullable().optional(),
    interpreterUsed: z.boolean().optional(),
  })
  .superRefine(crossFields);
export type CounsellingSessionUpdate = z.infer<typeof counsellingSessionUpdate>;

const counsellor = z.object({ id: uuid, name: z.string() });

/** The full session, for counsellors only. */
export const counsellingSessionView = z.object({
  id: uuid,
  kind: z.enum(COUNSELLING_SESSION_KINDS),
  people: z.array(z.object({ id: uuid, name: z.string(), registrationNumber: z.string() })),
  centreId: uuid,
  centreName: z.string(),
  heldOn: z.string(),
  durationMinutes: z.number().int(),
  presentingProblems: z.array(z.enum(PRESENTING_PROBLEMS)),
  measure: z
    .object({
      instrument: z.enum(DISTRESS_INSTRUMENTS),
      answers: z.array(z.number().int()),
      selfHarmThoughts: z.enum(SELF_HARM_ANSWERS),
    })
    .nullable(),
  /** the measure's total and band; null without a measure */
  score: z.number().int().nullable(),
  band: z.enum(DISTRESS_BANDS).nullable(),
  /** needsUrgentFollowUp: an urgent task was created for the counsellor */
  urgent: z.boolean(),
  interventions: z.array(z.enum(MHPSS_INTERVENTIONS)),
  notes: z.string().nullable(),
  nextSessionOn: z.string().nullable(),
  interpreterUsed: z.boolean(),
  counsellor,
  version,
  createdAt: z.string(),
  allowedActions,
});
export type CounsellingSessionView = z.infer<typeof counsellingSessionView>;

/**
 * What others with identity access see: that a session took place, nothing of its content. A
 * plain object schema drops unknown keys, so a full row presented through it loses the rest.
 */
export const counsellingSessionStub = z.object({
  id: uuid,
  kind: z.enum(COUNSELLING_SESSION_KINDS),
  heldOn: z.string(),
  centreId: uuid,
  counsellor,
});
export type CounsellingSessionStub = z.infer<typeof counsellingSessionStub>;

/** Thoughts of self-harm, or self-harm risk named as a problem: an urgent task for the counsellor. */
export const needsUrgentFollowUp = (s: {
  presentingProblems: readonly string[];
  measure?: { selfHarmThoughts: string } | null;
}): boolean => s.measure?.selfHarmThoughts === 'yes' || s.presentingProblems.includes('self_harm_risk');

/** The urgent task is due the day of the session (already due if the session is entered late). */
export const urgentFollowUpDueOn = (heldOn: string): string => heldOn;

/** The urgent task's title: it names no problem, for the task list is not only for counsellors. */
export const URGENT_FOLLOW_UP_TITLE: LocalisedText = {
  en: 'Urgent follow-up after a counselling session',
  ar: 'متابعة عاجلة بعد جلسة إرشاد نفسي',
  fr: "Suivi urgent après une séance d'accompagnement psychologique",
};

// ---- labels

export const COUNSELLING_SESSION_KIND_LABELS: Record<CounsellingSessionKind, LocalisedText> = {
  individual: { en: 'Individual', ar: 'فردية', fr: 'Individuelle' },
  group: { en: 'Group', ar: 'جماعية', fr: 'De groupe' },
};

export const PRESENTING_PROBLEM_LABELS: Record<PresentingProblem, LocalisedText> = {
  anxiety: { en: 'Anxiety', ar: 'قلق', fr: 'Anxiété' },
  low_mood: { en: 'Low mood', ar: 'مزاج منخفض', fr: 'Humeur dépressive' },
  sleep_problems: { en: 'Sleep problems', ar: 'مشكلات في النوم', fr: 'Troubles du sommeil' },
  trauma_reactions: { en: 'Reactions to trauma', ar: 'ردود فعل على الصدمة', fr: 'Réactions traumatiques' },
  grief: { en: 'Grief', ar: 'حزن على فقدان', fr: 'Deuil' },
  anger: { en: 'Anger', ar: 'غضب', fr: 'Colère' },
  family_separation: { en: 'Separation from family', ar: 'الانفصال عن الأسرة', fr: 'Séparation familiale' },
  detention_stress: { en: 'Stress of detention', ar: 'ضغط الاحتجاز', fr: 'Stress lié à la détention' },
  substance_use: {
    en: 'Alcohol or drug use',
    ar: 'تعاطي الكحول أو المخدرات',
    fr: "Consommation d'alcool ou de drogues",
  },
  somatic_complaints: {
    en: 'Bodily complaints without a medical cause',
    ar: 'شكاوى جسدية دون سبب طبي',
    fr: 'Plaintes physiques sans cause médicale',
  },
  self_harm_risk: { en: 'Risk of self-harm', ar: 'خطر إيذاء النفس', fr: "Risque d'automutilation" },
  psychosis_signs: { en: 'Signs of psychosis', ar: 'علامات ذهان', fr: 'Signes de psychose' },
  other: { en: 'Other', ar: 'أخرى', fr: 'Autre' },
};

export const MHPSS_INTERVENTION_LABELS: Record<MhpssIntervention, LocalisedText> = {
  psychological_first_aid: {
    en: 'Psychological first aid',
    ar: 'الإسعافات الأولية النفسية',
    fr: 'Premiers secours psychologiques',
  },
  psychoeducation: { en: 'Psychoeducation', ar: 'التثقيف النفسي', fr: 'Psychoéducation' },
  problem_management_plus: {
    en: 'Problem Management Plus (PM+)',
    ar: 'إدارة المشكلات بلس (PM+)',
    fr: 'Gestion des problèmes plus (PM+)',
  },
  relaxation_breathing: {
    en: 'Relaxation and breathing',
    ar: 'الاسترخاء وتمارين التنفس',
    fr: 'Relaxation et respiration',
  },
  stress_management: { en: 'Stress management', ar: 'إدارة الضغط النفسي', fr: 'Gestion du stress' },
  group_support: { en: 'Group support', ar: 'الدعم الجماعي', fr: 'Soutien de groupe' },
  family_tracing_referral: {
    en: 'Referral for family tracing',
    ar: 'إحالة للبحث عن الأسرة',
    fr: 'Orientation vers le rétablissement des liens familiaux',
  },
  psychiatric_referral: {
    en: 'Psychiatric referral',
    ar: 'إحالة إلى الطب النفسي',
    fr: 'Orientation psychiatrique',
  },
  safety_plan: { en: 'Safety plan', ar: 'خطة السلامة', fr: 'Plan de sécurité' },
  other: { en: 'Other', ar: 'أخرى', fr: 'Autre' },
};
