import { z } from 'zod';
import { factDate } from '../common/dates';
import {
  allowedActions,
  calendarDate,
  countedPage,
  line,
  listQuery,
  queryText,
  uuid,
} from '../common/schemas';
import { ITEM_CATEGORIES } from './catalogue';
import { ISSUE_REASONS, MOVEMENT_KINDS, REASON_CODES, RECEIPT_REASONS } from './reasons';

// The stock ledger: receipts, issues (losses and write-offs), reversals, on hand, stock cards.
// Quantities are whole base units; a movement's quantity is signed (credit > 0, debit < 0).

export const quantity = z.number().int().min(1).max(10_000_000);
const currency = z.string().regex(/^[A-Z]{3}$/, { error: 'Use an ISO 4217 currency code, e.g. EUR' });
const documentNumber = line(60);
const lotNumber = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ./_-]*$/, { error: 'Use letters, digits, space, dot, slash, dash' });

export const receiptLine = z
  .strictObject({
    itemId: uuid,
    lotNumber,
    expiryOn: calendarDate,
    quantity,
    /** cost of one base unit, in minor units of `currency` */
    unitCostMinor: z.number().int().min(0).max(1_000_000_000).optional(),
    currency: currency.optional(),
  })
  .refine((v) => (v.unitCostMinor === undefined) === (v.currency === undefined), {
    path: ['currency'],
    message: 'A cost needs its currency, and a currency its cost',
  });
export const receiptCreate = z.strictObject({
  stockPointId: uuid,
  occurredOn: factDate(),
  reason: z.enum(RECEIPT_REASONS),
  reasonText: line(500).optional(),
  documentNumber: documentNumber.optional(),
  /** the supplier or donor organisation */
  supplierOrganisationId: uuid.optional(),
  projectId: uuid.optional(),
  lines: z.array(receiptLine).min(1).max(500),
});
export type ReceiptCreate = z.infer<typeof receiptCreate>;

/** A loss or write-off: without `lotId`, the lot that expires first (FEFO). */
export const issueLine = z.strictObject({ itemId: uuid, lotId: uuid.optional(), quantity });
export const issueCreate = z.strictObject({
  stockPointId: uuid,
  occurredOn: factDate(),
  reason: z.enum(ISSUE_REASONS),
  reasonText: line(500).optional(),
  documentNumber: documentNumber.optional(),
  lines: z.array(issueLine).min(1).max(500),
});
export type IssueCreate = z.infer<typeof issueCreate>;

export const reversalCreate = z.strictObject({ reasonText: line(500) });

export const movement = z.object({
  id: uuid,
  stockPointId: uuid,
  stockPointName: z.string(),
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  lotId: uuid,
  lotNumber: z.string(),
  expiryOn: z.string(),
  /** signed: credit > 0, debit < 0 */
  quantity: z.number().int(),
  occurredOn: z.string(),
  recordedAt: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  reason: z.enum(REASON_CODES),
  reasonText: z.string().nullable(),
  documentNumber: z.string().nullable(),
  projectId: uuid.nullable(),
  projectCode: z.string().nullable(),
  supplierOrganisationId: uuid.nullable(),
  unitCostMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  transferId: uuid.nullable(),
  distributionId: uuid.nullable(),
  countId: uuid.nullable(),
  reversesId: uuid.nullable(),
  reversedById: uuid.nullable(),
  recordedBy: z.string().nullable(),
  /** on a stock card: the lot's balance at this point after this entry, in ledger order */
  balance: z.number().int().nullable(),
  allowedActions,
});
export type Movement = z.infer<typeof movement>;
export const movementList = z.object({ items: z.array(movement) });

/** The ledger at the points one reads stock at, newest first (date it happened, then recorded). */
export const movementListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: queryText(500).optional(),
  stockPointId: uuid.optional(),
  itemId: uuid.optional(),
  lotId: uuid.optional(),
  documentNumber: queryText(60).optional(),
  kind: z.enum(MOVEMENT_KINDS).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export const movementPage = countedPage(movement);

/** The stock card: the ledger of one item at one point (all lots or one), oldest first. */
export const stockCardQuery = z.strictObject({
  stockPointId: uuid,
  itemId: uuid,
  lotId: uuid.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  cursor: queryText(200).optional(),
});
export const stockCard = z.object({
  stockPointId: uuid,
  itemId: uuid,
  /** balance before the first entry shown */
  openingBalance: z.number().int(),
  closingBalance: z.number().int(),
  items: z.array(movement),
  nextCursor: z.string().nullable(),
});

/** What is on hand at a point, per item and lot. */
export const STOCK_SORTS = ['item', 'expiry', 'quantity', 'point'] as const;
export const stockQuery = listQuery.extend({
  stockPointId: uuid.optional(),
  itemId: uuid.optional(),
  category: z.enum(ITEM_CATEGORIES).optional(),
  /** lots expiring on or before today + N days (expired ones included) */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** include lots with nothing left */
  includeEmpty: z.enum(['true', 'false']).optional(),
  sort: z.enum(STOCK_SORTS).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const stockLine = z.object({
  stockPointId: uuid,
  stockPointName: z.string(),
  itemId: uuid,
  itemCode: z.string(),
  itemName: z.string(),
  category: z.enum(ITEM_CATEGORIES),
  baseUnit: z.string(),
  packSize: z.number().int(),
  lotId: uuid,
  lotNumber: z.string(),
  expiryOn: z.string(),
  expired: z.boolean(),
  /** issuing refuses it: expired, or within the mission's near-expiry block */
  blocked: z.boolean(),
  projectId: uuid.nullable(),
  projectCode: z.string().nullable(),
  onHand: z.number().int(),
});
export type StockLine = z.infer<typeof stockLine>;
export const stockPage = countedPage(stockLine);

/** First-expiry-first-out: the lots to issue a quantity from, earliest expiry first. */
export const fefoQuery = z.strictObject({
  stockPointId: uuid,
  itemId: uuid,
  quantity: z.coerce.number().int().min(1).max(10_000_000),
  on: calendarDate.optional(),
});
export const fefoProposal = z.object({
  lines: z.array(
    z.object({ lotId: uuid, lotNumber: z.string(), expiryOn: z.string(), quantity: z.number().int() }),
  ),
  /** what the usable lots cannot cover */
  shortfall: z.number().int(),
});

/** The answer to a receipt or an issue: the ledger entries it wrote. */
export const movementsWritten = movementList;
