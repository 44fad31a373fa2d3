import { and, asc, gt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
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
