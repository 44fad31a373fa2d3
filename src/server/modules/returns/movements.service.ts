import { and, eq, inArray } from 'drizzle-orm';
import type { CreateEscort, CreateMovement, UpdateMovement } from '../../../domain/returns/movements';
import { checkTransition, type ReturnState } from '../../../domain/returns/states';
import {
  missions,
  movementEscorts,
  movementPassengers,
  movements,
  projects,
  returnCases,
  users,
} from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { type FieldError, HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { changedFields, created, updateVersioned } from '../../platform/records';
import { latestFitness } from '../health/consultations.queries';
import { personReach } from '../registry/persons.scope';
import { movementPolicy, passengerPolicy } from './movements.policy';
import { loadMovement, type MovementRow, passengersOf, takenSeats } from './movements.queries';
import { caseFacts, loadReturnCase, type ReturnCaseRow } from './return-cases.queries';
import { blocked, moveCase } from './return-cases.service';

// The writes of a movement. Every change to a person's return goes through `moveCase` (guarded by
// the state machine on the movement's departure date, audited, timed); the end of detention on
// departure goes through the registry's own `move`.

async function assertRefs(w: Work, b: { projectId?: string | null; userId?: string | null }) {
  const m = w.actor.missionId;
  if (b.projectId) {
    const [p] = await w.tx
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.missionId, m), eq(projects.id, b.projectId)));
    if (!p) throw unprocessable('No such project', [{ path: 'projectId', message: 'Not found' }]);
  }
  if (b.userId) {
    const [u] = await w.tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.missionId, m), eq(users.id, b.userId)));
    if (!u) throw unprocessable('No such user', [{ path: 'userId', message: 'Not found' }]);
  }
}

export async function createMovement(w: Work, body: CreateMovement): Promise<string> {
  authorize(w.actor, movementPolicy, 'create');
  await assertRefs(w, body);
  const [mission] = await w.tx
    .select({ code: missions.code })
    .from(missions)
    .where(eq(missions.id, w.actor.missionId));
  const year = Number(body.departsOn.slice(0, 4));
  const n = await nextNumber(w, 'movement', year);
  const id = newId();
  await w.tx.insert(movements).values({
    ...created(w),
    id,
    reference: `${mission?.code ?? 'SAN'}-MOV-${year}-${String(n).padStart(4, '0')}`,
    kind: body.kind,
    departsOn: body.departsOn,
    route: body.route,
    destinationCountry: body.destinationCountry,
    carrier: body.carrier,
    flightNumber: body.flightNumber ?? null,
    seats: body.seats,
    projectId: body.projectId ?? null,
    createdByOrganisationId: w.actor.organisationId,
  });
  await w.audit({ action: 'create', entityType: 'movement', entityId: id, changedFields: Object.keys(body) });
  return id;
}

export async function updateMovement(w: Work, id: string, body: UpdateMovement): Promise<void> {
  const m = await loadMovement(w, id, { lock: true });
  authorize(w.actor, movementPolicy, 'update', m);
  await assertRefs(w, body);
  const { version, ...patch } = body;
  const changed = changedFields(m, patch);
  if (patch.seats !== undefined) {
    const taken = (await takenSeats(w, [id])).get(id) ?? 0;
    if (patch.seats < taken)
      throw unprocessable(`${taken} seats are already taken`, [
        { path: 'seats', message: `At least ${taken}: remove passengers first` },
      ]);
  }
  // a new departure date must still suit every booked passenger's documents and fitness
  if (patch.departsOn !== undefined && patch.departsOn !== m.departsOn) {
    const problems: FieldError[] = [];
    for (const p of await bookedCases(w, m)) {
      const facts = { ...(await caseFacts(w, p)), departureDate: patch.departsOn };
      const check = checkTransition('fit_to_travel', 'booked', facts);
      if (!check.ok)
        problems.push({ path: 'departsOn', message: `${p.reference}: ${blockedText(check.blockers)}` });
    }
    if (problems.length) throw unprocessable('Some passengers could not travel on that date', problems);
  }
  await updateVersioned(w, movements, id, version, patch);
  await w.audit({ action: 'update', entityType: 'movement', entityId: id, changedFields: changed });
}

const blockedText = (b: Parameters<typeof blocked>[0]) => blocked(b).detail ?? '';

/** The cases booked on a movement (every one, whoever reads: the check is on the movement). */
async function bookedCases(w: Work, m: MovementRow): Promise<ReturnCaseRow[]> {
  const ids = await w.tx
    .select({ caseId: movementPassengers.caseId })
    .from(movementPassengers)
    .where(
      and(
        eq(movementPassengers.missionId, w.actor.missionId),
        eq(movementPassengers.movementId, m.id),
        eq(movementPassengers.status, 'booked'),
      ),
    );
  if (!ids.length) return [];
  return w.tx
    .select()
    .from(returnCases)
    .where(
      and(
        eq(returnCases.missionId, w.actor.missionId),
        inArray(
          returnCases.id,
          ids.map((i) => i.caseId),
        ),
      ),
    );
}

