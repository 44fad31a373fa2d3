import { and, asc, eq, gte, isNull, lt, type SQL } from 'drizzle-orm';
import type { FollowUp } from '../../../domain/returns/reintegration';
import { persons, reintegrationFollowUps, returnCases } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { placesOf } from '../registry/persons.scope';
import { reintegrationFollowUpPolicy } from './reintegration.policy';
import { returnCaseScope } from './return-cases.queries';

// Follow-ups after arrival, read through their case (the case's scope is theirs).

export type FollowUpRow = typeof reintegrationFollowUps.$inferSelect;
type Joined = { f: FollowUpRow; reference: string; given: string; family: string; registration: string };

const select = (w: Work, where: SQL | undefined) =>
  w.tx
    .select({
      f: reintegrationFollowUps,
      reference: returnCases.reference,
      given: persons.givenName,
      family: persons.familyName,
      registration: persons.registrationNumber,
    })
    .from(reintegrationFollowUps)
    .innerJoin(
      returnCases,
      and(
        eq(returnCases.missionId, reintegrationFollowUps.missionId),
        eq(returnCases.id, reintegrationFollowUps.caseId),
      ),
    )
    .innerJoin(
      persons,
      and(
        eq(persons.missionId, reintegrationFollowUps.missionId),
        eq(persons.id, reintegrationFollowUps.personId),
      ),
    )
    .where(and(eq(reintegrationFollowUps.missionId, w.actor.missionId), returnCaseScope(w), where));

async function present(w: Work, found: Joined[]): Promise<FollowUp[]> {
  const places = await placesOf(
    w,
    found.map((x) => x.f.personId),
  );
  return found.map(({ f, reference, given, family, registration }) => {
    const done = f.doneOn !== null;
    return {
      id: f.id,
      caseId: f.caseId,
      caseReference: reference,
      person: { id: f.personId, name: `${given} ${family}`, registrationNumber: registration },
      monthsAfterArrival: f.monthsAfterArrival,
      dueOn: f.dueOn,
      doneOn: f.doneOn,
      surveyId: f.surveyId,
      answers: (f.answers as Record<string, string> | null) ?? null,
      scores:
        done && f.composite !== null
          ? {
              economic: f.economic!,
              social: f.social!,
              psychosocial: f.psychosocial!,
              composite: f.composite,
            }
          : null,
      note: f.note,
      version: f.version,
      allowedActions: allowedActions(w.actor, reintegrationFollowUpPolicy, {
        reach: places.get(f.personId)?.reach ?? [],
        done,
      }),
    };
  });
}

/** Follow-ups not done: overdue (due before today), upcoming (today or later) or both; soonest first. */
export async function dueFollowUps(w: Work, due: 'overdue' | 'upcoming' | 'open'): Promise<FollowUp[]> {
  const day = today(w);
  const when =
    due === 'overdue'
      ? lt(reintegrationFollowUps.dueOn, day)
      : due === 'upcoming'
        ? gte(reintegrationFollowUps.dueOn, day)
        : undefined;
  const found = await select(w, and(isNull(reintegrationFollowUps.doneOn), when))
    .orderBy(asc(reintegrationFollowUps.dueOn), asc(reintegrationFollowUps.id))
    .limit(500);
  return present(w, found);
}

export async function followUpsOfCase(w: Work, caseId: string): Promise<FollowUp[]> {
  const found = await select(w, eq(reintegrationFollowUps.caseId, caseId)).orderBy(
    asc(reintegrationFollowUps.monthsAfterArrival),
  );
  return present(w, found);
}

/** One follow-up in the actor's scope (404 otherwise). */
export async function loadFollowUp(w: Work, id: string, opts: { lock?: boolean } = {}): Promise<FollowUpRow> {
  const q = select(w, eq(reintegrationFollowUps.id, id));
  const [found] = await (opts.lock ? q.for('no key update') : q);
  if (!found) throw notFound('Follow-up');
  return found.f;
}

export async function presentFollowUp(w: Work, id: string): Promise<FollowUp> {
  const found = await select(w, eq(reintegrationFollowUps.id, id));
  return (await present(w, found))[0]!;
}
