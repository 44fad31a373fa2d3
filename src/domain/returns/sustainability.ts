import { z } from 'zod';
import type { LocalisedText } from '../common/labels';

// The reintegration sustainability survey as DATA: a versioned template of questions, each in one
// dimension (economic, social, psychosocial), each answer option scored 0–1, and the weights of
// the dimensions in the composite. The mission stores the template (sustainability_surveys) so a
// follow-up is always read against the version it was answered on; changing a question or a
// weight is a new version, never an edit. Modelled on the idea of IOM's reintegration
// sustainability survey (scores per dimension, a weighted composite); the wording is our own.

export const SURVEY_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

const localised = z.object({ en: z.string().min(1), ar: z.string().min(1), fr: z.string().min(1) });
const code = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/);

export const surveyTemplate = z
  .object({
    code,
    version: z.number().int().min(1),
    title: localised,
    dimensions: z
      .array(
        z.object({ key: z.enum(SURVEY_DIMENSIONS), weight: z.number().min(0).max(1000), label: localised }),
      )
      .length(SURVEY_DIMENSIONS.length),
    questions: z
      .array(
        z.object({
          id: code,
          dimension: z.enum(SURVEY_DIMENSIONS),
          label: localised,
          options: z
            .array(z.object({ value: code, score: z.number().min(0).max(1), label: localised }))
            .min(2),
        }),
      )
      .min(1),
  })
  .superRefine((t, ctx) => {
    const keys = t.dimensions.map((d) => d.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', path: ['dimensions'], message: 'Each dimension once' });
    if (!(t.dimensions.reduce((s, d) => s + d.weight, 0) > 0))
      ctx.addIssue({ code: 'custom', path: ['dimensions'], message: 'The weights must not all be zero' });
    for (const k of SURVEY_DIMENSIONS)
      if (!t.questions.some((q) => q.dimension === k))
        ctx.addIssue({ code: 'custom', path: ['questions'], message: `No question in the ${k} dimension` });
    const ids = t.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'Question ids must be unique' });
    t.questions.forEach((q, i) => {
      const values = q.options.map((o) => o.value);
      if (new Set(values).size !== values.length)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'options'],
          message: 'Option values must be unique',
        });
    });
  });
export type SurveyTemplate = z.infer<typeof surveyTemplate>;

/** The stored template as the API gives it. */
export const storedSurvey = z.object({ id: z.uuid(), template: surveyTemplate, active: z.boolean() });
export type StoredSurvey = z.infer<typeof storedSurvey>;

export type SurveyScores = Record<SurveyDimension, number> & { composite: number };
export type SurveyError = { path: string; message: string };
export type SurveyResult = { ok: true; scores: SurveyScores } | { ok: false; errors: SurveyError[] };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Validates the answers (question id → option value) against the template: every question
 * answered with one of its options, nothing else. Then each dimension's score is the mean of its
 * answers' scores, and the composite the weighted mean of the dimensions (weights normalised, so
 * only their ratios count). Every score is within 0–1.
 */
export function scoreSurvey(t: SurveyTemplate, answers: Readonly<Record<string, string>>): SurveyResult {
  const errors: SurveyError[] = [];
  const byId = new Map(t.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers))
    if (!byId.has(id)) errors.push({ path: `answers.${id}`, message: 'Not a question of this survey' });
  const sums: Record<SurveyDimension, { total: number; n: number }> = {
    economic: { total: 0, n: 0 },
    social: { total: 0, n: 0 },
    psychosocial: { total: 0, n: 0 },
  };
  for (const q of t.questions) {
    const a = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    if (a === undefined) {
      errors.push({ path: `answers.${q.id}`, message: 'Answer this question' });
      continue;
    }
    const option = q.options.find((o) => o.value === a);
    if (!option) {
      errors.push({ path: `answers.${q.id}`, message: 'Not one of the answers to this question' });
      continue;
    }
    sums[q.dimension].total += option.score;
    sums[q.dimension].n += 1;
  }
  if (errors.length) return { ok: false, errors };
  const mean = (k: SurveyDimension) => clamp01(sums[k].total / sums[k].n);
  const scores = { economic: mean('economic'), social: mean('social'), psychosocial: mean('psychosocial') };
  const totalWeight = t.dimensions.reduce((s, d) => s + d.weight, 0);
  const composite = clamp01(t.dimensions.reduce((s, d) => s + (d.weight / totalWeight) * scores[d.key], 0));
  return { ok: true, scores: { ...scores, composite } };
}

