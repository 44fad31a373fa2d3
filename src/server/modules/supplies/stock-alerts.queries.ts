import { and, asc, eq, gt, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays } from '../../../domain/common/dates';
import type { Locale } from '../../../domain/common/schemas';
import { EXPIRY_ALERT_DAYS, type StockAlerts, type stockAlert } from '../../../domain/supplies/reports';
import { stockBalances, stockLots, stockPoints, supplyItems } from '../../db/schema/index';
import { today } from '../../platform/dates';
import type { Work } from '../../platform/http';
import { stockPointScope } from './stock.scope';
import { belowMinimumOf, ITEM, POINT, pointAndItem } from './stock-reports.queries';

// The stock officer's home panel: how many lots with stock have expired or expire within
// EXPIRY_ALERT_DAYS, how many items are below their minimum, and the most urgent few of each,
// in the reader's scope. Counts and a few rows: small enough for every home page load.

type Alert = z.infer<typeof stockAlert>;
/** Rows shown per kind of alert; the counts say how many there are in all. */
export const ALERTS_SHOWN = 5;

export async function stockAlertsOf(w: Work, lang: Locale): Promise<StockAlerts> {
  const day = today(w);
  const soon = addDays(day, EXPIRY_ALERT_DAYS);
  const expired = lt(stockLots.expiryOn, day);
  const expiring = and(gte(stockLots.expiryOn, day), lte(stockLots.expiryOn, soon)) as SQL;

  const lotsWithStock = () =>
    w.tx
      .select({
        point: POINT,
        item: ITEM,
        lotId: stockLots.id,
        lotNumber: stockLots.lotNumber,
        expiryOn: stockLots.expiryOn,
        onHand: stockBalances.onHand,
      })
      .from(stockBalances)
      .innerJoin(
        stockLots,
        and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
      )
      .innerJoin(
        stockPoints,
        and(
          eq(stockPoints.missionId, stockBalances.missionId),
          eq(stockPoints.id, stockBalances.stockPointId),
        ),
      )
      .innerJoin(
        supplyItems,
        and(eq(supplyItems.missionId, stockBalances.missionId), eq(supplyItems.id, stockBalances.itemId)),
      );
  const inScope = and(
    eq(stockBalances.missionId, w.actor.missionId),
    gt(stockBalances.onHand, 0),
    stockPointScope(w),
  ) as SQL;

  const [counts] = await w.tx
    .select({
      expired: sql<number>`count(*) filter (where ${expired})`.mapWith(Number),
      expiring: sql<number>`count(*) filter (where ${expiring})`.mapWith(Number),
    })
    .from(stockBalances)
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
    )
    .innerJoin(
      stockPoints,
      and(eq(stockPoints.missionId, stockBalances.missionId), eq(stockPoints.id, stockBalances.stockPointId)),
    )
    .where(and(inScope, lte(stockLots.expiryOn, soon)));
  const lotRows = async (kind: 'expired' | 'expiring_soon', cond: SQL): Promise<Alert[]> => {
    const rows = await lotsWithStock()
      .where(and(inScope, cond))
      .orderBy(asc(stockLots.expiryOn), asc(stockPoints.name), asc(supplyItems.code))
      .limit(ALERTS_SHOWN);
    return rows.map((r) => ({
      kind,
      ...pointAndItem(r.point, r.item, lang),
      lotId: r.lotId,
      lotNumber: r.lotNumber,
      expiryOn: r.expiryOn,
      onHand: r.onHand,
      minimum: null,
    }));
  };
  const below = await belowMinimumOf(w, {}, lang);
  // the emptiest first: the share of the minimum left
  const urgent = [...below]
    .sort((a, b) => a.onHand / a.minimum - b.onHand / b.minimum)
    .slice(0, ALERTS_SHOWN);
  return {
    belowMinimum: below.length,
    expiringSoon: counts?.expiring ?? 0,
    expired: counts?.expired ?? 0,
    withinDays: EXPIRY_ALERT_DAYS,
    items: [
      ...(await lotRows('expired', expired)),
      ...(await lotRows('expiring_soon', expiring)),
      ...urgent.map((r) => ({
        kind: 'below_minimum' as const,
        ...r,
        lotId: null,
        lotNumber: null,
        expiryOn: null,
      })),
    ],
  };
}