export async function addEscort(w: Work, id: string, body: CreateEscort): Promise<void> {
  const m = await loadMovement(w, id, { lock: true });
  authorize(w.actor, movementPolicy, 'add_escort', m);
  await assertRefs(w, body);
  const escortId = newId();
  await w.tx.insert(movementEscorts).values({
    ...created(w),
    id: escortId,
    movementId: id,
    kind: body.kind,
    name: body.name,
    userId: body.userId ?? null,
  });
  await w.audit({
    action: 'create',
    entityType: 'movement_escort',
    entityId: escortId,
    changedFields: Object.keys(body),
    detail: { movementId: id },
  });
}

/** Booking states: fit to travel, a no-show rebooked, or a booked case taken off its movement. */
const BOOKABLE: readonly ReturnState[] = ['fit_to_travel', 'no_show', 'booked'];

/**
 * Books a case: within the reader's sight (404 otherwise), written on the person's reach, at a
 * bookable state, bound for the movement's country, on a free seat, and passing the state
 * machine's guards on the movement's departure date (travel document, exit visa and fitness
 * valid that day; 422 naming each blocker).
 */
export async function bookPassenger(w: Work, id: string, caseId: string): Promise<void> {
  const m = await loadMovement(w, id, { lock: true });
  authorize(w.actor, movementPolicy, 'book', m);
  const row = await loadReturnCase(w, caseId, { lock: true });
  const reach = await personReach(w, row.personId);
  authorize(w.actor, passengerPolicy, 'book', {
    reach,
    status: 'booked',
    movementStatus: m.status,
    caseState: row.state as ReturnState,
  });
  const [current] = await w.tx
    .select()
    .from(movementPassengers)
    .where(
      and(
        eq(movementPassengers.missionId, w.actor.missionId),
        eq(movementPassengers.caseId, caseId),
        inArray(movementPassengers.status, ['booked', 'departed']),
      ),
    );
  if (current)
    throw unprocessable(
      'This person is already booked on a movement',
      [{ path: 'caseId', message: 'Already booked: remove them from their movement first' }],
      'already_booked',
    );
  const state = row.state as ReturnState;
  if (!BOOKABLE.includes(state))
    throw unprocessable(
      'Only a case fit to travel (or a no-show) can be booked',
      [{ path: 'caseId', message: 'The case is not fit to travel yet' }],
      'not_bookable',
    );
  if (row.destinationCountry !== m.destinationCountry)
    throw unprocessable(
      'This movement goes to another country',
      [
        {
          path: 'caseId',
          message: `The case returns to ${row.destinationCountry}, the movement goes to ${m.destinationCountry}`,
        },
      ],
      'wrong_destination',
    );
  const taken = (await takenSeats(w, [id])).get(id) ?? 0;
  if (taken >= m.seats)
    throw unprocessable(
      `All ${m.seats} seats are taken`,
      [{ path: 'caseId', message: 'No seat left' }],
      'no_seat',
    );
  const facts = { ...(await caseFacts(w, row)), departureDate: m.departsOn };
  // a case taken off its movement is still `booked`: the same guards, without a new state
  if (state === 'booked') {
    const check = checkTransition('fit_to_travel', 'booked', facts);
    if (!check.ok) throw blocked(check.blockers);
  }
  const fitness = await latestFitness(w, row.personId);
  const values = {
    status: 'booked',
    needsMedicalEscort: fitness?.status === 'fit_with_escort',
    departedAt: null,
    updatedAt: w.now,
    updatedBy: w.actor.userId,
  };
  await w.tx
    .insert(movementPassengers)
    .values({
      ...created(w),
      ...values,
      movementId: id,
      caseId,
      personId: row.personId,
      createdByOrganisationId: w.actor.organisationId,
    })
    .onConflictDoUpdate({
      target: [movementPassengers.missionId, movementPassengers.movementId, movementPassengers.caseId],
      set: values,
    });
  if (state !== 'booked') await moveCase(w, row, 'booked', { facts });
  await w.audit({
    action: 'create',
    entityType: 'movement_passenger',
    entityId: caseId,
    changedFields: ['status', 'needsMedicalEscort'],
    detail: { movementId: id, personId: row.personId },
  });
}

/** A passenger of this movement within the reader's sight, or 404. */
async function passengerOn(w: Work, m: MovementRow, caseId: string) {
  const [p] = await passengersOf(w, m, [caseId]);
  if (!p) throw new HttpProblem(404, 'Not Found', 'Passenger not found');
  return p;
}

/** Takes a booked passenger off the movement; the case stays booked, to be booked again. */
export async function removePassenger(w: Work, id: string, caseId: string, reason?: string): Promise<void> {
  authorize(w.actor, passengerPolicy, 'remove');
  const m = await loadMovement(w, id, { lock: true });
  const p = await passengerOn(w, m, caseId);
  authorize(w.actor, passengerPolicy, 'remove', p.record);
  await setPassenger(w, id, caseId, { status: 'removed' });
  await w.audit({
    action: 'update',
    entityType: 'movement_passenger',
    entityId: caseId,
    changedFields: ['status'],
    detail: { movementId: id, personId: p.personId, to: 'removed', reason: reason ?? null },
  });
}

export const setPassenger = (w: Work, movementId: string, caseId: string, set: Record<string, unknown>) =>
  w.tx
    .update(movementPassengers)
    .set({ ...set, updatedAt: w.now, updatedBy: w.actor.userId })
    .where(
      and(
        eq(movementPassengers.missionId, w.actor.missionId),
        eq(movementPassengers.movementId, movementId),
        eq(movementPassengers.caseId, caseId),
      ),
    );