// --- the default template -------------------------------------------------------------------

type Option = { value: string; score: number; label: LocalisedText };
const o = (value: string, score: number, en: string, ar: string, fr: string): Option => ({
  value,
  score,
  label: { en, ar, fr },
});

const AGREE: Option[] = [
  o('strongly_disagree', 0, 'Strongly disagree', 'لا أوافق إطلاقاً', 'Pas du tout d’accord'),
  o('disagree', 0.25, 'Disagree', 'لا أوافق', 'Pas d’accord'),
  o('neutral', 0.5, 'Neither agree nor disagree', 'محايد', 'Ni d’accord ni pas d’accord'),
  o('agree', 0.75, 'Agree', 'أوافق', 'D’accord'),
  o('strongly_agree', 1, 'Strongly agree', 'أوافق بشدة', 'Tout à fait d’accord'),
];
const NO_PARTLY_YES: Option[] = [
  o('no', 0, 'No', 'لا', 'Non'),
  o('partly', 0.5, 'Partly, or with difficulty', 'جزئياً أو بصعوبة', 'En partie, ou difficilement'),
  o('yes', 1, 'Yes', 'نعم', 'Oui'),
];

const q = (
  id: string,
  dimension: SurveyDimension,
  en: string,
  ar: string,
  fr: string,
  options: Option[],
) => ({ id, dimension, label: { en, ar, fr }, options });

