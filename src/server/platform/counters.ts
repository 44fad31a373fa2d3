import { sql } from 'drizzle-orm';
import { counters } from '../db/schema/index';
import type { Work } from './http';

/** The next number of a mission's yearly series; the counter row's lock serialises concurrent callers. */
export async function nextNumber(w: Work, series: string, year: number): Promise<number> {
  const [c] = await w.tx
    .insert(counters)
    .values({ missionId: w.actor.missionId, series, year, last: 1 })
    .onConflictDoUpdate({
      target: [counters.missionId, counters.series, counters.year],
      set: { last: sql`${counters.last} + 1` },
    })
    .returning({ last: counters.last });
  return c?.last ?? 1;
}
