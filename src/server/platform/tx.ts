import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/engine';

/**
 * Runs `fn` in one transaction as the unprivileged `sanad_app` role with the mission set, so
 * PostgreSQL's row-level security walls each mission off even if a query forgets to filter.
 */
export function inMission<T>(database: Database, missionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'sanad_app', true), set_config('app.mission_id', ${missionId}, true)`,
    );
    return fn(tx);
  });
}

/**
 * A transaction as the owning role, which row-level security does not restrict. Only sign-in,
 * session look-up, the CLI and migrations use it: they must find a user before knowing the mission.
 */
export function inSystem<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(fn);
}

export type RowsOf<T> = { rows: T[] };
/** Both drivers return `{ rows }` from execute(). */
export async function rows<T>(q: Promise<unknown>): Promise<T[]> {
  return ((await q) as RowsOf<T>).rows;
}
