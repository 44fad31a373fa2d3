import { and, eq, ilike, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { CountSort, countListQuery } from '../../../domain/supplies/counts';
import { stockCounts, stockPoints } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
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
import { presentCountSummary } from './counts.presenter';
import { stockPointScope } from './stock.scope';

const withPoint = <Q extends PgSelect>(q: Q) =>
  q.innerJoin(
    stockPoints,
    and(eq(stockPoints.missionId, stockCounts.missionId), eq(stockPoints.id, stockCounts.stockPointId)),
  );

/** Counts at points where the actor reads stock (the query must join `withPoint`). */
const countScope = (w: Work): SQL =>
  and(eq(stockCounts.missionId, w.actor.missionId), stockPointScope(w)) as SQL;

const selectJoined = (w: Work, at: SQL<string> = sql<string>`''`) =>
  withPoint(
    w.tx
      .select({ c: stockCounts, pointName: stockPoints.name, centreId: stockPoints.centreId, at })
      .from(stockCounts)
      .$dynamic(),
  );

/** One count in scope (404 otherwise). */
export async function loadCount(w: Work, id: string) {
  const [row] = await selectJoined(w).where(and(countScope(w), eq(stockCounts.id, id)));
  if (!row) throw notFound('Stock count');
  return row;
}

/** The open count of a point, if any. */
export async function openCountAt(w: Work, stockPointId: string) {
  const [c] = await w.tx
    .select({ id: stockCounts.id, reference: stockCounts.reference })
    .from(stockCounts)
    .where(
      and(
        eq(stockCounts.missionId, w.actor.missionId),
        eq(stockCounts.stockPointId, stockPointId),
        eq(stockCounts.status, 'open'),
      ),
    );
  return c;
}

const SORTS: Record<CountSort, SQL | PgColumn> = {
  countedOn: stockCounts.countedOn,
  reference: stockCounts.reference,
  status: stockCounts.status,
};

/** One counted page of the counts list (without lines), latest first by default. */
export async function listCounts(w: Work, query: z.infer<typeof countListQuery>) {
  const { stockPointId, status, q, limit, cursor } = query;
  const where: (SQL | undefined)[] = [countScope(w)];
  if (stockPointId) where.push(eq(stockCounts.stockPointId, stockPointId));
  if (status) where.push(eq(stockCounts.status, status));
  if (q) where.push(ilike(stockCounts.reference, likePattern(q)));
  const k = chosenKeyset(query, SORTS, stockCounts.id, {
    column: sql`${stockCounts.countedOn}::text || ' ' || ${stockCounts.reference}`,
    descending: true,
  });
  const found = await selectJoined(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, cursor)))
    .orderBy(...sortedOrder(k))
    .limit(limit + 1);
  const p = sortedPageOf(found, limit, (f) => f.c.id);
  const counted = await countUpTo(
    w.tx,
    withPoint(w.tx.select({ one: sql`1` }).from(stockCounts).$dynamic()).where(and(...where)),
  );
  return { items: p.items.map((r) => presentCountSummary(w, r)), nextCursor: p.nextCursor, ...counted };
}
