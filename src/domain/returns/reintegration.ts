import { z } from 'zod';
import type { LabelTable, LocalisedText } from '../common/labels';
import { allowedActions, calendarDate, line, uuid, version } from '../common/schemas';
import { RETURN_STATES } from './states';

// Reintegration after arrival: one plan per case (the implementing partner in the country of
// origin, the currency of its budget), its items (cash, business, training…) each with a budget in
// minor units and a status, and the follow-ups at N months after arrival scored with the
// sustainability survey (sustainability.ts). Shared by the server's routes and the web app's forms.

export const REINTEGRATION_ITEM_KINDS = [
  'cash',
  'business',
  'training',
  'medical',
  'housing',
  'psychosocial',
] as const;
export type ReintegrationItemKind = (typeof REINTEGRATION_ITEM_KINDS)[number];

export const REINTEGRATION_ITEM_STATUSES = ['planned', 'in_progress', 'delivered', 'cancelled'] as const;
export type ReintegrationItemStatus = (typeof REINTEGRATION_ITEM_STATUSES)[number];

/** Statuses that mean the reintegration has started (the case moves to in progress). */
export const STARTED_STATUSES: readonly ReintegrationItemStatus[] = ['in_progress', 'delivered'];

/** ISO 4217 alphabetic code (LYD, SDG, EUR, USD…). */
export const currency = z.string().regex(/^[A-Z]{3}$/, { error: 'Use an ISO 4217 currency code, e.g. USD' });

/** A budget in the currency's minor units (cents, dirhams): whole numbers, never floats. */
export const budgetMinor = z
  .number()
  .int({ error: 'Use whole minor units (e.g. cents)' })
  .min(0)
  .max(1_000_000_000_000);

/** PUT /returns/:id/reintegration-plan: creates the plan (no version) or changes it (its version). */
export const reintegrationPlanInput = z.strictObject({
  version: version.optional(),
  /** the implementing partner (any organisation but an embassy or an authority) */
  partnerOrganisationId: uuid,
  currency,
  agreedOn: calendarDate,
  note: line(2000).nullable().optional(),
});
export type ReintegrationPlanInput = z.infer<typeof reintegrationPlanInput>;

const deliveredNeedsDay = <T extends { status?: string; deliveredOn?: string | null }>(v: T) =>
  v.status !== 'delivered' || !!v.deliveredOn;
const deliveredDayRule = { path: ['deliveredOn'], error: 'Give the day the item was delivered' };

export const reintegrationItemCreate = z
  .strictObject({
    kind: z.enum(REINTEGRATION_ITEM_KINDS),
    description: line(500),
    budgetMinor,
    status: z.enum(REINTEGRATION_ITEM_STATUSES).default('planned'),
    deliveredOn: calendarDate.nullable().optional(),
  })
  .refine(deliveredNeedsDay, deliveredDayRule);
export type ReintegrationItemCreate = z.infer<typeof reintegrationItemCreate>;

/** PATCH /reintegration-items/:id (the day is checked again on the item as changed). */
export const reintegrationItemUpdate = z.strictObject({
  version,
  description: line(500).optional(),
  budgetMinor: budgetMinor.optional(),
  status: z.enum(REINTEGRATION_ITEM_STATUSES).optional(),
  deliveredOn: calendarDate.nullable().optional(),
});
export type ReintegrationItemUpdate = z.infer<typeof reintegrationItemUpdate>;

export const reintegrationItem = z.object({
  id: uuid,
  kind: z.enum(REINTEGRATION_ITEM_KINDS),
  description: z.string(),
  budgetMinor: z.number().int(),
  status: z.enum(REINTEGRATION_ITEM_STATUSES),
  deliveredOn: z.string().nullable(),
  version: z.number().int(),
  allowedActions,
});
export type ReintegrationItem = z.infer<typeof reintegrationItem>;

/** Budget per currency: every item not cancelled, and those delivered. */
export const budgetTotal = z.object({
  currency: z.string(),
  budgetMinor: z.number().int(),
  deliveredMinor: z.number().int(),
});
export type BudgetTotal = z.infer<typeof budgetTotal>;

