import { z } from 'zod';
import { allowedActions, countedPage, listQuery, sortParams, uuid, version } from '../common/schemas';
import { ALERT_RULE_KINDS, ALERT_STATUSES } from './alert-rules';
import { SYNDROMES, type Syndrome } from './syndromes';
import { isoWeek, weekDiff } from './weeks';

// API shapes of morbidity surveillance (shared by server and web): the weekly table per centre,
// the epidemic curve of one syndrome, and the alerts the rules raised.

/** Two years and a bit: enough to set a season against the same season a year before. */
export const MAX_CURVE_WEEKS = 106;

const perSyndrome = <T extends z.ZodType>(value: T) => z.record(z.enum(SYNDROMES), value);

/** Every syndrome at 0: a row's starting counts (the table shows zeros, not gaps). */
export const zeroCounts = (): Record<Syndrome, number> =>
  Object.fromEntries(SYNDROMES.map((s) => [s, 0])) as Record<Syndrome, number>;

/** Cases per 1,000 people, to 1 decimal; null without a population (never a division by 0). */
export const ratePer1000 = (cases: number, population: number | null): number | null =>
  population !== null && population > 0 ? Math.round((cases * 10_000) / population) / 10 : null;

// ---- the week's table

export const surveillanceWeekQuery = z.strictObject({ week: isoWeek, centreId: uuid.optional() });
export type SurveillanceWeekQuery = z.infer<typeof surveillanceWeekQuery>;

export const surveillanceRow = z.object({
  centreId: uuid,
  centreName: z.string(),
  week: z.string(),
  /** people in the centre that week; null when the registry knows none */
  population: z.number().int().nullable(),
  consultations: z.number().int(),
  /** people per syndrome (someone seen twice in the week counts once) */
  counts: perSyndrome(z.number().int()),
  /** per 1,000 of the population, 1 decimal; null without a population */
  rates: perSyndrome(z.number().nullable()),
});
export type SurveillanceRow = z.infer<typeof surveillanceRow>;
export const surveillanceWeek = z.object({
  week: z.string(),
  /** the Monday and the Sunday, for the page's heading */
  weekStart: z.string(),
  weekEnd: z.string(),
  rows: z.array(surveillanceRow),
});
export type SurveillanceWeek = z.infer<typeof surveillanceWeek>;

// ---- the epidemic curve

/** Both bounds are weeks that exist: otherwise their own messages speak, and the range is moot. */
const validBounds = (q: { from: string; to: string }) =>
  isoWeek.safeParse(q.from).success && isoWeek.safeParse(q.to).success;
export const epidemicCurveQuery = z
  .strictObject({ syndrome: z.enum(SYNDROMES), centreId: uuid.optional(), from: isoWeek, to: isoWeek })
  .refine((q) => !validBounds(q) || q.from <= q.to, {
    path: ['to'],
    error: 'Choose a last week after the first',
  })
  .refine((q) => !validBounds(q) || weekDiff(q.from, q.to) < MAX_CURVE_WEEKS, {
    path: ['to'],
    error: `Choose at most ${MAX_CURVE_WEEKS} weeks`,
  });
export type EpidemicCurveQuery = z.infer<typeof epidemicCurveQuery>;

export const epidemicCurvePoint = z.object({
  week: z.string(),
  cases: z.number().int(),
  population: z.number().int().nullable(),
  rate: z.number().nullable(),
});
export type EpidemicCurvePoint = z.infer<typeof epidemicCurvePoint>;
export const epidemicCurve = z.object({
  syndrome: z.enum(SYNDROMES),
  centreId: uuid.nullable(),
  /** every week from `from` to `to`, weeks without cases included */
  points: z.array(epidemicCurvePoint),
});

// ---- alerts

export const alertView = z.object({
  id: uuid,
  centreId: uuid,
  centreName: z.string(),
  week: z.string(),
  syndrome: z.enum(SYNDROMES),
  ruleCode: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  /** as the rule's outcome: null for a doubling over a mean of 0 */
  value: z.number().nullable(),
  threshold: z.number(),
  cases: z.number().int(),
  status: z.enum(ALERT_STATUSES),
  raisedAt: z.string(),
  /** who last moved the alert on, and when; null while it is new */
  actedBy: z.object({ id: uuid, name: z.string() }).nullable().optional(),
  actedAt: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  version,
  allowedActions,
});
export type AlertView = z.infer<typeof alertView>;

export const ALERT_SORTS = ['raisedAt', 'week', 'status'] as const;
export const alertListQuery = listQuery.extend({
  status: z.enum(ALERT_STATUSES).optional(),
  centreId: uuid.optional(),
  syndrome: z.enum(SYNDROMES).optional(),
  week: isoWeek.optional(),
  ...sortParams(ALERT_SORTS, 'desc'),
});
export type AlertListQuery = z.infer<typeof alertListQuery>;
export const alertPage = countedPage(alertView);
