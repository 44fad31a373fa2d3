import { and, asc, desc, gt, type InferSelectModel, or, type SQL, type Subquery, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { LIST_TOTAL_CAP } from '../../domain/common/schemas';
import type { Tx } from '../db/engine';
import { badRequest } from './errors';

/**
 * Keyset pagination on (sort column, id): stable under inserts, cheap at any depth.
 * The cursor is opaque to clients (base64url JSON of the last row's keys).
 */
export interface Keyset {
  sort: PgColumn;
  id: PgColumn;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const clean = (x: unknown) => typeof x === 'string' && x.length <= 300 && !x.includes('\u0000');
    if (Array.isArray(v) && v.length === 2 && clean(v[0]) && clean(v[1]) && UUID.test(v[1])) {
      return [v[0], v[1]];
    }
  } catch {
    // fall through
  }
  throw badRequest('The cursor is not valid', [{ path: 'cursor', message: 'Invalid cursor' }]);
}

export const encodeCursor = (sortValue: string, id: string) =>
  Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');

export function afterCursor(k: Keyset, cursor: string | undefined): SQL | undefined {
  const c = decodeCursor(cursor);
  if (!c) return undefined;
  return or(gt(k.sort, c[0]), and(sql`${k.sort} = ${c[0]}`, gt(k.id, c[1])));
}

export const keysetOrder = (k: Keyset) => [asc(k.sort), asc(k.id)];

/** Fetch limit+1 rows, return `limit` and the cursor for the next page. */
export function pageOf<R>(rowsPlusOne: R[], limit: number, keys: (r: R) => [string, string]) {
  const items = rowsPlusOne.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rowsPlusOne.length > limit && last ? encodeCursor(...keys(last)) : null;
  return { items, nextCursor };
}

/**
 * A list sorted by a column the user chose, either way, paged by keyset on (column, id). The
 * column must never be null (coalesce a nullable one), so that row comparison stays total.
 */
export interface SortedKeyset {
  column: SQL | PgColumn;
  id: PgColumn;
  descending: boolean;
}

export function sortedAfter(k: SortedKeyset, cursor: string | undefined): SQL | undefined {
  const c = decodeCursor(cursor);
  if (!c) return undefined;
  const op = k.descending ? sql`<` : sql`>`;
  return or(sql`${k.column} ${op} ${c[0]}`, and(sql`${k.column} = ${c[0]}`, sql`${k.id} ${op} ${c[1]}`));
}

export const sortedOrder = (k: SortedKeyset) => {
  const dir = k.descending ? desc : asc;
  return [dir(k.column), dir(k.id)];
};

/** The sort value as the cursor holds it: select it beside the row as `at`. */
export const sortedValue = (k: SortedKeyset) => sql<string>`(${k.column})::text`;

/** Fetch limit+1 rows selected with `at: sortedValue(k)`; return `limit` and the next cursor. */
export function sortedPageOf<R extends { at: string }>(found: R[], limit: number, id: (r: R) => string) {
  return pageOf(found, limit, (r) => [r.at, id(r)]);
}

/** Anything a count can be read from: a select with its filters applied, made dynamic. */
interface Countable {
  limit(n: number): { as(alias: string): Subquery };
}

/**
 * An exact count up to the cap, read through the list's own filters (so the total is what the
 * reader may see), with a bounded cost at any size: `select count(*) from (… limit cap+1)`.
 */
export async function countUpTo(
  tx: Tx,
  inner: Countable,
  cap = LIST_TOTAL_CAP,
): Promise<{ total: number; totalCapped: boolean }> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(inner.limit(cap + 1).as('capped'));
  const n = Number(row?.n ?? 0);
  return { total: Math.min(n, cap), totalCapped: n > cap };
}

/**
 * One counted page of a table's rows: those matching `where` (the list's scope and filters),
 * sorted and paged by `k`, with the total counted through the same `where`. For lists whose rows
 * are one table's (the directory, the audit log); a list that joins builds the same from the parts.
 */
export async function countedSortedPage<T extends PgTable>(
  tx: Tx,
  table: T,
  where: SQL | undefined,
  k: SortedKeyset,
  q: { cursor?: string | undefined; limit: number },
): Promise<{ items: InferSelectModel<T>[]; nextCursor: string | null; total: number; totalCapped: boolean }> {
  const from = table as unknown as PgTable;
  const found = (await tx
    .select({ row: from, at: sortedValue(k) } as unknown as { row: PgTable; at: SQL<string> })
    .from(from)
    .where(and(where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1)) as unknown as { row: InferSelectModel<T> & { id: string }; at: string }[];
  const p = sortedPageOf(found, q.limit, (f) => f.row.id);
  const counted = await countUpTo(tx, tx.select({ one: sql`1` }).from(from).where(where).$dynamic());
  return { items: p.items.map((f) => f.row), nextCursor: p.nextCursor, ...counted };
}

/**
 * The keyset a list's query asks for: the chosen column either way, or (without `sort`) the
 * list's own default order, which may be descending or a composite of several columns.
 */
export function chosenKeyset<S extends string>(
  q: { sort?: S | undefined; order: 'asc' | 'desc' },
  columns: Record<S, SQL | PgColumn>,
  id: PgColumn,
  byDefault: { column: SQL | PgColumn; descending: boolean },
): SortedKeyset {
  return q.sort ? { column: columns[q.sort], id, descending: q.order === 'desc' } : { ...byDefault, id };
}
