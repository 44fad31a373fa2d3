import { z } from 'zod';
import { factDate } from '../common/dates';
import { allowedActions, countedPage, line, listQuery, sortParams, uuid, version } from '../common/schemas';
import { COUNT_REASONS } from './reasons';

// A stock count (physical inventory) at one point. Counting does not freeze the store: on
// approval each line's adjustment is counted minus the on-hand at that moment.

export const COUNT_STATUSES = ['open', 'approved', 'cancelled'] as const;

/** A new sheet lists every lot with stock at the point (and any lot added while counting). */
export const countCreate = z.strictObject({ stockPointId: uuid, countedOn: factDate() });
export const countLinesUpdate = z.strictObject({
  version,
  lines: z
    .array(
      z.strictObject({
        itemId: uuid,
        lotId: uuid,
        counted: z.number().int().min(0).max(10_000_000).nullable(),
      }),
    )
    .min(1)
    .max(2000),
});
export const countApprove = z.strictObject({
  version,
  /** a reason for each line whose count differs from the on-hand at approval */
  reasons: z
    .array(
      z.strictObject({
        lotId: uuid,
        itemId: uuid,
        reason: z.enum(COUNT_REASONS),
        reasonText: line(500).optional(),
      }),
    )
    .max(2000)
    .default([]),
});
export const countCancel = z.strictObject({ version });

export const countLine = z.object({
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  lotId: uuid,
  lotNumber: z.string(),
  expiryOn: z.string(),
  counted: z.number().int().nullable(),
  /** the on-hand now (open sheet) or at approval (approved sheet) */
  onHand: z.number().int(),
  /** counted − on-hand: what approval would post, or posted */
  difference: z.number().int().nullable(),
  reason: z.enum(COUNT_REASONS).nullable(),
});
export const stockCount = z.object({
  id: uuid,
  reference: z.string(),
  stockPointId: uuid,
  stockPointName: z.string(),
  countedOn: z.string(),
  status: z.enum(COUNT_STATUSES),
  approvedAt: z.string().nullable(),
  lines: z.array(countLine),
  version,
  allowedActions,
});
export type StockCount = z.infer<typeof stockCount>;
export const COUNT_SORTS = ['countedOn', 'reference', 'status'] as const;
export type CountSort = (typeof COUNT_SORTS)[number];
export const countListQuery = listQuery.extend({
  stockPointId: uuid.optional(),
  status: z.enum(COUNT_STATUSES).optional(),
  /** without `sort`: the latest count first */
  ...sortParams(COUNT_SORTS, 'desc'),
});
export const countPage = countedPage(stockCount.omit({ lines: true }));
