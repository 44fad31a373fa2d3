import { and, eq, ne, or, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema/index';
import { today } from '../../platform/dates';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';
import { personScope } from '../registry/persons.scope';
import { recordScope } from './scope';

/* Case helpers other protection files (and other modules) use; routes live in cases.routes.ts. */

/** Cases the reader may see: in scope, or held by the reader's organisation (after a hand-over). */
export const caseScope = (w: Work): SQL =>
  and(or(recordScope(w, cases), eq(cases.organisationId, w.actor.organisationId)), personScope(w)) as SQL;

/**
 * The person's active case, opened now if there is none: assigned to the actor, unless `assign`
 * is false (a doctor's hospital referral: the doctor does not work protection cases).
 */
export async function ensureCase(
  w: Work,
  personId: string,
  opts: { assign?: boolean } = {},
): Promise<string> {
  const [open] = await w.tx
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(eq(cases.missionId, w.actor.missionId), eq(cases.personId, personId), ne(cases.status, 'closed')),
    );
  if (open) return open.id;
  const id = newId();
  await w.tx.insert(cases).values({
    id,
    personId,
    status: 'open',
    assignedUserId: opts.assign === false ? null : w.actor.userId,
    organisationId: w.actor.organisationId,
    openedOn: today(w),
    createdByOrganisationId: w.actor.organisationId,
    ...created(w),
  });
  await w.audit({
    action: 'create',
    entityType: 'case',
    entityId: id,
    changedFields: opts.assign === false ? ['status'] : ['status', 'assignedUserId'],
    detail: { personId },
  });
  return id;
}
