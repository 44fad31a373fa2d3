import { and, eq } from 'drizzle-orm';
import { referrals } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { loadPerson } from '../registry/persons.queries';
import { recordScope } from './scope';

type Row = typeof referrals.$inferSelect;

export async function loadReferral(w: Work, id: string): Promise<Row> {
  const [row] = await w.tx
    .select()
    .from(referrals)
    .where(and(recordScope(w, referrals), eq(referrals.id, id)));
  if (!row) throw notFound('Referral');
  await loadPerson(w, row.personId); // and the person must be in scope
  return row;
}
