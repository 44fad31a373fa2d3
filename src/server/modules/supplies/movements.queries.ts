import { and, eq, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { movementListQuery, stockCardQuery } from '../../../domain/supplies/movements';
import { stockMovements } from '../../db/schema/index';
import { badRequest, notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { countUpTo, decodeCursor, encodeCursor } from '../../platform/pagination';
import { iso, likePattern } from '../../platform/records';
import { LEDGER_ORDER, type MovementJoined, presentMovement, selectMovements } from './movements.presenter';
import { stockPointScope } from './stock.scope';

// Reads of the ledger: one entry, the list (newest first) and the stock card (oldest first, with
// the running balance). Both page by the ledger's own order (date, recorded time, id), whose
// cursor holds "date|time" and the id.

const keyOf = (r: MovementJoined) => encodeCursor(`${r.m.occurredOn}|${iso(r.m.recordedAt)}`, r.m.id);

/** Entries on the `op` side of one entry's place in the ledger's order. */
const beside = (op: SQL, day: string, at: string, id: string) =>
  sql`(${LEDGER_ORDER}) ${op} (${day}::date, ${at}::timestamptz, ${id}::uuid)`;

/** Entries after (or, newest first, before) the cursor's, in the ledger's order. */
function ledgerAfter(cursor: string | undefined, descending: boolean): SQL | undefined {
  const c = decodeCursor(cursor);
  if (!c) return undefined;
  const [day, at] = c[0].split('|');
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !at || Number.isNaN(Date.parse(at)))
    throw badRequest('The cursor is not valid', [{ path: 'cursor', message: 'Invalid cursor' }]);
  return beside(descending ? sql`<` : sql`>`, day, at, c[1]);
}

const pageOf = <R extends MovementJoined>(found: R[], limit: number) => ({
  rows: found.slice(0, limit),
  nextCursor: found.length > limit ? keyOf(found[limit - 1] as R) : null,
});

/** One entry at a point the actor reads stock at (404 otherwise). */
export async function loadMovement(w: Work, id: string): Promise<MovementJoined> {
  const [row] = await selectMovements(w).where(
    and(eq(stockMovements.missionId, w.actor.missionId), eq(stockMovements.id, id), stockPointScope(w)),
  );
  if (!row) throw notFound('Stock movement');
  return row;
}

/** The ledger list, newest first, counted through the same filters. */
export async function listMovements(w: Work, q: z.infer<typeof movementListQuery>) {
  const m = stockMovements;
  const where: (SQL | undefined)[] = [eq(m.missionId, w.actor.missionId), stockPointScope(w)];
  if (q.stockPointId) where.push(eq(m.stockPointId, q.stockPointId));
  if (q.itemId) where.push(eq(m.itemId, q.itemId));
  if (q.lotId) where.push(eq(m.lotId, q.lotId));
  if (q.kind) where.push(eq(m.kind, q.kind));
  if (q.documentNumber) where.push(ilike(m.documentNumber, likePattern(q.documentNumber.trim())));
  if (q.from) where.push(gte(m.occurredOn, q.from));
  if (q.to) where.push(lte(m.occurredOn, q.to));
  const found = await selectMovements(w)
    .where(and(...where, ledgerAfter(q.cursor, true)))
    .orderBy(sql`${m.occurredOn} desc, ${m.recordedAt} desc, ${m.id} desc`)
    .limit(q.limit + 1);
  const p = pageOf(found, q.limit);
  const counted = await countUpTo(
    w.tx,
    selectMovements(w)
      .where(and(...where))
      .$dynamic(),
  );
  return { items: p.rows.map((r) => presentMovement(w, r)), nextCursor: p.nextCursor, ...counted };
}

/**
 * The stock card of an item at a point (the caller has checked the point): entries oldest first,
 * each with its lot's balance after it (a window over the whole ledger up to `to`, so a page or a
 * `from` does not restart it), the item's balance before the first entry shown and at `to`.
 */
export async function stockCardOf(w: Work, q: z.infer<typeof stockCardQuery>) {
  const m = stockMovements;
  const base: (SQL | undefined)[] = [
    eq(m.missionId, w.actor.missionId),
    eq(m.stockPointId, q.stockPointId),
    eq(m.itemId, q.itemId),
    q.lotId ? eq(m.lotId, q.lotId) : undefined,
  ];
  const upTo = and(...base, q.to ? lte(m.occurredOn, q.to) : undefined);
  const running = w.tx
    .select({
      id: m.id,
      balance:
        sql<number>`(sum(${m.quantity}) over (partition by ${m.lotId} order by ${LEDGER_ORDER}))::int`.as(
          'balance',
        ),
    })
    .from(m)
    .where(upTo)
    .as('running');
  const found = await selectMovements(w, { balance: sql<number>`${running.balance}` })
    .innerJoin(running, eq(running.id, m.id))
    .where(
      and(
        eq(m.missionId, w.actor.missionId),
        q.from ? gte(m.occurredOn, q.from) : undefined,
        ledgerAfter(q.cursor, false),
      ),
    )
    .orderBy(LEDGER_ORDER)
    .limit(q.limit + 1);
  const p = pageOf(found, q.limit);
  const sumWhere = async (where: SQL | undefined) => {
    const [s] = await w.tx
      .select({ n: sql<number>`coalesce(sum(${m.quantity}), 0)::int` })
      .from(m)
      .where(where);
    return Number(s?.n ?? 0);
  };
  // the balance before the first entry shown (before `from` on the first page); none shown: the end
  const first = p.rows[0];
  const before = (r: MovementJoined) => beside(sql`<`, r.m.occurredOn, iso(r.m.recordedAt), r.m.id);
  const closingBalance = await sumWhere(upTo);
  return {
    stockPointId: q.stockPointId,
    itemId: q.itemId,
    openingBalance: first ? await sumWhere(and(...base, before(first))) : closingBalance,
    closingBalance,
    items: p.rows.map((r) => presentMovement(w, r, Number(r.balance))),
    nextCursor: p.nextCursor,
  };
}
