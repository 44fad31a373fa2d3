import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { missionId, tracked, ts } from './columns';
import { centres, missions, projects } from './directory';
import { persons } from './registry';

const day = (name: string) => date(name, { mode: 'string' });
const fk = (cols: [never, never], target: [never, never]) =>
  foreignKey({ columns: cols, foreignColumns: target });

export const supplyItems = pgTable(
  'supply_items',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameAr: text('name_ar'),
    nameFr: text('name_fr'),
    category: text('category').notNull(),
    baseUnit: text('base_unit').notNull(),
    packSize: integer('pack_size').notNull(),
    activeIngredient: text('active_ingredient'),
    strength: text('strength'),
    form: text('form'),
    atcCode: text('atc_code'),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('supply_items_code_uq').on(t.missionId, t.code),
  ],
);

export const stockPoints = pgTable(
  'stock_points',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    nameAr: text('name_ar'),
    nameFr: text('name_fr'),
    kind: text('kind').notNull(),
    centreId: uuid('centre_id'),
    active: boolean('active').notNull().default(true),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('stock_points_name_uq').on(t.missionId, sql`lower(${t.name})`),
    foreignKey({ columns: [t.missionId, t.centreId], foreignColumns: [centres.missionId, centres.id] }),
  ],
);

/** Minimum and maximum of an item at a point, in base units. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    missionId: missionId(),
    stockPointId: uuid('stock_point_id').notNull(),
    itemId: uuid('item_id').notNull(),
    minimum: integer('minimum').notNull(),
    maximum: integer('maximum').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.stockPointId, t.itemId] }),
    fk([t.missionId, t.stockPointId] as never, [stockPoints.missionId, stockPoints.id] as never),
    fk([t.missionId, t.itemId] as never, [supplyItems.missionId, supplyItems.id] as never),
  ],
);

/** A lot: an item's batch with its expiry, attributed to the project whose receipt brought it. */
export const stockLots = pgTable(
  'stock_lots',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    lotNumber: text('lot_number').notNull(),
    expiryOn: day('expiry_on').notNull(),
    projectId: uuid('project_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('stock_lots_uq').on(
      t.missionId,
      t.itemId,
      t.lotNumber,
      sql`coalesce(${t.projectId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    fk([t.missionId, t.itemId] as never, [supplyItems.missionId, supplyItems.id] as never),
    fk([t.missionId, t.projectId] as never, [projects.missionId, projects.id] as never),
  ],
);

/**
 * The ledger: append-only (no UPDATE/DELETE for the app; corrections are reversing entries).
 * `quantity` is signed in base units; on hand is the sum per point, item and lot.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    stockPointId: uuid('stock_point_id').notNull(),
    itemId: uuid('item_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    quantity: integer('quantity').notNull(),
    occurredOn: day('occurred_on').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    reasonText: text('reason_text'),
    documentNumber: text('document_number'),
    supplierOrganisationId: uuid('supplier_organisation_id'),
    unitCostMinor: bigint('unit_cost_minor', { mode: 'number' }),
    currency: text('currency'),
    transferId: uuid('transfer_id'),
    distributionId: uuid('distribution_id'),
    countId: uuid('count_id'),
    reversesId: uuid('reverses_id'),
    recordedBy: uuid('recorded_by'),
    recordedByOrganisationId: uuid('recorded_by_organisation_id'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('stock_movements_card_idx').on(t.missionId, t.stockPointId, t.itemId, t.lotId, t.occurredOn),
    index('stock_movements_point_day_idx').on(t.missionId, t.stockPointId, t.occurredOn),
    uniqueIndex('stock_movements_reverses_uq')
      .on(t.missionId, t.reversesId)
      .where(sql`${t.reversesId} IS NOT NULL`),
    fk([t.missionId, t.stockPointId] as never, [stockPoints.missionId, stockPoints.id] as never),
    fk([t.missionId, t.itemId] as never, [supplyItems.missionId, supplyItems.id] as never),
    fk([t.missionId, t.lotId] as never, [stockLots.missionId, stockLots.id] as never),
  ],
);

/** On hand now per point, item and lot: kept with the ledger in the same transaction; never < 0. */
export const stockBalances = pgTable(
  'stock_balances',
  {
    missionId: missionId(),
    stockPointId: uuid('stock_point_id').notNull(),
    itemId: uuid('item_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    onHand: integer('on_hand').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.stockPointId, t.itemId, t.lotId] }),
    fk([t.missionId, t.lotId] as never, [stockLots.missionId, stockLots.id] as never),
  ],
);

export const stockTransfers = pgTable(
  'stock_transfers',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    fromStockPointId: uuid('from_stock_point_id').notNull(),
    toStockPointId: uuid('to_stock_point_id').notNull(),
    status: text('status').notNull(),
    dispatchedOn: day('dispatched_on').notNull(),
    receivedOn: day('received_on'),
    documentNumber: text('document_number'),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('stock_transfers_reference_uq').on(t.missionId, t.reference),
    index('stock_transfers_status_idx').on(t.missionId, t.status),
    fk([t.missionId, t.fromStockPointId] as never, [stockPoints.missionId, stockPoints.id] as never),
    fk([t.missionId, t.toStockPointId] as never, [stockPoints.missionId, stockPoints.id] as never),
  ],
);

export const stockTransferLines = pgTable(
  'stock_transfer_lines',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    transferId: uuid('transfer_id').notNull(),
    position: integer('position').notNull(),
    itemId: uuid('item_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    quantity: integer('quantity').notNull(),
    receivedQuantity: integer('received_quantity'),
    shortfallReason: text('shortfall_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('stock_transfer_lines_transfer_idx').on(t.missionId, t.transferId),
    fk([t.missionId, t.transferId] as never, [stockTransfers.missionId, stockTransfers.id] as never),
    fk([t.missionId, t.lotId] as never, [stockLots.missionId, stockLots.id] as never),
  ],
);

export const stockCounts = pgTable(
  'stock_counts',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    stockPointId: uuid('stock_point_id').notNull(),
    countedOn: day('counted_on').notNull(),
    status: text('status').notNull(),
    approvedAt: ts('approved_at'),
    approvedBy: uuid('approved_by'),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('stock_counts_reference_uq').on(t.missionId, t.reference),
    fk([t.missionId, t.stockPointId] as never, [stockPoints.missionId, stockPoints.id] as never),
  ],
);

export const stockCountLines = pgTable(
  'stock_count_lines',
  {
    missionId: missionId(),
    countId: uuid('count_id').notNull(),
    itemId: uuid('item_id').notNull(),
    lotId: uuid('lot_id').notNull(),
    counted: integer('counted'),
    /** filled at approval: the on-hand then, the adjustment posted and its reason */
    onHandAtApproval: integer('on_hand_at_approval'),
    adjustment: integer('adjustment'),
    reason: text('reason'),
    reasonText: text('reason_text'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.countId, t.lotId] }),
    fk([t.missionId, t.countId] as never, [stockCounts.missionId, stockCounts.id] as never),
    fk([t.missionId, t.lotId] as never, [stockLots.missionId, stockLots.id] as never),
  ],
);

export const distributions = pgTable(
  'distributions',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    reference: text('reference').notNull(),
    centreId: uuid('centre_id').notNull(),
    stockPointId: uuid('stock_point_id').notNull(),
    occurredOn: day('occurred_on').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    itemIds: uuid('item_ids').array().notNull(),
    note: text('note'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('distributions_reference_uq').on(t.missionId, t.reference),
    index('distributions_centre_day_idx').on(t.missionId, t.centreId, t.occurredOn),
    fk([t.missionId, t.centreId] as never, [centres.missionId, centres.id] as never),
    fk([t.missionId, t.stockPointId] as never, [stockPoints.missionId, stockPoints.id] as never),
  ],
);

/** One item handed to one person (or, in a bulk issue, to the centre); each moved stock. */
export const distributionLines = pgTable(
  'distribution_lines',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    distributionId: uuid('distribution_id').notNull(),
    personId: uuid('person_id'),
    itemId: uuid('item_id').notNull(),
    /** the item's category and the event's date, kept here for eligibility checks and reports */
    category: text('category').notNull(),
    occurredOn: day('occurred_on').notNull(),
    lotId: uuid('lot_id').notNull(),
    projectId: uuid('project_id'),
    quantity: integer('quantity').notNull(),
    movementId: uuid('movement_id').notNull(),
    overrideReason: text('override_reason'),
    cancelledAt: ts('cancelled_at'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('distribution_lines_distribution_idx').on(t.missionId, t.distributionId),
    index('distribution_lines_person_idx').on(t.missionId, t.personId, t.category, t.occurredOn),
    fk([t.missionId, t.distributionId] as never, [distributions.missionId, distributions.id] as never),
    fk([t.missionId, t.personId] as never, [persons.missionId, persons.id] as never),
    fk([t.missionId, t.lotId] as never, [stockLots.missionId, stockLots.id] as never),
  ],
);

export const eligibilityRules = pgTable(
  'eligibility_rules',
  {
    missionId: missionId(),
    category: text('category').notNull(),
    intervalDays: integer('interval_days').notNull(),
    allowed: integer('allowed').notNull().default(1),
    ...tracked(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.category] })],
);

export const suppliesSettings = pgTable('supplies_settings', {
  missionId: missionId()
    .primaryKey()
    .references(() => missions.id),
  nearExpiryBlockDays: integer('near_expiry_block_days').notNull().default(0),
  nearExpiryBlockCategories: text('near_expiry_block_categories')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  ...tracked(),
});
