import { z } from 'zod';
import { calendarDate, uuid } from '../common/schemas';
import { ITEM_CATEGORIES } from './catalogue';

// Stock reports: below minimum, consumption and months of stock. (On hand and expiring lots are
// the `/stock` list; the stock card is `/stock-movements/card`.)

export const reportFormat = {
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.enum(['en', 'ar', 'fr']).optional(),
};

/** Consumption = what left a point to people (distributions, dispensing): per item and month. */
export const consumptionQuery = z.strictObject({
  stockPointId: uuid.optional(),
  category: z.enum(ITEM_CATEGORIES).optional(),
  /** the last month counted (YYYY-MM); default the last whole month */
  to: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Use a month as YYYY-MM' })
    .optional(),
  /** months averaged for the average monthly consumption */
  months: z.coerce.number().int().min(1).max(24).default(3),
  ...reportFormat,
});
export const consumptionRow = z.object({
  stockPointId: uuid.nullable(),
  stockPointName: z.string().nullable(),
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  /** per month, oldest first, aligned with `months` of the answer */
  monthly: z.array(z.number().int()),
  averageMonthly: z.number(),
  onHand: z.number().int(),
  /** on hand ÷ average monthly consumption; null when nothing was consumed */
  monthsOfStock: z.number().nullable(),
  minimum: z.number().int().nullable(),
  maximum: z.number().int().nullable(),
  belowMinimum: z.boolean(),
});
export const consumptionReport = z.object({ months: z.array(z.string()), rows: z.array(consumptionRow) });

export const belowMinimumQuery = z.strictObject({ stockPointId: uuid.optional(), ...reportFormat });
export const belowMinimumRow = z.object({
  stockPointId: uuid,
  stockPointName: z.string(),
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  onHand: z.number().int(),
  minimum: z.number().int(),
  maximum: z.number().int(),
  /** to bring it back to the maximum */
  toOrder: z.number().int(),
});
export const belowMinimumReport = z.object({ rows: z.array(belowMinimumRow) });

/** On hand totals per point and item (the stock report), as JSON or XLSX. */
export const stockReportQuery = z.strictObject({
  stockPointId: uuid.optional(),
  category: z.enum(ITEM_CATEGORIES).optional(),
  asOf: calendarDate.optional(),
  ...reportFormat,
});
export const stockReportRow = z.object({
  stockPointId: uuid,
  stockPointName: z.string(),
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  category: z.enum(ITEM_CATEGORIES),
  baseUnit: z.string(),
  packSize: z.number().int(),
  lots: z.number().int(),
  onHand: z.number().int(),
  earliestExpiry: z.string().nullable(),
});
export const stockReport = z.object({
  asOf: z.string(),
  rows: z.array(stockReportRow),
  total: z.number().int(),
  inTransit: z.number().int(),
});
