import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../domain/common/schemas';
import type { ItemCategory } from '../../../domain/supplies/catalogue';
import type { belowMinimumRow, stockReportRow } from '../../../domain/supplies/reports';
import {
  stockBalances,
  stockLevels,
  stockLots,
  stockMovements,
  stockPoints,
  stockTransferLines,
  stockTransfers,
  supplyItems,
} from '../../db/schema/index';
import { today } from '../../platform/dates';
import type { Work } from '../../platform/http';
import { stockPointScope } from './stock.scope';

// The stock reports, in the reader's scope (the points whose stock they read). On hand now comes
// from stock_balances (kept with the ledger); on a past date, from the ledger summed up to it.
// Names are in the report's language (the English name when an item or point has none in it).

type Named = { name: string; nameAr: string | null; nameFr: string | null };
export const nameIn = (r: Named, lang: Locale) =>
  (lang === 'ar' ? r.nameAr : lang === 'fr' ? r.nameFr : null) || r.name;

/** The columns a report row names its point and item by. */
export const POINT = {
  id: stockPoints.id,
  name: stockPoints.name,
  nameAr: stockPoints.nameAr,
  nameFr: stockPoints.nameFr,
};
export const ITEM = {
  id: supplyItems.id,
  code: supplyItems.code,
  name: supplyItems.name,
  nameAr: supplyItems.nameAr,
  nameFr: supplyItems.nameFr,
  category: supplyItems.category,
  baseUnit: supplyItems.baseUnit,
  packSize: supplyItems.packSize,
};
type PointCols = Named & { id: string };
type ItemCols = Named & { id: string; code: string; category: string; baseUnit: string; packSize: number };

/** A row's item fields, in the report's language. */
export const itemFields = (item: ItemCols, lang: Locale) => ({
  itemId: item.id,
  itemCode: item.code,
  itemName: nameIn(item, lang),
  baseUnit: item.baseUnit,
  packSize: item.packSize,
});
/** A row's point and item fields, in the report's language. */
export const pointAndItem = (point: PointCols, item: ItemCols, lang: Locale) => ({
  stockPointId: point.id,
  stockPointName: nameIn(point, lang),
  ...itemFields(item, lang),
});

export interface PointFilter {
  stockPointId?: string;
  category?: ItemCategory;
}

/** The ids of the points the reader sees stock at (and the one asked, if any), as a subquery. */
export const pointsInScope = (w: Work, stockPointId?: string) =>
  w.tx
    .select({ id: stockPoints.id })
    .from(stockPoints)
    .where(
      and(
        eq(stockPoints.missionId, w.actor.missionId),
        stockPointScope(w),
        stockPointId ? eq(stockPoints.id, stockPointId) : undefined,
      ),
    );

/** The ids of the items of a category, as a subquery. */
export const itemsOf = (w: Work, category: ItemCategory) =>
  w.tx
    .select({ id: supplyItems.id })
    .from(supplyItems)
    .where(and(eq(supplyItems.missionId, w.actor.missionId), eq(supplyItems.category, category)));

/** On hand per point, item and lot: now (balances) or at the end of `asOf` (the ledger). */
function onHandByLot(w: Work, f: PointFilter, asOf?: string) {
  if (!asOf)
    return w.tx
      .select({
        stockPointId: stockBalances.stockPointId,
        itemId: stockBalances.itemId,
        lotId: stockBalances.lotId,
        onHand: sql<number>`${stockBalances.onHand}`.as('on_hand'),
      })
      .from(stockBalances)
      .where(
        and(
          eq(stockBalances.missionId, w.actor.missionId),
          gt(stockBalances.onHand, 0),
          inArray(stockBalances.stockPointId, pointsInScope(w, f.stockPointId)),
          f.category ? inArray(stockBalances.itemId, itemsOf(w, f.category)) : undefined,
        ),
      )
      .as('b');
  return w.tx
    .select({
      stockPointId: stockMovements.stockPointId,
      itemId: stockMovements.itemId,
      lotId: stockMovements.lotId,
      onHand: sql<number>`sum(${stockMovements.quantity})::int`.as('on_hand'),
    })
    .from(stockMovements)
    .where(
      and(
        eq(stockMovements.missionId, w.actor.missionId),
        lte(stockMovements.occurredOn, asOf),
        inArray(stockMovements.stockPointId, pointsInScope(w, f.stockPointId)),
        f.category ? inArray(stockMovements.itemId, itemsOf(w, f.category)) : undefined,
      ),
    )
    .groupBy(stockMovements.stockPointId, stockMovements.itemId, stockMovements.lotId)
    .having(sql`sum(${stockMovements.quantity}) > 0`)
    .as('b');
}

type ReportRow = z.infer<typeof stockReportRow>;

