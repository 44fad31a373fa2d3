import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn, type PgSelect } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { canRead } from '../../../domain/access/roles';
import type { TransferSort, transferListQuery } from '../../../domain/supplies/transfers';
import { stockPoints, stockTransferLines, stockTransfers } from '../../db/schema/index';
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
import { stockPointScope } from './stock.scope';
import { presentTransfers } from './transfers.presenter';

/** A stock point as transfers and counts need it: where it is reached, whether it is open. */
export type PointRow = typeof stockPoints.$inferSelect & { reach: readonly string[] };

export const fromPoint = alias(stockPoints, 'from_point');
export const toPoint = alias(stockPoints, 'to_point');

/** Transfers joined to their two points (names for the presenter, centres for the scope). */
export const withPoints = <Q extends PgSelect>(q: Q) =>
  q
    .innerJoin(
      fromPoint,
      and(
        eq(fromPoint.missionId, stockTransfers.missionId),
        eq(fromPoint.id, stockTransfers.fromStockPointId),
      ),
    )
    .innerJoin(
      toPoint,
      and(eq(toPoint.missionId, stockTransfers.missionId), eq(toPoint.id, stockTransfers.toStockPointId)),
    );

/** Transfers from or to a point where the actor reads stock (the query must join `withPoints`). */
export const transferScope = (w: Work): SQL =>
  and(
    eq(stockTransfers.missionId, w.actor.missionId),
    or(
      stockPointScope(w, 'stock', canRead, fromPoint.centreId),
      stockPointScope(w, 'stock', canRead, toPoint.centreId),
    ),
  ) as SQL;

const selectJoined = (w: Work, at: SQL<string> = sql<string>`''`) =>
  withPoints(
    w.tx
      .select({
        t: stockTransfers,
        fromName: fromPoint.name,
        toName: toPoint.name,
        from: { centreId: fromPoint.centreId },
        to: { centreId: toPoint.centreId },
        at,
      })
      .from(stockTransfers)
      .$dynamic(),
  );
export type TransferJoined = Awaited<ReturnType<typeof selectJoined>>[number];

/** One transfer in scope (404 otherwise). */
export async function loadTransfer(w: Work, id: string): Promise<TransferJoined> {
  const [row] = await selectJoined(w).where(and(transferScope(w), eq(stockTransfers.id, id)));
  if (!row) throw notFound('Transfer');
  return row;
}

const SORTS: Record<TransferSort, SQL | PgColumn> = {
  dispatchedOn: stockTransfers.dispatchedOn,
  reference: stockTransfers.reference,
  status: stockTransfers.status,
};

/** One counted page of the transfers list; `stockPointId` matches either end. */
export async function listTransfers(w: Work, query: z.infer<typeof transferListQuery>) {
  const { stockPointId, status, q, limit, cursor } = query;
  const where: (SQL | undefined)[] = [transferScope(w)];
  if (stockPointId)
    where.push(
      or(eq(stockTransfers.fromStockPointId, stockPointId), eq(stockTransfers.toStockPointId, stockPointId)),
    );
  if (status) where.push(eq(stockTransfers.status, status));
  if (q) where.push(ilike(stockTransfers.reference, likePattern(q)));
  // newest first: the reference grows with each dispatch, so it breaks ties within a day
  const k = chosenKeyset(query, SORTS, stockTransfers.id, {
    column: sql`${stockTransfers.dispatchedOn}::text || ' ' || ${stockTransfers.reference}`,
    descending: true,
  });
  const found = await selectJoined(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, cursor)))
    .orderBy(...sortedOrder(k))
    .limit(limit + 1);
  const p = sortedPageOf(found, limit, (f) => f.t.id);
  const counted = await countUpTo(
    w.tx,
    withPoints(w.tx.select({ one: sql`1` }).from(stockTransfers).$dynamic()).where(and(...where)),
  );
  return { items: await presentTransfers(w, p.items), nextCursor: p.nextCursor, ...counted };
}

/** Stock dispatched and not yet received, per line (item and lot), in the actor's scope. */
export async function inTransit(w: Work) {
  const rows = await withPoints(
    w.tx
      .select({
        transferId: stockTransfers.id,
        reference: stockTransfers.reference,
        fromStockPointId: stockTransfers.fromStockPointId,
        toStockPointId: stockTransfers.toStockPointId,
        itemId: stockTransferLines.itemId,
        lotId: stockTransferLines.lotId,
        quantity: stockTransferLines.quantity,
        dispatchedOn: stockTransfers.dispatchedOn,
      })
      .from(stockTransfers)
      .innerJoin(
        stockTransferLines,
        and(
          eq(stockTransferLines.missionId, stockTransfers.missionId),
          eq(stockTransferLines.transferId, stockTransfers.id),
        ),
      )
      .$dynamic(),
  )
    .where(and(transferScope(w), eq(stockTransfers.status, 'dispatched')))
    .orderBy(
      asc(stockTransfers.dispatchedOn),
      asc(stockTransfers.reference),
      asc(stockTransferLines.position),
    );
  return { items: rows };
}
