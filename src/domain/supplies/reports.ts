import { z } from 'zod';
import { calendarDate, uuid } from '../common/schemas';
import { ITEM_CATEGORIES } from './catalogue';

// Stock reports: the stock report (on hand per point and item), below minimum, consumption and
// months of stock, and the stock officer's alerts. (On hand per lot and expiring lots are the
// `/stock` list; the stock card is `/stock-movements/card`.)

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
  /** one row per point and item (default: per item over the points in scope, or the one filtered) */
  byPoint: z.enum(['true', 'false']).optional(),
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
  /** usable on hand now (lots not expired): what the months of stock can draw on */
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

/** How far ahead the alerts look for lots about to expire. */
export const EXPIRY_ALERT_DAYS = 60;
export const STOCK_ALERT_KINDS = ['expired', 'expiring_soon', 'below_minimum'] as const;
export const stockAlert = z.object({
  kind: z.enum(STOCK_ALERT_KINDS),
  stockPointId: uuid,
  stockPointName: z.string(),
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  /** the lot, for expired and expiring ones */
  lotId: uuid.nullable(),
  lotNumber: z.string().nullable(),
  expiryOn: z.string().nullable(),
  onHand: z.number().int(),
  /** the minimum, for items below it */
  minimum: z.number().int().nullable(),
});
export const stockAlertsQuery = z.strictObject({ lang: reportFormat.lang });
/** The stock officer's home panel: counts in the reader's scope, and the most urgent few of each. */
export const stockAlerts = z.object({
  belowMinimum: z.number().int(),
  expiringSoon: z.number().int(),
  expired: z.number().int(),
  withinDays: z.number().int(),
  items: z.array(stockAlert),
});
export type StockAlerts = z.infer<typeof stockAlerts>;

// ---- calendar months (YYYY-MM), as the consumption report counts them

export const monthOf = (isoDate: string) => isoDate.slice(0, 7);
/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}
/** The last whole month before the day `today`. */
export const lastWholeMonth = (today: string) => addMonths(monthOf(today), -1);
/** `n` months ending with `to`, oldest first. */
export const monthsEnding = (to: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => addMonths(to, i - n + 1));