/** One row per point and item with stock, and the quantity dispatched to or from them not yet received. */
export async function stockReportOf(w: Work, f: PointFilter, lang: Locale, asOf?: string) {
  const b = onHandByLot(w, f, asOf);
  const rows = await w.tx
    .select({
      point: POINT,
      item: ITEM,
      lots: sql<number>`count(*)::int`,
      onHand: sql<number>`sum(${b.onHand})::int`,
      earliestExpiry: sql<string>`min(${stockLots.expiryOn})::text`,
    })
    .from(b)
    .innerJoin(
      stockPoints,
      and(eq(stockPoints.missionId, w.actor.missionId), eq(stockPoints.id, b.stockPointId)),
    )
    .innerJoin(supplyItems, and(eq(supplyItems.missionId, w.actor.missionId), eq(supplyItems.id, b.itemId)))
    .innerJoin(stockLots, and(eq(stockLots.missionId, w.actor.missionId), eq(stockLots.id, b.lotId)))
    .groupBy(stockPoints.missionId, stockPoints.id, supplyItems.missionId, supplyItems.id)
    .orderBy(asc(stockPoints.name), asc(supplyItems.code));
  const out: ReportRow[] = rows.map((r) => ({
    ...pointAndItem(r.point, r.item, lang),
    category: r.item.category as ItemCategory,
    lots: r.lots,
    onHand: r.onHand,
    earliestExpiry: r.earliestExpiry,
  }));
  return {
    asOf: asOf ?? today(w),
    rows: out,
    total: out.reduce((s, r) => s + r.onHand, 0),
    inTransit: await inTransit(w, f, asOf),
  };
}

/**
 * Dispatched and not (yet, on `asOf`) received, from or to the points in scope: at neither point.
 * Without a date, the transfers still dispatched; on a date, those dispatched by then and
 * received after it.
 */
async function inTransit(w: Work, f: PointFilter, asOf?: string): Promise<number> {
  const points = pointsInScope(w, f.stockPointId);
  const [row] = await w.tx
    .select({ n: sql<number>`coalesce(sum(${stockTransferLines.quantity}), 0)::int` })
    .from(stockTransferLines)
    .innerJoin(
      stockTransfers,
      and(
        eq(stockTransfers.missionId, stockTransferLines.missionId),
        eq(stockTransfers.id, stockTransferLines.transferId),
      ),
    )
    .where(
      and(
        eq(stockTransferLines.missionId, w.actor.missionId),
        asOf
          ? and(
              lte(stockTransfers.dispatchedOn, asOf),
              or(isNull(stockTransfers.receivedOn), gt(stockTransfers.receivedOn, asOf)),
            )
          : eq(stockTransfers.status, 'dispatched'),
        or(inArray(stockTransfers.fromStockPointId, points), inArray(stockTransfers.toStockPointId, points)),
        f.category ? inArray(stockTransferLines.itemId, itemsOf(w, f.category)) : undefined,
      ),
    );
  return row?.n ?? 0;
}

// ---- levels: below minimum

type BelowRow = z.infer<typeof belowMinimumRow>;

/** Items with a level at a point whose usable stock (lots not expired) is under the minimum. */
export async function belowMinimumOf(
  w: Work,
  f: { stockPointId?: string },
  lang: Locale,
): Promise<BelowRow[]> {
  const day = today(w);
  const usable = sql<number>`coalesce(sum(${stockBalances.onHand}) filter (where ${stockLots.expiryOn} >= ${day}), 0)::int`;
  const rows = await w.tx
    .select({
      point: POINT,
      item: ITEM,
      minimum: stockLevels.minimum,
      maximum: stockLevels.maximum,
      onHand: usable,
    })
    .from(stockLevels)
    .innerJoin(
      stockPoints,
      and(eq(stockPoints.missionId, stockLevels.missionId), eq(stockPoints.id, stockLevels.stockPointId)),
    )
    .innerJoin(
      supplyItems,
      and(eq(supplyItems.missionId, stockLevels.missionId), eq(supplyItems.id, stockLevels.itemId)),
    )
    .leftJoin(
      stockBalances,
      and(
        eq(stockBalances.missionId, stockLevels.missionId),
        eq(stockBalances.stockPointId, stockLevels.stockPointId),
        eq(stockBalances.itemId, stockLevels.itemId),
      ),
    )
    .leftJoin(
      stockLots,
      and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
    )
    .where(
      and(
        eq(stockLevels.missionId, w.actor.missionId),
        stockPointScope(w),
        f.stockPointId ? eq(stockLevels.stockPointId, f.stockPointId) : undefined,
        // a retired item or a closed point is no longer restocked
        eq(supplyItems.active, true),
        eq(stockPoints.active, true),
      ),
    )
    .groupBy(
      stockLevels.missionId,
      stockLevels.stockPointId,
      stockLevels.itemId,
      stockPoints.missionId,
      stockPoints.id,
      supplyItems.missionId,
      supplyItems.id,
    )
    .having(sql`${usable} < ${stockLevels.minimum}`)
    .orderBy(asc(stockPoints.name), asc(supplyItems.code));
  return rows.map((r) => ({
    ...pointAndItem(r.point, r.item, lang),
    onHand: r.onHand,
    minimum: r.minimum,
    maximum: r.maximum,
    toOrder: Math.max(0, r.maximum - r.onHand),
  }));
}
