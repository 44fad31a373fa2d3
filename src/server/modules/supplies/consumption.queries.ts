import { and, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Locale } from '../../../domain/common/schemas';
import {
  addMonths,
  type consumptionRow,
  lastWholeMonth,
  monthsEnding,
} from '../../../domain/supplies/reports';
import {
  stockBalances,
  stockLevels,
  stockLots,
  stockMovements,
  stockPoints,
  supplyItems,
} from '../../db/schema/index';
import { today } from '../../platform/dates';
import type { Work } from '../../platform/http';
import {
  ITEM,
  itemFields,
  itemsOf,
  nameIn,
  POINT,
  type PointFilter,
  pointsInScope,
} from './stock-reports.queries';

// Consumption: what left the points in scope to people (distributions and dispensing, net of
// their reversals, dated as the ledger dates them) per calendar month; the average monthly
// consumption (AMC) over those months; months of stock = usable on hand now ÷ AMC.

type Row = z.infer<typeof consumptionRow>;
const CONSUMING = ['distribution', 'dispense'];

export interface ConsumptionFilter extends PointFilter {
  to?: string;
  months: number;
  /** one row per point and item, else per item over the points */
  byPoint: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const keyOf = (pointId: string | null, itemId: string) => `${pointId ?? ''}|${itemId}`;

export async function consumptionOf(w: Work, f: ConsumptionFilter, lang: Locale) {
  const to = f.to ?? lastWholeMonth(today(w));
  const months = monthsEnding(to, f.months);
  const from = `${months[0]}-01`;
  const until = `${addMonths(to, 1)}-01`;
  const points = pointsInScope(w, f.stockPointId);

  // per key and month
  const m = stockMovements;
  const reversed = alias(stockMovements, 'reversed');
  const month = sql<string>`to_char(${m.occurredOn}, 'YYYY-MM')`;
  const mPoint = f.byPoint ? m.stockPointId : sql<string | null>`null::uuid`;
  const used = await w.tx
    .select({ pointId: mPoint, itemId: m.itemId, month, n: sql<number>`(-sum(${m.quantity}))::int` })
    .from(m)
    .leftJoin(reversed, and(eq(reversed.missionId, m.missionId), eq(reversed.id, m.reversesId)))
    .where(
      and(
        eq(m.missionId, w.actor.missionId),
        gte(m.occurredOn, from),
        lt(m.occurredOn, until),
        sql`(${inArray(m.kind, CONSUMING)} or (${eq(m.kind, 'reversal')} and ${inArray(reversed.kind, CONSUMING)}))`,
        inArray(m.stockPointId, points),
        f.category ? inArray(m.itemId, itemsOf(w, f.category)) : undefined,
      ),
    )
    .groupBy(...groupCols(f.byPoint, m.stockPointId, m.itemId), month);

  // usable on hand now (lots not expired)
  const bPoint = f.byPoint ? stockBalances.stockPointId : sql<string | null>`null::uuid`;
  const onHand = await w.tx
    .select({
      pointId: bPoint,
      itemId: stockBalances.itemId,
      n: sql<number>`sum(${stockBalances.onHand})::int`,
    })
    .from(stockBalances)
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
    )
    .where(
      and(
        eq(stockBalances.missionId, w.actor.missionId),
        gt(stockBalances.onHand, 0),
        gte(stockLots.expiryOn, today(w)),
        inArray(stockBalances.stockPointId, points),
        f.category ? inArray(stockBalances.itemId, itemsOf(w, f.category)) : undefined,
      ),
    )
    .groupBy(...groupCols(f.byPoint, stockBalances.stockPointId, stockBalances.itemId));

  // levels: per point, or summed over the points that have one
  const lPoint = f.byPoint ? stockLevels.stockPointId : sql<string | null>`null::uuid`;
  const levels = await w.tx
    .select({
      pointId: lPoint,
      itemId: stockLevels.itemId,
      minimum: sql<number>`sum(${stockLevels.minimum})::int`,
      maximum: sql<number>`sum(${stockLevels.maximum})::int`,
    })
    .from(stockLevels)
    .where(
      and(
        eq(stockLevels.missionId, w.actor.missionId),
        inArray(stockLevels.stockPointId, points),
        f.category ? inArray(stockLevels.itemId, itemsOf(w, f.category)) : undefined,
      ),
    )
    .groupBy(...groupCols(f.byPoint, stockLevels.stockPointId, stockLevels.itemId));

  const keys = new Map<string, { pointId: string | null; itemId: string }>();
  for (const r of [...used, ...onHand, ...levels]) keys.set(keyOf(r.pointId, r.itemId), r);
  const usedBy = new Map(used.map((r) => [`${keyOf(r.pointId, r.itemId)}|${r.month}`, r.n]));
  const onHandBy = new Map(onHand.map((r) => [keyOf(r.pointId, r.itemId), r.n]));
  const levelBy = new Map(levels.map((r) => [keyOf(r.pointId, r.itemId), r]));
  const { items, pointsById } = await namesOf(w, [...keys.values()]);

  const rows: (Row & { sortKey: string })[] = [];
  for (const [key, k] of keys) {
    const item = items.get(k.itemId);
    const point = k.pointId ? pointsById.get(k.pointId) : null;
    if (!item || point === undefined) continue;
    const monthly = months.map((mo) => usedBy.get(`${key}|${mo}`) ?? 0);
    const amc = monthly.reduce((s, n) => s + n, 0) / months.length;
    const stock = onHandBy.get(key) ?? 0;
    const level = levelBy.get(key);
    rows.push({
      stockPointId: point?.id ?? null,
      stockPointName: point ? nameIn(point, lang) : null,
      ...itemFields(item, lang),
      monthly,
      averageMonthly: round2(amc),
      onHand: stock,
      monthsOfStock: amc > 0 ? round2(stock / amc) : null,
      minimum: level?.minimum ?? null,
      maximum: level?.maximum ?? null,
      belowMinimum: !!level && stock < level.minimum,
      sortKey: `${point?.name ?? ''}\u0000${item.code}`,
    });
  }
  rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return { months, rows: rows.map(({ sortKey: _, ...r }) => r) };
}

const groupCols = (byPoint: boolean, point: PgColumn, item: PgColumn) => (byPoint ? [point, item] : [item]);

/** The items and points the rows name, in two queries. */
async function namesOf(w: Work, keys: { pointId: string | null; itemId: string }[]) {
  const itemIds = [...new Set(keys.map((k) => k.itemId))];
  const pointIds = [...new Set(keys.flatMap((k) => (k.pointId ? [k.pointId] : [])))];
  const items = itemIds.length
    ? await w.tx
        .select(ITEM)
        .from(supplyItems)
        .where(and(eq(supplyItems.missionId, w.actor.missionId), inArray(supplyItems.id, itemIds)))
    : [];
  const pts = pointIds.length
    ? await w.tx
        .select(POINT)
        .from(stockPoints)
        .where(and(eq(stockPoints.missionId, w.actor.missionId), inArray(stockPoints.id, pointIds)))
    : [];
  return { items: new Map(items.map((i) => [i.id, i])), pointsById: new Map(pts.map((p) => [p.id, p])) };
}
