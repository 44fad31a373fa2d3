import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { bulkTransfer, movement } from '../../../domain/registry/schemas';
import { episodes, persons } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { type FieldError, HttpProblem, notFound, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { type ActionOf, authorize } from '../../platform/policy';
import { created } from '../../platform/records';
import { personPolicy } from './persons.policy';
import { personRecord, personScope } from './persons.scope';
import { assertCentre } from './registration';

type Move = z.infer<typeof movement>;

export const noOpenEpisode = () =>
  new HttpProblem(409, 'Conflict', 'This person is not in a centre now: record an admission first', {
    code: 'no_open_episode',
  });

export const alreadyDetained = () =>
  new HttpProblem(
    409,
    'Conflict',
    'This person already has an open detention episode: record a transfer or release instead',
    { code: 'episode_already_open' },
  );

/** Applies one movement; the database refuses a second open episode and overlapping stays. */
export async function move(w: Work, personId: string, m: Move): Promise<void> {
  if (m.date > today(w))
    throw unprocessable('The date is in the future', [{ path: 'date', message: 'In the future' }]);
  const [open] = await w.tx
    .select()
    .from(episodes)
    .where(
      and(
        eq(episodes.missionId, w.actor.missionId),
        eq(episodes.personId, personId),
        isNull(episodes.endedOn),
      ),
    )
    .for('update');
  const openEpisode = async (
    centreId: string,
    circumstances: string,
    end?: { endedOn: string; endReason: string },
  ) => {
    const id = newId();
    await w.tx.insert(episodes).values({
      id,
      personId,
      centreId,
      admittedOn: m.date,
      circumstances,
      ...end,
      createdByOrganisationId: w.actor.organisationId,
      ...created(w),
    });
    await w.audit({
      action: 'create',
      entityType: 'episode',
      entityId: id,
      changedFields: ['centreId', 'admittedOn'],
      detail: { personId },
    });
  };
  if (m.type === 'admission') {
    await assertCentre(w, m.centreId);
    if ((m.endedOn === undefined) !== (m.endReason === undefined)) {
      throw unprocessable('A past stay needs both its end date and how it ended', [
        { path: m.endedOn ? 'endReason' : 'endedOn', message: 'Required with the other' },
      ]);
    }
    if (m.endedOn && m.endedOn > today(w))
      throw unprocessable('The end date is in the future', [{ path: 'endedOn', message: 'In the future' }]);
    if (m.endedOn && m.endReason)
      await openEpisode(m.centreId, m.circumstances, { endedOn: m.endedOn, endReason: m.endReason });
    else await openEpisode(m.centreId, m.circumstances);
    return;
  }
  if (!open) throw noOpenEpisode();
  if (m.type === 'transfer') {
    await assertCentre(w, m.centreId);
    if (m.centreId === open.centreId)
      throw unprocessable('The person is already in this centre', [
        { path: 'centreId', message: 'Same centre' },
      ]);
  }
  if (m.date < open.admittedOn) {
    throw unprocessable('The date is before the admission to this centre', [
      { path: 'date', message: `On or after ${open.admittedOn}` },
    ]);
  }
  await w.tx
    .update(episodes)
    .set({
      endedOn: m.date,
      endReason: m.type,
      updatedAt: w.now,
      updatedBy: w.actor.userId,
      version: open.version + 1,
    })
    .where(and(eq(episodes.missionId, w.actor.missionId), eq(episodes.id, open.id)));
  await w.audit({
    action: 'update',
    entityType: 'episode',
    entityId: open.id,
    changedFields: ['endedOn', 'endReason'],
    detail: { personId, reason: m.type },
  });
  if (m.type === 'transfer') await openEpisode(m.centreId, 'transferred');
  if (m.type === 'death') {
    await w.tx
      .update(persons)
      .set({ status: 'deceased', updatedAt: w.now, updatedBy: w.actor.userId })
      .where(and(eq(persons.missionId, w.actor.missionId), eq(persons.id, personId)));
    await w.audit({ action: 'update', entityType: 'person', entityId: personId, changedFields: ['status'] });
  }
}

const ACTION: Record<Move['type'], ActionOf<typeof personPolicy>> = {
  admission: 'admit',
  transfer: 'transfer',
  release: 'release',
  return: 'release',
  deportation: 'release',
  escape: 'release',
  death: 'release',
};

/**
 * The checks before a movement of a person loaded through the scoped query: the record is active,
 * the movement fits where the person is, and the person policy allows it (403 otherwise).
 */
export async function authorizeMovement(w: Work, p: { id: string; status: string }, m: Move) {
  const destination = m.type === 'admission' || m.type === 'transfer' ? m.centreId : undefined;
  const record = await personRecord(w, p, destination);
  if (record.status !== 'active')
    throw new HttpProblem(409, 'Conflict', `This record is ${record.status}`, {
      code: `person_${record.status}`,
    });
  if (m.type !== 'admission' && !record.hasOpenEpisode) throw noOpenEpisode();
  // a past stay (with an end) may be recorded while the person is detained elsewhere now
  if (m.type === 'admission' && !m.endedOn && record.hasOpenEpisode) throw alreadyDetained();
  const closedStay = m.type === 'admission' && !!m.endedOn;
  authorize(w.actor, personPolicy, closedStay ? 'update' : ACTION[m.type], record);
  return record;
}

type Many = z.infer<typeof bulkTransfer>;

/**
 * Transfers several people held in one centre to another, in the caller's transaction: each is
 * checked exactly as a single transfer (`authorizeMovement`) and must be held in `fromCentreId`.
 * All or none: every refusal is collected first and answered at once, 403 if the policy refused
 * anyone, else 422, each on its `personIds.<i>` path. Each person's move is audited as theirs.
 */
export async function transferMany(w: Work, b: Many) {
  if (b.date > today(w))
    throw unprocessable('The date is in the future', [{ path: 'date', message: 'In the future' }]);
  if (b.fromCentreId === b.toCentreId)
    throw unprocessable('Choose another centre to move them to', [
      { path: 'toCentreId', message: 'Same centre' },
    ]);
  await assertCentre(w, b.toCentreId, 'toCentreId');
  const found = await w.tx
    .select({ id: persons.id, status: persons.status, registrationNumber: persons.registrationNumber })
    .from(persons)
    .where(and(personScope(w), inArray(persons.id, b.personIds)));
  const byId = new Map(found.map((p) => [p.id, p]));
  const stays = await w.tx
    .select({ personId: episodes.personId, centreId: episodes.centreId, admittedOn: episodes.admittedOn })
    .from(episodes)
    .where(
      and(
        eq(episodes.missionId, w.actor.missionId),
        inArray(episodes.personId, b.personIds),
        isNull(episodes.endedOn),
      ),
    );
  const stayOf = new Map(stays.map((s) => [s.personId, s]));
  const m: Move = { type: 'transfer', centreId: b.toCentreId, date: b.date };
  const problems: FieldError[] = [];
  let refused = false;
  for (const [i, id] of b.personIds.entries()) {
    const path = `personIds.${i}`;
    const p = byId.get(id);
    const stay = stayOf.get(id);
    // someone outside the actor's sight is "not found", as GET /persons/:id would say
    if (!p) problems.push({ path, message: 'Person not found' });
    else if (stay?.centreId !== b.fromCentreId)
      problems.push({ path, message: 'Not held in this centre now' });
    else if (b.date < stay.admittedOn)
      problems.push({ path, message: `Admitted on ${stay.admittedOn}: choose a later date` });
    else {
      try {
        await authorizeMovement(w, p, m);
      } catch (e) {
        if (!(e instanceof HttpProblem)) throw e;
        refused ||= e.status === 403;
        problems.push({
          path,
          message: e.status === 403 ? 'You may not transfer this person' : (e.detail ?? e.title),
        });
      }
    }
  }
  if (problems.length) {
    const detail = `${problems.length} of ${b.personIds.length} cannot be moved; nobody was moved`;
    throw refused
      ? new HttpProblem(403, 'Forbidden', detail, { code: 'bulk_transfer_refused', errors: problems })
      : unprocessable(detail, problems, 'bulk_transfer_refused');
  }
  const batch = newId();
  for (const id of b.personIds) {
    await move(w, id, m);
    await w.audit({
      action: 'transfer',
      entityType: 'person',
      entityId: id,
      changedFields: ['centreId'],
      detail: {
        fromCentreId: b.fromCentreId,
        toCentreId: b.toCentreId,
        date: b.date,
        reason: b.reason ?? null,
        batch,
      },
    });
  }
  return {
    items: b.personIds.map((id) => ({ personId: id, registrationNumber: byId.get(id)!.registrationNumber })),
  };
}

/**
 * The answer of a bulk transfer, read again (an Idempotency-Key replay): the people as the reader
 * sees them now, in the request's order; 404 if the reader no longer sees one of them.
 */
export async function transferredPeople(w: Work, personIds: string[]) {
  authorize(w.actor, personPolicy, 'list');
  const found = await w.tx
    .select({ id: persons.id, registrationNumber: persons.registrationNumber })
    .from(persons)
    .where(and(personScope(w), inArray(persons.id, personIds)));
  const numberOf = new Map(found.map((p) => [p.id, p.registrationNumber]));
  return {
    items: personIds.map((id) => {
      const registrationNumber = numberOf.get(id);
      if (registrationNumber === undefined) throw notFound('Person');
      return { personId: id, registrationNumber };
    }),
  };
}
