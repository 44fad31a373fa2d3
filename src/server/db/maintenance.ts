import { sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context';

/** After start-up, once the first requests are served; then daily. */
const FIRST_AFTER_MS = 60_000;
const EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * VACUUM (ANALYZE) the embedded database. PGlite has no autovacuum: without this, dead rows are
 * never reclaimed, the planner's statistics go stale and index-only scans (the blocking-key
 * lookup of name search) visit the table for every row. A PostgreSQL server's autovacuum does
 * this on its own, so it is left alone there.
 */
export async function maintainDatabase(ctx: Pick<AppContext, 'database' | 'log'>): Promise<boolean> {
  if (ctx.database.kind !== 'pglite') return false;
  const t0 = performance.now();
  await ctx.database.db.execute(sql`vacuum (analyze)`);
  ctx.log.info({ ms: Math.round(performance.now() - t0) }, 'database maintenance: vacuum (analyze)');
  return true;
}

/** Runs `maintainDatabase` a minute after start-up and then daily; the timers never hold the process. */
export function scheduleMaintenance(ctx: Pick<AppContext, 'database' | 'log'>): () => void {
  const run = () =>
    maintainDatabase(ctx).catch((err: unknown) => ctx.log.warn({ err }, 'database maintenance failed'));
  const first = setTimeout(run, FIRST_AFTER_MS);
  const daily = setInterval(run, EVERY_MS);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
