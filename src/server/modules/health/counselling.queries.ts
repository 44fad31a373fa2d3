import { and, asc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { CounsellingListQuery } from '../../../domain/health/counselling-lists';
import { centres, counsellingParticipants, counsellingSessions, persons, users } from '../../db/schema/index';
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
import type { Reach } from '../../platform/policy';
import { type Place, personRecordScope, placesOf } from '../registry/persons.scope';
import type { CounsellingRecord } from './counselling.policy';

// Counselling sessions are records about each of their people: a session is seen through any
// participant the reader may see in the category (mhpss for the session itself, identity for the
// stub that says a session took place).

export type SessionRow = typeof counsellingSessions.$inferSelect;
export type SessionHeader = { s: SessionRow; centreName: string; counsellorName: string };
export type Participant = { personId: string; name: string; registrationNumber: string };

const p = counsellingParticipants;

/** Sessions with a participant the actor may see in `category`; `personId`: that participant. */
export function sessionScope(
  w: Pick<Work, 'actor'>,
  category: 'mhpss' | 'identity' = 'mhpss',
  personId?: string,
): SQL {
  return and(
    eq(counsellingSessions.missionId, w.actor.missionId),
    sql`exists (select 1 from ${p} where ${p.missionId} = ${counsellingSessions.missionId}
      and ${p.sessionId} = ${counsellingSessions.id}
      ${personId ? sql`and ${p.personId} = ${personId}` : sql``}
      and ${personRecordScope(w, p, category)})`,
  ) as SQL;
}

const header = (w: Work, at: SQL<string> = sql<string>`''`) =>
  w.tx
    .select({ s: counsellingSessions, centreName: centres.name, counsellorName: users.displayName, at })
    .from(counsellingSessions)
    .innerJoin(
      centres,
      and(eq(centres.missionId, counsellingSessions.missionId), eq(centres.id, counsellingSessions.centreId)),
    )
    .innerJoin(
      users,
      and(
        eq(users.missionId, counsellingSessions.missionId),
        eq(users.id, counsellingSessions.counsellorUserId),
      ),
    );

/** A session the actor may read (mhpss), or 404; `lock` holds the row for an update. */
export async function loadSession(w: Work, id: string, lock = false): Promise<SessionHeader> {
  const where = and(sessionScope(w), eq(counsellingSessions.id, id));
  if (lock)
    await w.tx.select({ id: counsellingSessions.id }).from(counsellingSessions).where(where).for('update');
  const [row] = await header(w).where(where);
  if (!row) throw notFound('Counselling session');
  return row;
}

/** The people of each session, by session id (names as registered). */
export async function participantsOf(w: Work, sessionIds: readonly string[]) {
  const out = new Map<string, Participant[]>(sessionIds.map((id) => [id, []]));
  if (!sessionIds.length) return out;
  const rows = await w.tx
    .select({
      sessionId: p.sessionId,
      personId: p.personId,
      givenName: persons.givenName,
      familyName: persons.familyName,
      registrationNumber: persons.registrationNumber,
    })
    .from(p)
    .innerJoin(persons, and(eq(persons.missionId, p.missionId), eq(persons.id, p.personId)))
    .where(and(eq(p.missionId, w.actor.missionId), inArray(p.sessionId, [...sessionIds])))
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(p.personId));
  for (const r of rows)
    out.get(r.sessionId)?.push({
      personId: r.personId,
      name: `${r.givenName} ${r.familyName}`,
      registrationNumber: r.registrationNumber,
    });
  return out;
}

/** The session as its policy sees it: its centre, each person's reach and their union. */
export function recordOf(
  centreId: string,
  personIds: readonly string[],
  places: Map<string, Place>,
): CounsellingRecord {
  const people: Reach[] = personIds.map((id) => places.get(id)?.reach ?? []);
  return { centre: [centreId], people, reach: [...new Set(people.flat())] };
}

/** Sessions with their people and the places the policy needs, loaded once for a page. */
export async function withPeople<T extends { s: SessionRow }>(w: Work, rows: T[]) {
  const people = await participantsOf(
    w,
    rows.map((r) => r.s.id),
  );
  const places = await placesOf(w, [...new Set([...people.values()].flat().map((x) => x.personId))]);
  return rows.map((r) => {
    const ps = people.get(r.s.id) ?? [];
    const record = recordOf(
      r.s.centreId,
      ps.map((x) => x.personId),
      places,
    );
    return { ...r, people: ps, record };
  });
}
export type SessionFull = Awaited<ReturnType<typeof withPeople<SessionHeader>>>[number];

const SORTS = { heldOn: sql`${counsellingSessions.heldOn}::text`, centre: centres.name };

/** One counted page of the counsellors' list. */
export async function listSessions(w: Work, q: CounsellingListQuery) {
  const where: (SQL | undefined)[] = [sessionScope(w, 'mhpss', q.personId)];
  if (q.centreId) where.push(eq(counsellingSessions.centreId, q.centreId));
  if (q.kind) where.push(eq(counsellingSessions.kind, q.kind));
  if (q.from) where.push(gte(counsellingSessions.heldOn, q.from));
  if (q.to) where.push(lte(counsellingSessions.heldOn, q.to));
  const k = chosenKeyset(q, SORTS, counsellingSessions.id, { column: SORTS.heldOn, descending: true });
  const found = await header(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const page = sortedPageOf(found, q.limit, (f) => f.s.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(counsellingSessions)
      .where(and(...where))
      .$dynamic(),
  );
  return { items: await withPeople(w, page.items), nextCursor: page.nextCursor, ...counted };
}

/**
 * A person's sessions, latest first: `full` those the reader may read as a counsellor, `stubs`
 * the others the reader sees through identity access (that a session took place, no more).
 */
export async function sessionsOfPerson(w: Work, personId: string, readsFull: boolean) {
  const full = readsFull ? sessionScope(w, 'mhpss', personId) : sql`false`;
  const rows = await header(w, sql<string>`case when ${full} then 'full' else 'stub' end`)
    .where(or(full, sessionScope(w, 'identity', personId)))
    .orderBy(sql`${counsellingSessions.heldOn} desc`, sql`${counsellingSessions.id} desc`);
  return { full: rows.filter((r) => r.at === 'full'), stubs: rows.filter((r) => r.at !== 'full') };
}
