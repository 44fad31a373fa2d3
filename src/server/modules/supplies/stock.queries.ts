import { and, eq, gt, ilike, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { addDays } from '../../../domain/common/dates';
import type { STOCK_SORTS, StockLine, stockQuery } from '../../../domain/supplies/movements';
import { projects, stockBalances, stockLots, stockPoints, supplyItems } from '../../db/schema/index';
import { today } from '../../platform/dates';
import type { Work } from '../../platform/http';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { likePattern } from '../../platform/records';
import { issueBlock, settingsOf } from './lots.service';
import { stockPointScope } from './stock.scope';

// On hand (stock_balances) as the stock officer reads it, and the stock point loader of the ledger
// routes. (The catalogue's `loadStockPoint` will replace `pointForStock` at merge.)

export type PointRow = typeof stockPoints.$inferSelect;

type StockSort = (typeof STOCK_SORTS)[number];

// (point, lot) is unique in stock_balances (a lot is one item's), so each sort key ends with the
// point and pages by the lot id: a total order for the keyset whatever the column chosen.
const tail = sql`' ' || ${stockBalances.stockPointId}::text`;
const SORTS: Record<StockSort, SQL | PgColumn> = {
  item: sql`${supplyItems.code} || ' ' || ${stockLots.expiryOn}::text || ${tail}`,
  expiry: sql`${stockLots.expiryOn}::text || ' ' || ${supplyItems.code} || ${tail}`,
  // on hand is never negative (a check constraint): zero-padded text sorts as the number
  quantity: sql`lpad(${stockBalances.onHand}::text, 10, '0') || ${tail}`,
  point: sql`${stockPoints.name} || ' ' || ${supplyItems.code} || ' ' || ${stockLots.expiryOn}::text || ${tail}`,
};

const selectStock = (w: Work, at: SQL<string>) =>
  w.tx
    .select({
      b: stockBalances,
      pointName: stockPoints.name,
      item: supplyItems,
      lot: stockLots,
      projectCode: projects.code,
      at,
    })
    .from(stockBalances)
    .innerJoin(
      stockPoints,
      and(eq(stockPoints.missionId, stockBalances.missionId), eq(stockPoints.id, stockBalances.stockPointId)),
    )
    .innerJoin(
      supplyItems,
      and(eq(supplyItems.missionId, stockBalances.missionId), eq(supplyItems.id, stockBalances.itemId)),
    )
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
    )
    .leftJoin(
      projects,
      and(eq(projects.missionId, stockLots.missionId), eq(projects.id, stockLots.projectId)),
    );

/** The filters of the on-hand list, within the points the actor reads stock at. */
function stockWhere(w: Work, q: z.infer<typeof stockQuery>): SQL {
  const where: (SQL | undefined)[] = [eq(stockBalances.missionId, w.actor.missionId), stockPointScope(w)];
  if (q.includeEmpty !== 'true') where.push(gt(stockBalances.onHand, 0));
  if (q.stockPointId) where.push(eq(stockBalances.stockPointId, q.stockPointId));
  if (q.itemId) where.push(eq(stockBalances.itemId, q.itemId));
  if (q.category) where.push(eq(supplyItems.category, q.category));
  if (q.expiringWithinDays !== undefined)
    where.push(lte(stockLots.expiryOn, addDays(today(w), q.expiringWithinDays)));
  if (q.q) {
    const p = likePattern(q.q.trim());
    where.push(
      or(
        ilike(supplyItems.code, p),
        ilike(supplyItems.name, p),
        ilike(supplyItems.nameAr, p),
        ilike(supplyItems.nameFr, p),
        ilike(stockLots.lotNumber, p),
      ),
    );
  }
  return and(...where) as SQL;
}

/** One counted page of on hand per point, item and lot (the list and its export). */
export async function listStock(w: Work, q: z.infer<typeof stockQuery>) {
  const where = stockWhere(w, q);
  const k = chosenKeyset(q, SORTS, stockBalances.lotId, { column: SORTS.item, descending: false });
  const found = await selectStock(w, sortedValue(k))
    .where(and(where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const p = sortedPageOf(found, q.limit, (f) => f.b.lotId);
  const on = today(w);
  const settings = await settingsOf(w);
  const counted = await countUpTo(w.tx, selectStock(w, sql<string>`''`).where(where).$dynamic());
  const items: StockLine[] = p.items.map(({ b, pointName, item, lot, projectCode }) => ({
    stockPointId: b.stockPointId,
    stockPointName: pointName,
    itemId: item.id,
    itemCode: item.code,
    itemName: item.name,
    category: item.category as StockLine['category'],
    baseUnit: item.baseUnit,
    packSize: item.packSize,
    lotId: lot.id,
    lotNumber: lot.lotNumber,
    expiryOn: lot.expiryOn,
    expired: lot.expiryOn < on,
    blocked: issueBlock(lot, item.category, on, settings) !== null,
    projectId: lot.projectId,
    projectCode,
    onHand: b.onHand,
  }));
  return { items, nextCursor: p.nextCursor, ...counted };
}
