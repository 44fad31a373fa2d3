import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ACCESS, canWrite, type Role } from '../../../domain/access/roles';
import type { clinicSessionCreate, clinicSessionUpdate } from '../../../domain/health/clinic';
import { clinicQueue, clinicSessionStaff, clinicSessions, persons, users } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { type FieldError, HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize, holds } from '../../platform/policy';
import { created, updateVersioned } from '../../platform/records';
import { rolesOf } from '../directory/users.queries';
import { heldOnDay } from '../supplies/recipients.queries';
import { queueRecord, sessionRecord } from './clinic-sessions.presenter';
import { loadEntry, type SessionHeader, sessionOn } from './clinic-sessions.queries';
import { clinicSessionPolicy, queueEntryPolicy } from './health.policy';
import { appendToQueue } from './queue.service';
import { activeCentre, checkPharmacy } from './schedules.queries';

// Opening a day's clinic, its staff, closing it, and its queue up to the consultation (which marks
// an entry seen or referred: consultations' own service).

const sessionExists = (existingId: string) =>
  new HttpProblem(409, 'Conflict', 'This centre already has a clinic session on that day: join it', {
    code: 'session_exists',
    errors: [{ path: 'heldOn', message: `Session ${existingId} is held that day` }],
    members: { existingId },
  });

const closed = () =>
  unprocessable(
    'This clinic session is closed; reopen it first',
    [{ path: 'status', message: 'Closed' }],
    'session_closed',
  );

/**
 * Staff present are active users of the mission holding a doctor's or nurse's assignment (one
 * writing medical data) at the centre; else 422 on `staffUserIds.<i>`. Returns the ids, once each.
 */
async function checkStaff(w: Work, centreId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await w.tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.missionId, w.actor.missionId), eq(users.active, true), inArray(users.id, [...ids])));
  const active = new Set(found.map((u) => u.id));
  const roles = await rolesOf(w, [...active]);
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const medical = (roles.get(id) ?? []).some(
      (a) => canWrite(ACCESS.medical[a.role as Role]) && holds(a, [centreId]),
    );
    if (!active.has(id) || !medical)
      errors.push({ path: `staffUserIds.${i}`, message: 'Not a doctor or nurse of this centre' });
  });
  if (errors.length) throw unprocessable('Staff must be doctors or nurses working at this centre', errors);
  return [...new Set(ids)];
}

async function setStaff(w: Work, sessionId: string, ids: readonly string[]) {
  await w.tx
    .delete(clinicSessionStaff)
    .where(
      and(eq(clinicSessionStaff.missionId, w.actor.missionId), eq(clinicSessionStaff.sessionId, sessionId)),
    );
  if (ids.length)
    await w.tx
      .insert(clinicSessionStaff)
      .values([...new Set(ids)].map((userId) => ({ missionId: w.actor.missionId, sessionId, userId })));
}

/** Opens a centre's clinic for a day (one a centre a day: 409 naming the one held); returns its id. */
export async function openSession(w: Work, body: z.infer<typeof clinicSessionCreate>): Promise<string> {
  authorize(w.actor, clinicSessionPolicy, 'create'); // a medical writer somewhere at all?
  await activeCentre(w, body.centreId);
  authorize(w.actor, clinicSessionPolicy, 'create', { reach: [body.centreId], status: 'open' });
  if (body.heldOn > today(w))
    throw unprocessable('A clinic is opened on its day, not ahead', [
      { path: 'heldOn', message: `Not after ${today(w)}` },
    ]);
  await checkPharmacy(w, body.centreId, body.stockPointId);
  const staff = await checkStaff(w, body.centreId, body.staffUserIds);
  const existing = await sessionOn(w, body.centreId, body.heldOn);
  if (existing) throw sessionExists(existing);
  const id = newId();
  // a nurse and a doctor opening at once: the unique index decides, the loser is told whose it is
  const [inserted] = await w.tx
    .insert(clinicSessions)
    .values({
      ...created(w),
      id,
      centreId: body.centreId,
      heldOn: body.heldOn,
      stockPointId: body.stockPointId,
      status: 'open',
      note: body.note ?? null,
      createdByOrganisationId: w.actor.organisationId,
    })
    .onConflictDoNothing()
    .returning({ id: clinicSessions.id });
  if (!inserted) throw sessionExists((await sessionOn(w, body.centreId, body.heldOn)) ?? '');
  await setStaff(w, id, [w.actor.userId, ...staff]);
  await w.audit({
    action: 'create',
    entityType: 'clinic_session',
    entityId: id,
    changedFields: Object.keys(body),
  });
  return id;
}

