import { z } from 'zod';
import { addDays, factDate } from '../common/dates';
import {
  allowedActions,
  calendarDate,
  countedPage,
  line,
  listQuery,
  sortParams,
  uuid,
  version,
} from '../common/schemas';

import { type EligibilityRule, ITEM_CATEGORIES, type ItemCategory } from './catalogue';
import { quantity } from './movements';

// A distribution: an event at a centre (date, stock point, project) with its lines, person by
// person, or a bulk issue to the centre without names (reported separately). Every line moves
// stock out of the event's stock point.

export const DISTRIBUTION_KINDS = ['individual', 'bulk'] as const;
export const DISTRIBUTION_STATUSES = ['open', 'closed'] as const;

export const distributionCreate = z.strictObject({
  centreId: uuid,
  stockPointId: uuid,
  occurredOn: factDate(),
  kind: z.enum(DISTRIBUTION_KINDS),
  /** the items handed out at this event, in the order of the quick-entry columns */
  itemIds: z.array(uuid).min(1).max(50),
  note: line(500).optional(),
});
export const distributionClose = z.strictObject({ version });

/** One person's line (or a bulk line without a person); without `lotId`, FEFO. */
export const distributionLineCreate = z.strictObject({
  personId: uuid.optional(),
  itemId: uuid,
  lotId: uuid.optional(),
  quantity,
  /** needed when an eligibility rule warns; recorded and audited */
  overrideReason: line(500).optional(),
});
/** A person's lines in one go (the quick-entry row): all saved or none. */
export const distributionRecipientCreate = z.strictObject({
  personId: uuid,
  lines: z
    .array(distributionLineCreate.omit({ personId: true }))
    .min(1)
    .max(50),
  overrideReason: line(500).optional(),
});

export const eligibilityWarning = z.object({
  category: z.enum(ITEM_CATEGORIES),
  intervalDays: z.number().int(),
  allowed: z.number().int(),
  /** the distributions of that category to the person within the interval */
  previous: z.array(z.object({ distributionId: uuid, occurredOn: z.string() })),
});
export type EligibilityWarning = z.infer<typeof eligibilityWarning>;
export const eligibilityQuery = z.strictObject({
  personId: uuid,
  on: calendarDate,
  itemIds: z.union([uuid, z.array(uuid)]).transform((v) => (Array.isArray(v) ? v : [v])),
});
export const eligibilityAnswer = z.object({ warnings: z.array(eligibilityWarning) });

export const distributionLine = z.object({
  id: uuid,
  personId: uuid.nullable(),
  personName: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  lotId: uuid,
  lotNumber: z.string(),
  quantity: z.number().int(),
  projectId: uuid.nullable(),
  overridden: z.boolean(),
  cancelled: z.boolean(),
  allowedActions,
});
export const distribution = z.object({
  id: uuid,
  reference: z.string(),
  centreId: uuid,
  centreName: z.string(),
  stockPointId: uuid,
  stockPointName: z.string(),
  occurredOn: z.string(),
  kind: z.enum(DISTRIBUTION_KINDS),
  status: z.enum(DISTRIBUTION_STATUSES),
  itemIds: z.array(uuid),
  note: z.string().nullable(),
  /** unique people with a line */
  recipients: z.number().int(),
  lines: z.array(distributionLine),
  version,
  allowedActions,
});
export type Distribution = z.infer<typeof distribution>;
export const DISTRIBUTION_SORTS = ['occurredOn', 'centre', 'reference'] as const;
export const distributionListQuery = listQuery.extend({
  centreId: uuid.optional(),
  kind: z.enum(DISTRIBUTION_KINDS).optional(),
  personId: uuid.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  ...sortParams(DISTRIBUTION_SORTS, 'desc'),
});
export const distributionPage = countedPage(distribution.omit({ lines: true }));

/** What a person received (person page, timeline). */
export const personAssistance = z.object({
  items: z.array(
    z.object({
      distributionId: uuid,
      reference: z.string(),
      occurredOn: z.string(),
      centreName: z.string(),
      itemName: z.string(),
      category: z.enum(ITEM_CATEGORIES),
      quantity: z.number().int(),
      baseUnit: z.string(),
      packSize: z.number().int(),
    }),
  ),
});

/**
 * Which rules a new distribution on `on` would cross, given the person's earlier ones
 * (category and date of each, one entry per distribution event). A distribution within the
 * interval on either side counts, so a backdated entry is checked against later ones too.
 */
export function eligibilityWarnings(
  rules: readonly EligibilityRule[],
  categories: readonly ItemCategory[],
  on: string,
  earlier: readonly { distributionId: string; category: ItemCategory; occurredOn: string }[],
): EligibilityWarning[] {
  const out: EligibilityWarning[] = [];
  for (const rule of rules) {
    if (!categories.includes(rule.category)) continue;
    const from = addDays(on, -(rule.intervalDays - 1));
    const to = addDays(on, rule.intervalDays - 1);
    const seen = new Map<string, string>();
    for (const e of earlier)
      if (e.category === rule.category && e.occurredOn >= from && e.occurredOn <= to)
        seen.set(e.distributionId, e.occurredOn);
    if (seen.size >= rule.allowed)
      out.push({
        category: rule.category,
        intervalDays: rule.intervalDays,
        allowed: rule.allowed,
        previous: [...seen].map(([distributionId, occurredOn]) => ({ distributionId, occurredOn })),
      });
  }
  return out;
}

export const AGE_GROUPS = ['0-4', '5-11', '12-17', '18-59', '60+', 'unknown'] as const;
export const DISTRIBUTION_REPORT_DIMENSIONS = [
  'centre',
  'item',
  'project',
  'sex',
  'ageGroup',
  'month',
] as const;
export const distributionReportQuery = z.strictObject({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  centreId: uuid.optional(),
  kind: z.enum(DISTRIBUTION_KINDS).default('individual'),
  /** one or two dimensions: rows, and columns */
  by: z
    .union([z.enum(DISTRIBUTION_REPORT_DIMENSIONS), z.array(z.enum(DISTRIBUTION_REPORT_DIMENSIONS))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .default(['centre']),
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.enum(['en', 'ar', 'fr']).optional(),
});
export const distributionReport = z.object({
  by: z.array(z.enum(DISTRIBUTION_REPORT_DIMENSIONS)),
  rows: z.array(
    z.object({
      keys: z.array(z.string()),
      labels: z.array(z.string()),
      /** unique people */
      people: z.number().int(),
      lines: z.number().int(),
      quantity: z.number().int(),
    }),
  ),
  /** unique people over the whole report (not the sum of rows: a person may be in several) */
  totalPeople: z.number().int(),
  totalQuantity: z.number().int(),
});

/**
 * The people an event's recorder may name: those held at its centre on its day (with `q`, the
 * best matches in any spelling or by number), whether they were served at this event, and — when
 * searched — the rules the event's items would cross for them.
 */
export const distributionPeopleQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(20),
});
export const distributionPerson = z.object({
  id: uuid,
  registrationNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  fullNameOriginal: z.string().nullable(),
  sex: z.string(),
  birthDate: z.string().nullable(),
  nationality: z.string().nullable(),
  served: z.boolean(),
  warnings: z.array(eligibilityWarning),
});
export type DistributionPerson = z.infer<typeof distributionPerson>;
export const distributionPeople = z.object({
  items: z.array(distributionPerson),
  /** people held at the centre that day, served or not */
  total: z.number().int(),
  served: z.number().int(),
});
