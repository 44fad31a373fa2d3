import { and, eq } from 'drizzle-orm';
import { persons, referrals } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { personScope } from '../registry/persons.scope';
import { referralScope } from './scope';

type Row = typeof referrals.$inferSelect;

/** A referral the actor may see, whose person they may see too (one query), or 404. */
export async function loadReferral(w: Work, id: string): Promise<Row> {
  const [found] = await w.tx
    .select({ r: referrals })
    .from(referrals)
    .innerJoin(persons, and(eq(persons.missionId, referrals.missionId), eq(persons.id, referrals.personId)))
    .where(and(referralScope(w), personScope(w), eq(referrals.id, id)));
  if (!found) throw notFound('Referral');
  return found.r;
}
