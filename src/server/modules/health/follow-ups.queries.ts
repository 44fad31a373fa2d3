import { and, eq, type SQL, sql } from 'drizzle-orm';
import type {
  FollowUpListQuery,
  FollowUpReason,
  MhpssFollowUp,
} from '../../../domain/health/mhpss-follow-ups';
import { mhpssFollowUps, persons, users } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { countUpTo, sortedAfter, sortedOrder, sortedPageOf, sortedValue } from '../../platform/pagination';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { personRecordScope, placesOf } from '../registry/persons.scope';
import { followUpPolicy } from './counselling.policy';

// A counsellor's follow-ups are records about their person, seen by the counsellors who reach
// that person (mhpss); only the assignee completes one.

type Row = typeof mhpssFollowUps.$inferSelect;
type Joined = { f: Row; givenName: string; familyName: string; registrationNumber: string; assignee: string };

export const followUpScope = (w: Pick<Work, 'actor'>): SQL => personRecordScope(w, mhpssFollowUps, 'mhpss');

const select = (w: Work, at: SQL<string> = sql<string>`''`) =>
  w.tx
    .select({
      f: mhpssFollowUps,
      givenName: persons.givenName,
      familyName: persons.familyName,
      registrationNumber: persons.registrationNumber,
      assignee: users.displayName,
      at,
    })
    .from(mhpssFollowUps)
    .innerJoin(
      persons,
      and(eq(persons.missionId, mhpssFollowUps.missionId), eq(persons.id, mhpssFollowUps.personId)),
    )
    .innerJoin(
      users,
      and(eq(users.missionId, mhpssFollowUps.missionId), eq(users.id, mhpssFollowUps.assigneeUserId)),
    );

/** A follow-up the actor may see, or 404; `lock` holds it for completing. */
export async function loadFollowUp(w: Work, id: string, lock = false): Promise<Joined> {
  const where = and(followUpScope(w), eq(mhpssFollowUps.id, id));
  if (lock) await w.tx.select({ id: mhpssFollowUps.id }).from(mhpssFollowUps).where(where).for('update');
  const [row] = await select(w).where(where);
  if (!row) throw notFound('Follow-up');
  return row;
}

/** The follow-up as its policy sees it. */
export const followUpRecord = (w: Pick<Work, 'actor'>, f: Row, reach: readonly string[]) => ({
  reach,
  assignee: f.assigneeUserId === w.actor.userId,
  status: f.status,
});

/** Presents rows, with the reach of their people loaded once. */
export async function presentFollowUps(w: Work, rows: Joined[]): Promise<MhpssFollowUp[]> {
  const places = await placesOf(
    w,
    rows.map((r) => r.f.personId),
  );
  const day = today(w);
  return rows.map(({ f, givenName, familyName, registrationNumber, assignee }) => ({
    id: f.id,
    sessionId: f.sessionId,
    personId: f.personId,
    personName: `${givenName} ${familyName}`,
    registrationNumber,
    assignee: { id: f.assigneeUserId, name: assignee },
    dueOn: f.dueOn,
    urgent: f.urgent,
    reason: f.reason as FollowUpReason,
    status: f.status as MhpssFollowUp['status'],
    overdue: f.status === 'open' && f.dueOn < day,
    doneAt: f.doneAt ? iso(f.doneAt) : null,
    version: f.version,
    allowedActions: allowedActions(
      w.actor,
      followUpPolicy,
      followUpRecord(w, f, places.get(f.personId)?.reach ?? []),
    ),
  }));
}

/** Open before done, then earliest due, urgent before normal on the same day. */
const OPEN_FIRST = sql`(case when ${mhpssFollowUps.status} = 'open' then '0' else '1' end) || ' ' ||
  ${mhpssFollowUps.dueOn}::text || ' ' || (case when ${mhpssFollowUps.urgent} then '0' else '1' end)`;

export async function listFollowUps(w: Work, q: FollowUpListQuery) {
  const where: (SQL | undefined)[] = [followUpScope(w)];
  if (q.mine === 'true') where.push(eq(mhpssFollowUps.assigneeUserId, w.actor.userId));
  if (q.status) where.push(eq(mhpssFollowUps.status, q.status));
  if (q.personId) where.push(eq(mhpssFollowUps.personId, q.personId));
  if (q.urgent) where.push(eq(mhpssFollowUps.urgent, q.urgent === 'true'));
  const k = { column: OPEN_FIRST, id: mhpssFollowUps.id, descending: false };
  const found = await select(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const page = sortedPageOf(found, q.limit, (r) => r.f.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(mhpssFollowUps)
      .where(and(...where))
      .$dynamic(),
  );
  return { items: page.items, nextCursor: page.nextCursor, ...counted };
}
