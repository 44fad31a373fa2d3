import { and, asc, eq } from 'drizzle-orm';
import type { StockCount } from '../../../domain/supplies/counts';
import {
  stockBalances,
  stockCountLines,
  type stockCounts,
  stockLots,
  supplyItems,
} from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { countPolicy } from './stock.policy';
import { pointReach } from './stock.scope';

/** A count row with its point's name and centre (as the queries join them). */
export interface CountRow {
  c: typeof stockCounts.$inferSelect;
  pointName: string;
  centreId: string | null;
}

export const countRecord = (r: CountRow) => ({ reach: pointReach(r), status: r.c.status });

export const presentCountSummary = (w: Work, r: CountRow): Omit<StockCount, 'lines'> => ({
  id: r.c.id,
  reference: r.c.reference,
  stockPointId: r.c.stockPointId,
  stockPointName: r.pointName,
  countedOn: r.c.countedOn,
  status: r.c.status as StockCount['status'],
  approvedAt: r.c.approvedAt ? r.c.approvedAt.toISOString() : null,
  version: r.c.version,
  allowedActions: allowedActions(w.actor, countPolicy, countRecord(r)),
});

/** The sheet's lines with their item, lot and the point's on-hand now. */
export const sheetLines = (w: Work, c: Pick<CountRow['c'], 'id' | 'stockPointId'>) =>
  w.tx
    .select({ l: stockCountLines, item: supplyItems, lot: stockLots, live: stockBalances.onHand })
    .from(stockCountLines)
    .innerJoin(
      supplyItems,
      and(eq(supplyItems.missionId, stockCountLines.missionId), eq(supplyItems.id, stockCountLines.itemId)),
    )
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockCountLines.missionId), eq(stockLots.id, stockCountLines.lotId)),
    )
    .leftJoin(
      stockBalances,
      and(
        eq(stockBalances.missionId, stockCountLines.missionId),
        eq(stockBalances.stockPointId, c.stockPointId),
        eq(stockBalances.itemId, stockCountLines.itemId),
        eq(stockBalances.lotId, stockCountLines.lotId),
      ),
    )
    .where(and(eq(stockCountLines.missionId, w.actor.missionId), eq(stockCountLines.countId, c.id)))
    .orderBy(asc(supplyItems.code), asc(stockLots.expiryOn), asc(stockLots.lotNumber));

/**
 * A count with its lines. An open sheet shows the on-hand now and what approval would post
 * (counted − on-hand now); an approved one what was on hand then and what was posted; a
 * cancelled one the on-hand now and no difference.
 */
export async function presentCount(w: Work, r: CountRow): Promise<StockCount> {
  const rows = await sheetLines(w, r.c);
  const status = r.c.status;
  return {
    ...presentCountSummary(w, r),
    lines: rows.map(({ l, item, lot, live }) => {
      const onHand = status === 'approved' ? (l.onHandAtApproval ?? 0) : (live ?? 0);
      const difference =
        status === 'approved'
          ? l.adjustment
          : status === 'open' && l.counted !== null
            ? l.counted - onHand
            : null;
      return {
        itemId: l.itemId,
        itemCode: item.code,
        itemName: item.name,
        baseUnit: item.baseUnit,
        packSize: item.packSize,
        lotId: l.lotId,
        lotNumber: lot.lotNumber,
        expiryOn: lot.expiryOn,
        counted: l.counted,
        onHand,
        difference,
        reason: l.reason as StockCount['lines'][number]['reason'],
      };
    }),
  };
}