/** Staff, note, closing (waiting patients are marked as having left) and reopening. */
export async function updateSession(w: Work, h: SessionHeader, body: z.infer<typeof clinicSessionUpdate>) {
  const { version, staffUserIds, note, status } = body;
  const patch: Partial<typeof clinicSessions.$inferInsert> = {};
  const changed: string[] = [];
  const record = sessionRecord(h);
  if (status && status !== h.s.status) {
    authorize(w.actor, clinicSessionPolicy, status === 'closed' ? 'close' : 'reopen', record);
    patch.status = status;
  }
  if (note !== undefined && note !== h.s.note) {
    authorize(w.actor, clinicSessionPolicy, 'update', record);
    patch.note = note;
  }
  let staff: string[] | null = null;
  if (staffUserIds !== undefined) {
    authorize(w.actor, clinicSessionPolicy, 'update', record);
    staff = await checkStaff(w, h.s.centreId, staffUserIds);
    const now = await w.tx
      .select({ userId: clinicSessionStaff.userId })
      .from(clinicSessionStaff)
      .where(
        and(eq(clinicSessionStaff.missionId, w.actor.missionId), eq(clinicSessionStaff.sessionId, h.s.id)),
      );
    const before = new Set(now.map((r) => r.userId));
    if (before.size === staff.length && staff.every((u) => before.has(u))) staff = null;
  }
  changed.push(...Object.keys(patch));
  if (staff) changed.push('staffUserIds');
  if (!changed.length)
    throw new HttpProblem(422, 'Unprocessable Content', 'Nothing to change', { code: 'no_change' });
  // the version covers the staff too: two editors of the staff list cannot both win
  await updateVersioned(w, clinicSessions, h.s.id, version, patch);
  if (staff) await setStaff(w, h.s.id, staff);
  const closing = patch.status === 'closed';
  const reopening = patch.status === 'open';
  await w.audit({
    action: closing ? 'close' : reopening ? 'transition' : 'update',
    entityType: 'clinic_session',
    entityId: h.s.id,
    changedFields: changed,
    ...(patch.status ? { detail: { from: h.s.status, to: patch.status } } : {}),
  });
  if (closing) await leaveWaiting(w, h.s.id);
}

/** Closing the day: whoever is still waiting has left (each audited). */
async function leaveWaiting(w: Work, sessionId: string) {
  const left = await w.tx
    .update(clinicQueue)
    .set({
      status: 'left',
      version: sql`${clinicQueue.version} + 1`,
      updatedAt: w.now,
      updatedBy: w.actor.userId,
    })
    .where(
      and(
        eq(clinicQueue.missionId, w.actor.missionId),
        eq(clinicQueue.sessionId, sessionId),
        eq(clinicQueue.status, 'waiting'),
      ),
    )
    .returning({ id: clinicQueue.id, personId: clinicQueue.personId });
  for (const e of left)
    await w.audit({
      action: 'update',
      entityType: 'clinic_queue_entry',
      entityId: e.id,
      changedFields: ['status'],
      detail: { sessionId, personId: e.personId, from: 'waiting', to: 'left', closedWithSession: true },
    });
}

/**
 * Adds someone held at the session's centre on its day to its queue, with the next ticket. The
 * session row is locked first, so concurrent adds queue behind each other and number 1, 2, 3…
 */
export async function addToQueue(w: Work, h: SessionHeader, personId: string): Promise<string> {
  if (h.s.status !== 'open') throw closed();
  authorize(w.actor, clinicSessionPolicy, 'queue', sessionRecord(h));
  const [person] = await w.tx
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(
        eq(persons.missionId, w.actor.missionId),
        eq(persons.id, personId),
        heldOnDay(h.s.centreId, h.s.heldOn),
      ),
    );
  if (!person)
    throw unprocessable(
      'This person was not held at the clinic’s centre on its day',
      [{ path: 'personId', message: 'Not at this centre that day' }],
      'not_at_centre',
    );
  const mine = and(eq(clinicQueue.missionId, w.actor.missionId), eq(clinicQueue.sessionId, h.s.id));
  const [already] = await w.tx
    .select({ id: clinicQueue.id })
    .from(clinicQueue)
    .where(and(mine, eq(clinicQueue.personId, personId)));
  if (already)
    throw new HttpProblem(409, 'Conflict', 'This person is already in the queue', {
      code: 'already_queued',
      errors: [{ path: 'personId', message: 'Already queued' }],
    });
  const id = await appendToQueue(w, { sessionId: h.s.id, personId, status: 'waiting' });
  await w.audit({
    action: 'create',
    entityType: 'clinic_queue_entry',
    entityId: id,
    changedFields: ['personId'],
    detail: { sessionId: h.s.id, personId },
  });
  return id;
}

/** A waiting patient who went away before being seen. */
export async function markLeft(w: Work, h: SessionHeader, entryId: string, version: number) {
  const e = await loadEntry(w, h.s.id, entryId);
  if (h.s.status !== 'open') throw closed();
  if (e.status !== 'waiting')
    throw unprocessable(
      'Only a waiting patient can leave the queue',
      [{ path: 'status', message: `Already ${e.status}` }],
      'not_waiting',
    );
  authorize(w.actor, queueEntryPolicy, 'leave', queueRecord(h, e.status));
  await updateVersioned(w, clinicQueue, e.id, version, { status: 'left' });
  await w.audit({
    action: 'update',
    entityType: 'clinic_queue_entry',
    entityId: e.id,
    changedFields: ['status'],
    detail: { sessionId: h.s.id, personId: e.personId, from: 'waiting', to: 'left' },
  });
}
