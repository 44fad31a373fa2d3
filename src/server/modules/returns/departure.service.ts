import { and, eq, isNull } from 'drizzle-orm';
import type { ConfirmDeparture } from '../../../domain/returns/movements';
import { episodes, movements } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { type FieldError, HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { updateVersioned } from '../../platform/records';
import { move } from '../registry/episodes.service';
import { movementPolicy, passengerPolicy } from './movements.policy';
import { loadMovement, type MovementRow, passengersOf } from './movements.queries';
import { setPassenger } from './movements.service';
import { caseFacts, loadReturnCase, returnCaseRecord } from './return-cases.queries';
import { moveCase } from './return-cases.service';
import { returnCasePolicy } from './returns.policy';

// The departure of a movement, person by person, and the arrival in the country of return.

/**
 * Confirms the departure person by person, all or nothing. Each listed case must be a booked
 * passenger the reader sees (422 otherwise) and be written on the person's reach (403 for
 * anyone refused). Departed: passenger departed, case `departed` (departedOn = the movement's
 * date) and the person's open detention episode ended with the registry's reason `return`, so
 * the centre's population falls. No-show: passenger and case `no_show`, with the reason.
 *
 * Ending the episode is an identity write, which a return officer (identity: read) may not do
 * through the registry's routes. It is done here, through the registry's own `move` (the same
 * checks of dates and the same audit event), as part of the departure the officer is authorised
 * for on that person's reach: the episode ends because the person left the country on a movement
 * the mission organised, a fact the return officer confirms. The registry's policy is not widened.
 */
export async function confirmDeparture(w: Work, id: string, body: ConfirmDeparture): Promise<void> {
  const m = await loadMovement(w, id, { lock: true });
  authorize(w.actor, movementPolicy, 'confirm_departure', m);
  if (m.departsOn > today(w))
    throw unprocessable(
      `The movement leaves on ${m.departsOn}: confirm the departure on that day`,
      [{ path: 'departed', message: 'Not before the departure date' }],
      'departure_in_future',
    );
  const all = [...body.departed, ...body.noShow];
  const found = new Map((await passengersOf(w, m, all)).map((p) => [p.caseId, p]));
  const problems: FieldError[] = [];
  let refused = false;
  for (const [key, ids, action] of [
    ['departed', body.departed, 'depart'],
    ['noShow', body.noShow, 'no_show'],
  ] as const)
    ids.forEach((caseId, i) => {
      const p = found.get(caseId);
      const path = `${key}.${i}`;
      if (!p) problems.push({ path, message: 'Not a passenger of this movement' });
      else if (p.status !== 'booked')
        problems.push({ path, message: `Already ${p.status.replace('_', ' ')}` });
      else if (!passengerPolicy.can(w.actor, action, p.record)) {
        refused = true;
        problems.push({ path, message: 'You may not confirm the departure of this person' });
      }
    });
  if (problems.length) {
    const detail = `${problems.length} of ${all.length} cannot be confirmed; nothing was recorded`;
    throw refused
      ? new HttpProblem(403, 'Forbidden', detail, { code: 'departure_refused', errors: problems })
      : unprocessable(detail, problems, 'departure_refused');
  }
  for (const caseId of body.departed) await depart(w, m, caseId);
  for (const caseId of body.noShow) {
    const row = await loadReturnCase(w, caseId, { lock: true });
    await setPassenger(w, id, caseId, { status: 'no_show' });
    await moveCase(w, row, 'no_show', { reason: body.noShowReason });
    await w.audit({
      action: 'update',
      entityType: 'movement_passenger',
      entityId: caseId,
      changedFields: ['status'],
      detail: { movementId: id, personId: row.personId, to: 'no_show' },
    });
  }
  if (m.status === 'planned' && body.departed.length > 0) {
    await updateVersioned(w, movements, id, m.version, { status: 'departed', departedAt: w.now });
    await w.audit({ action: 'update', entityType: 'movement', entityId: id, changedFields: ['status'] });
  }
}

async function depart(w: Work, m: MovementRow, caseId: string) {
  const row = await loadReturnCase(w, caseId, { lock: true });
  await setPassenger(w, m.id, caseId, { status: 'departed', departedAt: w.now });
  await w.audit({
    action: 'update',
    entityType: 'movement_passenger',
    entityId: caseId,
    changedFields: ['status', 'departedAt'],
    detail: { movementId: m.id, personId: row.personId, to: 'departed' },
  });
  const facts = { ...(await caseFacts(w, row)), departureDate: m.departsOn, departureConfirmed: true };
  await moveCase(w, row, 'departed', { facts, patch: { departedOn: m.departsOn } });
  const [open] = await w.tx
    .select({ id: episodes.id })
    .from(episodes)
    .where(
      and(
        eq(episodes.missionId, w.actor.missionId),
        eq(episodes.personId, row.personId),
        isNull(episodes.endedOn),
      ),
    );
  // someone released before the flight has no episode left to end
  if (open) await move(w, row.personId, { type: 'return', date: m.departsOn });
}

/** The arrival in the country of return: the case moves to `arrived` with its date. */
export async function recordArrival(w: Work, caseId: string, arrivedOn: string): Promise<void> {
  authorize(w.actor, returnCasePolicy, 'record_arrival');
  const row = await loadReturnCase(w, caseId, { lock: true });
  const record = await returnCaseRecord(w, row);
  authorize(w.actor, returnCasePolicy, 'record_arrival', record);
  if (arrivedOn > today(w))
    throw unprocessable('The arrival date is in the future', [
      { path: 'arrivedOn', message: 'In the future' },
    ]);
  if (row.departedOn && arrivedOn < row.departedOn)
    throw unprocessable('The arrival date is before the departure', [
      { path: 'arrivedOn', message: `On or after ${row.departedOn}` },
    ]);
  const facts = { ...record.facts, arrivalConfirmed: true };
  await moveCase(w, row, 'arrived', { facts, patch: { arrivedOn } });
}
