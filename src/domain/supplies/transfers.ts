import { z } from 'zod';
import { factDate } from '../common/dates';
import { allowedActions, countedPage, line, listQuery, sortParams, uuid, version } from '../common/schemas';
import { quantity } from './movements';

// A transfer between stock points: dispatched (stock leaves the source), then received (stock
// arrives at the destination). Between the two steps the stock is in transit, at neither point.

export const TRANSFER_STATUSES = ['dispatched', 'received'] as const;
export const SHORTFALL_REASONS = ['lost_in_transit', 'damaged', 'stolen', 'loss_other'] as const;

export const transferCreate = z
  .strictObject({
    fromStockPointId: uuid,
    toStockPointId: uuid,
    dispatchedOn: factDate(),
    documentNumber: line(60).optional(),
    /** without `lotId`, the lots that expire first */
    lines: z
      .array(z.strictObject({ itemId: uuid, lotId: uuid.optional(), quantity }))
      .min(1)
      .max(500),
  })
  .refine((v) => v.fromStockPointId !== v.toStockPointId, {
    path: ['toStockPointId'],
    message: 'Choose another stock point than the source',
  });
export type TransferCreate = z.infer<typeof transferCreate>;

export const transferReceive = z.strictObject({
  version,
  receivedOn: factDate(),
  /** every line of the transfer, with what arrived; a shortfall needs a reason */
  lines: z
    .array(
      z.strictObject({
        lineId: uuid,
        receivedQuantity: z.number().int().min(0).max(10_000_000),
        shortfallReason: z.enum(SHORTFALL_REASONS).optional(),
        shortfallText: line(500).optional(),
      }),
    )
    .min(1)
    .max(500),
});

export const transferLine = z.object({
  id: uuid,
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  lotId: uuid,
  lotNumber: z.string(),
  expiryOn: z.string(),
  quantity: z.number().int(),
  receivedQuantity: z.number().int().nullable(),
  shortfallReason: z.enum(SHORTFALL_REASONS).nullable(),
});
export const transfer = z.object({
  id: uuid,
  reference: z.string(),
  fromStockPointId: uuid,
  fromStockPointName: z.string(),
  toStockPointId: uuid,
  toStockPointName: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  dispatchedOn: z.string(),
  receivedOn: z.string().nullable(),
  documentNumber: z.string().nullable(),
  lines: z.array(transferLine),
  version,
  allowedActions,
});
export type Transfer = z.infer<typeof transfer>;
export const TRANSFER_SORTS = ['dispatchedOn', 'reference', 'status'] as const;
export type TransferSort = (typeof TRANSFER_SORTS)[number];
export const transferListQuery = listQuery.extend({
  stockPointId: uuid.optional(),
  status: z.enum(TRANSFER_STATUSES).optional(),
  ...sortParams(TRANSFER_SORTS, 'desc'),
});
export const transferPage = countedPage(transfer);

/** Stock in transit: dispatched, not yet received, per item and lot. */
export const inTransitLine = z.object({
  transferId: uuid,
  reference: z.string(),
  fromStockPointId: uuid,
  toStockPointId: uuid,
  itemId: uuid,
  lotId: uuid,
  quantity: z.number().int(),
  dispatchedOn: z.string(),
});
export const inTransitList = z.object({ items: z.array(inTransitLine) });
