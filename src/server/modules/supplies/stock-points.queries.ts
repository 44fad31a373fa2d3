import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { STOCK_POINT_SORTS, StockPoint, stockPointListQuery } from '../../../domain/supplies/catalogue';
import { centres, stockPoints } from '../../db/schema/index';
import { notFound, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { allowedActions, type Reach } from '../../platform/policy';
import { iso, likePattern } from '../../platform/records';
import { stockPointPolicy } from './stock.policy';
import { pointIs, pointReach, pointSeen, stockPointScope } from './stock.scope';

// Stock points as their readers see them: through pointSeen (those who read stock or assistance,
// at the points of their centres; a warehouse serving no centre only mission-wide).

export type StockPointRow = typeof stockPoints.$inferSelect;
export type LoadedStockPoint = StockPointRow & { reach: Reach; centreName: string | null };

const select = (w: Work, at: SQL<string> = sql<string>`''`) =>
  w.tx
    .select({ p: stockPoints, centreName: centres.name, at })
    .from(stockPoints)
    .leftJoin(
      centres,
      and(eq(centres.missionId, stockPoints.missionId), eq(centres.id, stockPoints.centreId)),
    );

const loaded = (r: { p: StockPointRow; centreName: string | null }): LoadedStockPoint => ({
  ...r.p,
  reach: pointReach(r.p),
  centreName: r.centreName,
});

/**
 * A stock point the actor may see, with its reach (for the policy) and its centre's name. Not
 * visible: 404, or with `path` (a point named in a request body) 422 on that field. `stock`: seen
 * by stock readers only (the ledger's routes), not through assistance; `active`: a write's point
 * must be in use (422 on `path`).
 */
export async function loadStockPoint(
  w: Work,
  id: string,
  path?: string,
  opts: { stock?: boolean; active?: boolean } = {},
): Promise<LoadedStockPoint> {
  const seen = opts.stock ? stockPointScope(w) : pointSeen(w);
  const [row] = await select(w).where(and(pointIs(w, id), seen));
  if (!row) {
    if (path) throw unprocessable('No such stock point', [{ path, message: 'Unknown stock point' }]);
    throw notFound('Stock point');
  }
  if (opts.active && !row.p.active)
    throw unprocessable('This stock point is no longer in use', [
      { path: path ?? 'stockPointId', message: 'Inactive stock point' },
    ]);
  return loaded(row);
}

export const presentStockPoint = (w: Pick<Work, 'actor'>, p: LoadedStockPoint): StockPoint => ({
  id: p.id,
  name: p.name,
  nameAr: p.nameAr,
  nameFr: p.nameFr,
  kind: p.kind as StockPoint['kind'],
  centreId: p.centreId,
  centreName: p.centreName,
  active: p.active,
  version: p.version,
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
  allowedActions: allowedActions(w.actor, stockPointPolicy, { reach: p.reach }),
});

/** Sort columns; a point serving no centre sorts as an empty centre name (keyset stays total). */
const SORTS: Record<(typeof STOCK_POINT_SORTS)[number], SQL | PgColumn> = {
  name: stockPoints.name,
  kind: stockPoints.kind,
  centre: sql`coalesce(${centres.name}, '')`,
};

/** One page of the points the actor may see; `q` matches a name in any language. */
export async function listStockPoints(w: Work, query: z.infer<typeof stockPointListQuery>) {
  const { q, kind, centreId, active, limit, cursor } = query;
  const where: (SQL | undefined)[] = [eq(stockPoints.missionId, w.actor.missionId), pointSeen(w)];
  if (q) {
    const p = likePattern(q);
    where.push(or(ilike(stockPoints.name, p), ilike(stockPoints.nameAr, p), ilike(stockPoints.nameFr, p)));
  }
  if (kind) where.push(eq(stockPoints.kind, kind));
  if (centreId) where.push(eq(stockPoints.centreId, centreId));
  if (active) where.push(eq(stockPoints.active, active === 'true'));
  const k = chosenKeyset(query, SORTS, stockPoints.id, { column: stockPoints.name, descending: false });
  const found = await select(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, cursor)))
    .orderBy(...sortedOrder(k))
    .limit(limit + 1);
  const p = sortedPageOf(found, limit, (f) => f.p.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(stockPoints)
      .where(and(...where))
      .$dynamic(),
  );
  return { items: p.items.map((r) => presentStockPoint(w, loaded(r))), nextCursor: p.nextCursor, ...counted };
}