export const reintegrationPlan = z.object({
  id: uuid,
  partner: z.object({ id: uuid, name: z.string() }),
  currency: z.string(),
  agreedOn: z.string(),
  note: z.string().nullable(),
  items: z.array(reintegrationItem),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ReintegrationPlan = z.infer<typeof reintegrationPlan>;

/** GET/PUT /returns/:id/reintegration-plan: the case's plan (null before there is one). */
export const reintegrationView = z.object({
  caseId: uuid,
  caseState: z.enum(RETURN_STATES),
  arrivedOn: z.string().nullable(),
  plan: reintegrationPlan.nullable(),
  totals: z.array(budgetTotal),
  /** create / update / add_item on the case's plan */
  allowedActions,
});
export type ReintegrationView = z.infer<typeof reintegrationView>;

export const dimensionScores = z.object({
  economic: z.number(),
  social: z.number(),
  psychosocial: z.number(),
  composite: z.number(),
});
export type DimensionScores = z.infer<typeof dimensionScores>;

export const followUp = z.object({
  id: uuid,
  caseId: uuid,
  caseReference: z.string(),
  person: z.object({ id: uuid, name: z.string(), registrationNumber: z.string() }),
  monthsAfterArrival: z.number().int(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  surveyId: uuid.nullable(),
  answers: z.record(z.string(), z.string()).nullable(),
  scores: dimensionScores.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  allowedActions,
});
export type FollowUp = z.infer<typeof followUp>;

export const FOLLOW_UP_DUE = ['overdue', 'upcoming', 'open'] as const;
export const followUpListQuery = z.strictObject({
  /** overdue: not done, due before today; upcoming: not done, due today or later; open: both */
  due: z.enum(FOLLOW_UP_DUE).default('open'),
});
export const followUpList = z.object({ items: z.array(followUp) });

/** POST /reintegration-follow-ups/:id/survey: answers by question id (checked against the template). */
export const surveySubmission = z.strictObject({
  doneOn: calendarDate,
  answers: z.record(z.string().max(60), z.string().max(60)),
  note: line(2000).nullable().optional(),
  /** the template the answers were given on (must be the active one) */
  surveyId: uuid.optional(),
});
export type SurveySubmission = z.infer<typeof surveySubmission>;

/** Months after arrival at which a follow-up is due: 1 to 60, each once. */
export const followUpMonths = z
  .array(z.number().int().min(1).max(60))
  .min(1)
  .max(12)
  .refine((ms) => new Set(ms).size === ms.length, { error: 'Give each month once' });

export const returnsSettingsUpdate = z.strictObject({
  /** 0 when the settings were never saved (the defaults) */
  version: z.number().int().min(0),
  followUpMonths,
});
export const returnsSettingsView = z.object({
  followUpMonths: z.array(z.number().int()),
  version: z.number().int(),
  allowedActions,
});

export const DEFAULT_FOLLOW_UP_MONTHS = [3, 6, 12] as const;

/** The day `months` after `day` (YYYY-MM-DD), clamped to the month's end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Totals per currency of items not cancelled (one plan has one currency; lists may mix). */
export function budgetTotals(
  items: readonly { currency: string; budgetMinor: number; status: string }[],
): BudgetTotal[] {
  const by = new Map<string, BudgetTotal>();
  for (const i of items) {
    if (i.status === 'cancelled') continue;
    const t = by.get(i.currency) ?? { currency: i.currency, budgetMinor: 0, deliveredMinor: 0 };
    t.budgetMinor += i.budgetMinor;
    if (i.status === 'delivered') t.deliveredMinor += i.budgetMinor;
    by.set(i.currency, t);
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

// Labels (terms from the project glossary), for the web app and the server's refusals.

export const ITEM_KIND_LABELS: Record<ReintegrationItemKind, LocalisedText> = {
  cash: { en: 'Cash assistance', ar: 'مساعدة نقدية', fr: 'Aide en espèces' },
  business: { en: 'Business start-up', ar: 'مشروع صغير', fr: 'Création d’activité' },
  training: { en: 'Vocational training', ar: 'تدريب مهني', fr: 'Formation professionnelle' },
  medical: { en: 'Medical care', ar: 'رعاية طبية', fr: 'Soins médicaux' },
  housing: { en: 'Housing', ar: 'سكن', fr: 'Logement' },
  psychosocial: { en: 'Psychosocial support', ar: 'دعم نفسي اجتماعي', fr: 'Soutien psychosocial' },
};

export const ITEM_STATUS_LABELS: Record<ReintegrationItemStatus, LocalisedText> = {
  planned: { en: 'Planned', ar: 'مخطط', fr: 'Prévu' },
  in_progress: { en: 'In progress', ar: 'قيد التنفيذ', fr: 'En cours' },
  delivered: { en: 'Delivered', ar: 'تم التسليم', fr: 'Fourni' },
  cancelled: { en: 'Cancelled', ar: 'أُلغي', fr: 'Annulé' },
};

export const REINTEGRATION_LABEL_TABLES = {
  reintegrationItemKind: ITEM_KIND_LABELS,
  reintegrationItemStatus: ITEM_STATUS_LABELS,
} satisfies Record<string, LabelTable>;
