import { and, eq, sql } from 'drizzle-orm';
import { clinicQueue, clinicSessions } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { created } from '../../platform/records';

// A consultation marks its patient's place in the day's queue: seen, or referred. A patient
// consulted without having queued (an emergency brought straight in) is added as already seen,
// with the next ticket, so the day's counts stay whole.

export interface QueueMark {
  sessionId: string;
  /** the entry the consultation serves; without it, the person's entry in the session */
  entryId?: string | undefined;
  personId: string;
  consultationId: string;
  status: 'seen' | 'referred';
}

/** Marks (or adds) the entry; returns its id. 422 on `queueEntryId` for another session's or person's entry. */
export async function markQueueEntry(w: Work, m: QueueMark): Promise<string> {
  const mine = and(eq(clinicQueue.missionId, w.actor.missionId), eq(clinicQueue.sessionId, m.sessionId));
  const [entry] = await w.tx
    .select()
    .from(clinicQueue)
    .where(and(mine, m.entryId ? eq(clinicQueue.id, m.entryId) : eq(clinicQueue.personId, m.personId)))
    .for('update');
  if (m.entryId && (!entry || entry.personId !== m.personId))
    throw unprocessable('This queue entry is not the patient’s in this session', [
      { path: 'queueEntryId', message: 'Not this person’s entry in this session' },
    ]);
  if (entry) {
    await w.tx
      .update(clinicQueue)
      .set({
        status: m.status,
        consultationId: m.consultationId,
        version: sql`${clinicQueue.version} + 1`,
        updatedAt: w.now,
        updatedBy: w.actor.userId,
      })
      .where(and(mine, eq(clinicQueue.id, entry.id)));
    return entry.id;
  }
  return appendToQueue(w, { ...m, status: m.status });
}

/**
 * Adds a person to a session's queue with the next ticket. The session's row serialises ticket
 * numbering with whoever else adds to the queue; NO KEY UPDATE, because a consultation being
 * saved (this transaction's or a concurrent one's) already holds a KEY SHARE on it through its
 * foreign key, which a FOR UPDATE would wait on: a deadlock.
 */
export async function appendToQueue(
  w: Work,
  e: {
    sessionId: string;
    personId: string;
    status: 'waiting' | 'seen' | 'referred';
    consultationId?: string;
  },
): Promise<string> {
  const mine = and(eq(clinicQueue.missionId, w.actor.missionId), eq(clinicQueue.sessionId, e.sessionId));
  await w.tx
    .select({ id: clinicSessions.id })
    .from(clinicSessions)
    .where(and(eq(clinicSessions.missionId, w.actor.missionId), eq(clinicSessions.id, e.sessionId)))
    .for('no key update');
  const [last] = await w.tx
    .select({ ticket: sql<number>`coalesce(max(${clinicQueue.ticket}), 0)::int` })
    .from(clinicQueue)
    .where(mine);
  const id = newId();
  await w.tx.insert(clinicQueue).values({
    ...created(w),
    id,
    sessionId: e.sessionId,
    personId: e.personId,
    ticket: Number(last?.ticket ?? 0) + 1,
    status: e.status,
    arrivedAt: w.now,
    consultationId: e.consultationId ?? null,
    createdByOrganisationId: w.actor.organisationId,
  });
  return id;
}

/** Is the person already in the session's queue (whatever their status)? */
export async function queued(w: Work, sessionId: string, personId: string): Promise<boolean> {
  const [e] = await w.tx
    .select({ id: clinicQueue.id })
    .from(clinicQueue)
    .where(
      and(
        eq(clinicQueue.missionId, w.actor.missionId),
        eq(clinicQueue.sessionId, sessionId),
        eq(clinicQueue.personId, personId),
      ),
    );
  return !!e;
}
