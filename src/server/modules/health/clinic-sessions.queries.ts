import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { canRead } from '../../../domain/access/roles';
import type { clinicSessionListQuery, QueueStatus } from '../../../domain/health/clinic';
import {
  centres,
  clinicQueue,
  clinicSessionStaff,
  clinicSessions,
  persons,
  stockPoints,
  users,
} from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { scopeOf } from '../../platform/policy';

// A clinic session is reached through its centre: read where the reader reads medical data. Its
// queue names its patients to whoever may read the session (who came to the clinic is the
// session's own record, as a distribution's lines are the distribution's).

export type SessionRow = typeof clinicSessions.$inferSelect;
export type SessionHeader = { s: SessionRow; centreName: string; stockPointName: string };

/** Sessions (or anything with a `centre_id` column) at the centres where the actor reads medical data. */
export function atMedicalCentres(w: Pick<Work, 'actor'>, missionId: PgColumn, centreId: PgColumn): SQL {
  const scope = scopeOf(w.actor, 'medical', canRead);
  const mine = eq(missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none' || !scope.centreIds.length) return sql`false`;
  return and(mine, inArray(centreId, scope.centreIds)) as SQL;
}

export const sessionScope = (w: Pick<Work, 'actor'>) =>
  atMedicalCentres(w, clinicSessions.missionId, clinicSessions.centreId);

const header = (w: Work, at: SQL<string> = sql<string>`''`) =>
  w.tx
    .select({ s: clinicSessions, centreName: centres.name, stockPointName: stockPoints.name, at })
    .from(clinicSessions)
    .innerJoin(
      centres,
      and(eq(centres.missionId, clinicSessions.missionId), eq(centres.id, clinicSessions.centreId)),
    )
    .innerJoin(
      stockPoints,
      and(
        eq(stockPoints.missionId, clinicSessions.missionId),
        eq(stockPoints.id, clinicSessions.stockPointId),
      ),
    );

/** A session the actor may read, or 404; `lock` holds its row (queue tickets, status changes). */
export async function loadSession(w: Work, id: string, lock = false): Promise<SessionHeader> {
  if (lock)
    await w.tx
      .select({ id: clinicSessions.id })
      .from(clinicSessions)
      .where(and(sessionScope(w), eq(clinicSessions.id, id)))
      .for('update');
  const [row] = await header(w).where(and(sessionScope(w), eq(clinicSessions.id, id)));
  if (!row) throw notFound('Clinic session');
  return row;
}

/** The session already held at a centre on a day (any reader: it blocks a second one), if any. */
export async function sessionOn(w: Work, centreId: string, heldOn: string) {
  const [row] = await w.tx
    .select({ id: clinicSessions.id })
    .from(clinicSessions)
    .where(
      and(
        eq(clinicSessions.missionId, w.actor.missionId),
        eq(clinicSessions.centreId, centreId),
        eq(clinicSessions.heldOn, heldOn),
      ),
    );
  return row?.id ?? null;
}

export type Staff = { id: string; name: string };
export type Counts = Record<QueueStatus, number>;

/** Staff and queue counts of several sessions at once (a list page costs two queries more). */
export async function detailsOf(w: Work, sessionIds: readonly string[]) {
  const staff = new Map<string, Staff[]>(sessionIds.map((id) => [id, []]));
  const counts = new Map<string, Counts>(
    sessionIds.map((id) => [id, { waiting: 0, seen: 0, referred: 0, left: 0 }]),
  );
  if (!sessionIds.length) return { staff, counts };
  const ids = [...sessionIds];
  const people = await w.tx
    .select({ sessionId: clinicSessionStaff.sessionId, id: users.id, name: users.displayName })
    .from(clinicSessionStaff)
    .innerJoin(
      users,
      and(eq(users.missionId, clinicSessionStaff.missionId), eq(users.id, clinicSessionStaff.userId)),
    )
    .where(
      and(eq(clinicSessionStaff.missionId, w.actor.missionId), inArray(clinicSessionStaff.sessionId, ids)),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  for (const p of people) staff.get(p.sessionId)?.push({ id: p.id, name: p.name });
  const tallies = await w.tx
    .select({ sessionId: clinicQueue.sessionId, status: clinicQueue.status, n: sql<number>`count(*)::int` })
    .from(clinicQueue)
    .where(and(eq(clinicQueue.missionId, w.actor.missionId), inArray(clinicQueue.sessionId, ids)))
    .groupBy(clinicQueue.sessionId, clinicQueue.status);
  for (const t of tallies) {
    const c = counts.get(t.sessionId);
    if (c) c[t.status as QueueStatus] = Number(t.n);
  }
  return { staff, counts };
}

/** The day's queue in ticket order, with each patient's name, number, sex and date of birth. */
export const queueOf = (w: Work, sessionId: string) =>
  w.tx
    .select({
      q: clinicQueue,
      givenName: persons.givenName,
      familyName: persons.familyName,
      fullNameOriginal: persons.fullNameOriginal,
      registrationNumber: persons.registrationNumber,
      sex: persons.sex,
      birthDate: persons.birthDate,
    })
    .from(clinicQueue)
    .innerJoin(
      persons,
      and(eq(persons.missionId, clinicQueue.missionId), eq(persons.id, clinicQueue.personId)),
    )
    .where(and(eq(clinicQueue.missionId, w.actor.missionId), eq(clinicQueue.sessionId, sessionId)))
    .orderBy(asc(clinicQueue.ticket));
export type QueueRow = Awaited<ReturnType<typeof queueOf>>[number];

/** One entry of a session's queue, locked for a write, or 404. */
export async function loadEntry(w: Work, sessionId: string, entryId: string) {
  const [row] = await w.tx
    .select()
    .from(clinicQueue)
    .where(
      and(
        eq(clinicQueue.missionId, w.actor.missionId),
        eq(clinicQueue.sessionId, sessionId),
        eq(clinicQueue.id, entryId),
      ),
    )
    .for('update');
  if (!row) throw notFound('Queue entry');
  return row;
}

type ListQuery = z.infer<typeof clinicSessionListQuery>;
const SORTS = { heldOn: clinicSessions.heldOn, centre: centres.name };
/** Latest first: one text key of day and centre name (one session a centre a day). */
const LATEST = sql`${clinicSessions.heldOn}::text || ' ' || ${centres.name}`;

/** One counted page of sessions in the reader's centres. */
export async function listSessions(w: Work, q: ListQuery) {
  const where: (SQL | undefined)[] = [sessionScope(w)];
  if (q.centreId) where.push(eq(clinicSessions.centreId, q.centreId));
  if (q.status) where.push(eq(clinicSessions.status, q.status));
  if (q.from) where.push(gte(clinicSessions.heldOn, q.from));
  if (q.to) where.push(lte(clinicSessions.heldOn, q.to));
  const k = chosenKeyset(q, SORTS, clinicSessions.id, { column: LATEST, descending: true });
  const found = await header(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const p = sortedPageOf(found, q.limit, (f) => f.s.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(clinicSessions)
      .innerJoin(
        centres,
        and(eq(centres.missionId, clinicSessions.missionId), eq(centres.id, clinicSessions.centreId)),
      )
      .where(and(...where))
      .$dynamic(),
  );
  return { items: p.items as SessionHeader[], nextCursor: p.nextCursor, ...counted };
}

/** The sessions held on a day in the reader's centres, by centre name. */
export const sessionsOn = (w: Work, day: string): Promise<SessionHeader[]> =>
  header(w)
    .where(and(sessionScope(w), eq(clinicSessions.heldOn, day)))
    .orderBy(asc(centres.name), asc(clinicSessions.id));
