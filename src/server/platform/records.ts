import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { notFound, staleVersion } from './errors';
import type { Work } from './http';

/** Field names whose values a patch really changes (audit records names, never values). */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): string[] {
  return Object.keys(patch).filter((k) => {
    const a = before[k];
    const b = patch[k];
    if (b === undefined) return false;
    return JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
  });
}

type Versioned = PgTable & {
  missionId: PgColumn;
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  updatedBy: PgColumn;
};

/**
 * Optimistic concurrency: the update applies only if the row still has the version the client
 * read; otherwise 409 (or 404 if it is gone). Bumps version, updated_at and updated_by.
 */
export async function updateVersioned<T extends Versioned>(
  w: Work,
  table: T,
  id: string,
  expectedVersion: number,
  patch: Record<string, unknown>,
): Promise<T['$inferSelect']> {
  const where = and(eq(table.missionId, w.actor.missionId), eq(table.id, id)) as SQL;
  const updated = await w.tx
    .update(table)
    .set({
      ...patch,
      version: sql`${table.version} + 1`,
      updatedAt: w.now,
      updatedBy: w.actor.userId,
    } as never)
    .where(and(where, eq(table.version, expectedVersion)))
    .returning();
  const rows = updated as unknown as T['$inferSelect'][];
  if (rows.length === 1) return rows[0] as T['$inferSelect'];
  const exists = (await w.tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(where)) as unknown[];
  throw exists.length ? staleVersion() : notFound();
}

/** The bookkeeping columns for a new row. */
export const created = (w: Work) => ({
  missionId: w.actor.missionId,
  createdAt: w.now,
  createdBy: w.actor.userId,
  updatedAt: w.now,
  updatedBy: w.actor.userId,
});

export const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();

/** SQL `ILIKE` pattern from user text: wildcards in the text are matched literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A patch that flips `active` is a deactivation or reactivation, authorised and audited as such. */
export function activeChange(
  current: boolean,
  next: boolean | undefined,
): 'deactivate' | 'reactivate' | null {
  if (next === undefined || next === current) return null;
  return next ? 'reactivate' : 'deactivate';
}
