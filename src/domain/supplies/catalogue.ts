import { z } from 'zod';
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

// The supplies catalogue: items, stock points, levels, projects, mission settings.

import { ITEM_CATEGORIES, type ItemCategory } from './categories';

export { ITEM_CATEGORIES, type ItemCategory };

/** The unit quantities are stored in (one tablet, one piece…); a pack holds `packSize` of them. */
export const BASE_UNITS = [
  'piece',
  'pair',
  'set',
  'tablet',
  'capsule',
  'sachet',
  'bottle',
  'vial',
  'ampoule',
  'tube',
  'roll',
  'box',
  'kg',
  'litre',
] as const;
export type BaseUnit = (typeof BASE_UNITS)[number];

export const MEDICINE_FORMS = [
  'tablet',
  'capsule',
  'oral_powder',
  'syrup',
  'suspension',
  'injection',
  'cream',
  'ointment',
  'eye_drops',
  'inhaler',
  'suppository',
  'other',
] as const;

export const STOCK_POINT_KINDS = ['warehouse', 'centre_store', 'clinic_pharmacy'] as const;
export type StockPointKind = (typeof STOCK_POINT_KINDS)[number];

const meta = { version, createdAt: z.string(), updatedAt: z.string(), allowedActions };

/** Anatomical Therapeutic Chemical code, e.g. A07CA (ORS) or J01CA04 (amoxicillin). */
export const atcCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/, { error: 'Use an ATC code, e.g. J01CA04' });
export const itemCode = z
  .string()
  .trim()
  .toUpperCase()
  .min(2)
  .max(40)
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/, { error: 'Use letters, digits, dot, dash or underscore' });

// ---- items
const itemBase = z.strictObject({
  code: itemCode,
  name: line(200),
  nameAr: line(200).optional(),
  nameFr: line(200).optional(),
  category: z.enum(ITEM_CATEGORIES),
  baseUnit: z.enum(BASE_UNITS),
  /** base units in one pack: "12 packs of 20 = 240 tablets" */
  packSize: z.number().int().min(1).max(100_000),
  activeIngredient: line(200).optional(),
  strength: line(60).optional(),
  form: z.enum(MEDICINE_FORMS).optional(),
  atcCode: atcCode.optional(),
});
/** Medicines say what they are; other items carry no medicine fields. */
const medicineFields = (
  v: {
    category?: string;
    activeIngredient?: string | null;
    strength?: string | null;
    form?: string | null;
    atcCode?: string | null;
  },
  ctx: z.RefinementCtx,
) => {
  if (v.category === undefined) return;
  const fields = ['activeIngredient', 'strength', 'form', 'atcCode'] as const;
  if (v.category === 'medicine') {
    for (const f of ['activeIngredient', 'strength', 'form'] as const)
      if (!v[f]) ctx.addIssue({ code: 'custom', path: [f], message: 'Required for a medicine' });
  } else {
    for (const f of fields)
      if (v[f]) ctx.addIssue({ code: 'custom', path: [f], message: 'Only medicines have this' });
  }
};
export const itemCreate = itemBase.superRefine(medicineFields);
export const itemUpdate = itemBase.partial().extend({
  version,
  active: z.boolean().optional(),
  nameAr: line(200).nullable().optional(),
  nameFr: line(200).nullable().optional(),
  activeIngredient: line(200).nullable().optional(),
  strength: line(60).nullable().optional(),
  form: z.enum(MEDICINE_FORMS).nullable().optional(),
  atcCode: atcCode.nullable().optional(),
});
export const item = itemBase.extend({
  id: uuid,
  nameAr: z.string().nullable(),
  nameFr: z.string().nullable(),
  activeIngredient: z.string().nullable(),
  strength: z.string().nullable(),
  form: z.enum(MEDICINE_FORMS).nullable(),
  atcCode: z.string().nullable(),
  active: z.boolean(),
  ...meta,
});
export type Item = z.infer<typeof item>;
export type ItemCreate = z.infer<typeof itemCreate>;
export const ITEM_SORTS = ['code', 'name', 'category'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];
export const itemListQuery = listQuery.extend({
  category: z.enum(ITEM_CATEGORIES).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...sortParams(ITEM_SORTS),
});
export const itemPage = countedPage(item);