/** The survey a mission starts with (seeded on first use); a mission's later versions supersede it. */
export const DEFAULT_SURVEY: SurveyTemplate = {
  code: 'reintegration_sustainability',
  version: 1,
  title: {
    en: 'Reintegration sustainability survey',
    ar: 'مسح استدامة إعادة الإدماج',
    fr: 'Enquête de durabilité de la réintégration',
  },
  dimensions: [
    { key: 'economic', weight: 0.4, label: { en: 'Economic', ar: 'اقتصادي', fr: 'Économique' } },
    { key: 'social', weight: 0.3, label: { en: 'Social', ar: 'اجتماعي', fr: 'Sociale' } },
    {
      key: 'psychosocial',
      weight: 0.3,
      label: { en: 'Psychosocial', ar: 'نفسي اجتماعي', fr: 'Psychosociale' },
    },
  ],
  questions: [
    q(
      'income',
      'economic',
      'Do you have a regular source of income?',
      'هل لديك مصدر دخل منتظم؟',
      'Avez-vous une source de revenu régulière ?',
      [
        o('none', 0, 'No income', 'لا دخل', 'Aucun revenu'),
        o('irregular', 0.5, 'Irregular income', 'دخل غير منتظم', 'Revenu irrégulier'),
        o('regular', 1, 'Regular income', 'دخل منتظم', 'Revenu régulier'),
      ],
    ),
    q(
      'food',
      'economic',
      'In the past month, could your household afford enough food?',
      'خلال الشهر الماضي، هل استطاعت أسرتك تحمّل كلفة ما يكفي من الطعام؟',
      'Le mois dernier, votre foyer a-t-il pu se payer assez de nourriture ?',
      [
        o('never', 0, 'Never', 'أبداً', 'Jamais'),
        o('sometimes', 1 / 3, 'Sometimes', 'أحياناً', 'Parfois'),
        o('often', 2 / 3, 'Often', 'غالباً', 'Souvent'),
        o('always', 1, 'Always', 'دائماً', 'Toujours'),
      ],
    ),
    q(
      'debt',
      'economic',
      'How is your household’s debt?',
      'ما وضع ديون أسرتك؟',
      'Quelle est la situation d’endettement de votre foyer ?',
      [
        o(
          'cannot_repay',
          0,
          'Debts we cannot repay',
          'ديون لا نستطيع سدادها',
          'Des dettes que nous ne pouvons pas rembourser',
        ),
        o(
          'can_repay',
          0.5,
          'Debts we can repay',
          'ديون نستطيع سدادها',
          'Des dettes que nous pouvons rembourser',
        ),
        o('none', 1, 'No debt', 'لا ديون', 'Aucune dette'),
      ],
    ),
    q(
      'economic_satisfaction',
      'economic',
      'I am satisfied with my economic situation.',
      'أنا راضٍ عن وضعي الاقتصادي.',
      'Je suis satisfait de ma situation économique.',
      AGREE,
    ),
    q(
      'housing',
      'social',
      'Do you have stable housing?',
      'هل لديك سكن مستقر؟',
      'Avez-vous un logement stable ?',
      [
        o('none', 0, 'No housing of my own', 'لا سكن خاص بي', 'Pas de logement à moi'),
        o('temporary', 0.5, 'Temporary housing', 'سكن مؤقت', 'Logement temporaire'),
        o('stable', 1, 'Stable housing', 'سكن مستقر', 'Logement stable'),
      ],
    ),
    q(
      'health_care',
      'social',
      'Can you get health care when you need it?',
      'هل تستطيع الحصول على الرعاية الصحية عند الحاجة؟',
      'Pouvez-vous vous faire soigner quand vous en avez besoin ?',
      NO_PARTLY_YES,
    ),
    q(
      'documents',
      'social',
      'Do you have the identity documents you need?',
      'هل لديك وثائق الهوية التي تحتاجها؟',
      'Avez-vous les pièces d’identité dont vous avez besoin ?',
      NO_PARTLY_YES,
    ),
    q(
      'community',
      'social',
      'Do you take part in community life (gatherings, associations, worship)?',
      'هل تشارك في حياة المجتمع (لقاءات، جمعيات، عبادة)؟',
      'Participez-vous à la vie de la communauté (rencontres, associations, culte) ?',
      [
        o('never', 0, 'Never', 'أبداً', 'Jamais'),
        o('sometimes', 0.5, 'Sometimes', 'أحياناً', 'Parfois'),
        o('regularly', 1, 'Regularly', 'بانتظام', 'Régulièrement'),
      ],
    ),
    q(
      'belonging',
      'psychosocial',
      'I feel I belong in my community.',
      'أشعر بالانتماء إلى مجتمعي.',
      'Je me sens à ma place dans ma communauté.',
      AGREE,
    ),
    q(
      'safety',
      'psychosocial',
      'I feel safe in my daily life.',
      'أشعر بالأمان في حياتي اليومية.',
      'Je me sens en sécurité au quotidien.',
      AGREE,
    ),
    q(
      'distress',
      'psychosocial',
      'In the past two weeks, how often did you feel worried, sad or hopeless?',
      'خلال الأسبوعين الماضيين، كم مرة شعرت بالقلق أو الحزن أو اليأس؟',
      'Ces deux dernières semaines, combien de fois vous êtes-vous senti inquiet, triste ou sans espoir ?',
      [
        o('always', 0, 'All the time', 'طوال الوقت', 'Tout le temps'),
        o('often', 1 / 3, 'Often', 'غالباً', 'Souvent'),
        o('sometimes', 2 / 3, 'Sometimes', 'أحياناً', 'Parfois'),
        o('never', 1, 'Never', 'أبداً', 'Jamais'),
      ],
    ),
  ],
};