// ---- stock points
const stockPointBase = z.strictObject({
  name: line(200),
  nameAr: line(200).optional(),
  nameFr: line(200).optional(),
  kind: z.enum(STOCK_POINT_KINDS),
  /** the centre it serves; a warehouse may serve none */
  centreId: uuid.optional(),
});
const pointNeedsCentre = (v: { kind?: string; centreId?: string | null }, ctx: z.RefinementCtx) => {
  if (v.kind && v.kind !== 'warehouse' && !v.centreId)
    ctx.addIssue({
      code: 'custom',
      path: ['centreId'],
      message: 'A centre store or clinic pharmacy belongs to a centre',
    });
};
export const stockPointCreate = stockPointBase.superRefine(pointNeedsCentre);
export const stockPointUpdate = stockPointBase.partial().extend({
  version,
  active: z.boolean().optional(),
  nameAr: line(200).nullable().optional(),
  nameFr: line(200).nullable().optional(),
  centreId: uuid.nullable().optional(),
});
export const stockPoint = stockPointBase.extend({
  id: uuid,
  nameAr: z.string().nullable(),
  nameFr: z.string().nullable(),
  centreId: uuid.nullable(),
  centreName: z.string().nullable(),
  active: z.boolean(),
  ...meta,
});
export type StockPoint = z.infer<typeof stockPoint>;
export const STOCK_POINT_SORTS = ['name', 'kind', 'centre'] as const;
export const stockPointListQuery = listQuery.extend({
  kind: z.enum(STOCK_POINT_KINDS).optional(),
  centreId: uuid.optional(),
  active: z.enum(['true', 'false']).optional(),
  ...sortParams(STOCK_POINT_SORTS),
});
export const stockPointPage = countedPage(stockPoint);

/** Minimum and maximum stock of an item at a point, in base units. */
export const stockLevelSet = z
  .strictObject({
    itemId: uuid,
    minimum: z.number().int().min(0).max(100_000_000),
    maximum: z.number().int().min(0).max(100_000_000),
  })
  .refine((v) => v.maximum >= v.minimum, { path: ['maximum'], message: 'Not below the minimum' });
export const stockLevel = z.object({
  stockPointId: uuid,
  itemId: uuid,
  minimum: z.number().int(),
  maximum: z.number().int(),
});
export const stockLevelList = z.object({ items: z.array(stockLevel) });

// ---- projects (who paid): stock and distributions are attributed to one
const projectBase = z.strictObject({
  code: itemCode,
  name: line(200),
  donorOrganisationId: uuid.optional(),
  startsOn: calendarDate.optional(),
  endsOn: calendarDate.optional(),
});
const endsAfterStart = (v: { startsOn?: string | null; endsOn?: string | null }) =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const ENDS_AFTER_START = { path: ['endsOn'], message: 'Not before the start' };
export const projectCreate = projectBase.refine(endsAfterStart, ENDS_AFTER_START);
/** A patch; the server checks the dates' order again on the project as patched. */
export const projectUpdate = projectBase
  .partial()
  .extend({
    version,
    active: z.boolean().optional(),
    donorOrganisationId: uuid.nullable().optional(),
    startsOn: calendarDate.nullable().optional(),
    endsOn: calendarDate.nullable().optional(),
  })
  .refine(endsAfterStart, ENDS_AFTER_START);
export const project = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  donorOrganisationId: uuid.nullable(),
  donorName: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  ...meta,
});
export const projectPage = countedPage(project);
export const projectListQuery = listQuery.extend({ active: z.enum(['true', 'false']).optional() });

// ---- the mission's supplies settings
/** 0 until first saved (the defaults apply): the first save sends version 0 and creates them */
const settingsVersion = z.number().int().min(0).max(2_147_483_647);
export const suppliesSettings = z.object({
  /** lots expiring within this many days are not issued (0: only expired lots are blocked) */
  nearExpiryBlockDays: z.number().int().min(0).max(365),
  /** the categories the near-expiry block applies to */
  nearExpiryBlockCategories: z.array(z.enum(ITEM_CATEGORIES)),
  version: settingsVersion,
});
export const suppliesSettingsUpdate = suppliesSettings.partial().extend({ version: settingsVersion });

/** An eligibility rule: a person may receive `allowed` distributions of a category per interval. */
export const eligibilityRule = z.strictObject({
  category: z.enum(ITEM_CATEGORIES),
  intervalDays: z.number().int().min(1).max(3650),
  allowed: z.number().int().min(1).max(100).default(1),
});
export type EligibilityRule = z.infer<typeof eligibilityRule>;
export const eligibilityRules = z.object({ items: z.array(eligibilityRule) });
export const eligibilityRulesSet = z.strictObject({
  items: z.array(eligibilityRule).max(ITEM_CATEGORIES.length),
});
