import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  assignableUser,
  assignableUsersQuery,
  type TaskSort,
  task,
  taskCreate,
  taskListQuery,
  taskPage,
  taskUpdate,
} from '../../../domain/protection/records';
import { TASK_STATUS_LABELS } from '../../../domain/protection/status-labels';
import { persons, referrals, tasks, users } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { notFound, unprocessable } from '../../platform/errors';
import { exportRoute } from '../../platform/export';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { allowedActions, authorize } from '../../platform/policy';
import { created, iso, updateVersioned } from '../../platform/records';
import { loadPerson } from '../registry/persons.queries';
import { type Place, personReach, personScope, placesOf } from '../registry/persons.scope';
import { assignableUsers, checkAssignee } from './assignees';
import { readsProtection, taskPolicy } from './protection.policy';
import { recordScope } from './scope';

type TaskOut = z.infer<typeof task>;

const select = (w: Work, extra: { at?: SQL<string> } = {}) =>
  w.tx
    .select({
      t: tasks,
      assignee: users.username,
      p: persons,
      ref: referrals.reference,
      at: extra.at ?? sql<string>`''`,
    })
    .from(tasks)
    .leftJoin(users, and(eq(users.missionId, tasks.missionId), eq(users.id, tasks.assigneeUserId)))
    // the person only if the reader may see them: a task never carries a name out of scope
    .leftJoin(
      persons,
      and(eq(persons.missionId, tasks.missionId), eq(persons.id, tasks.personId), personScope(w)),
    )
    .leftJoin(referrals, and(eq(referrals.missionId, tasks.missionId), eq(referrals.id, tasks.referralId)));

type Joined = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

const present = (w: Work, { t, assignee, p, ref }: Joined, places: Map<string, Place>): TaskOut => {
  const hidden = !!t.personId && !p;
  return {
    id: t.id,
    title: t.title,
    dueOn: t.dueOn,
    assigneeUserId: t.assigneeUserId,
    assigneeUsername: assignee,
    personId: hidden ? null : t.personId,
    personName: p ? `${p.givenName} ${p.familyName}` : null,
    personHidden: hidden,
    // the referral would lead to the person: hidden with them
    referralId: hidden ? null : t.referralId,
    referralReference: hidden ? null : ref,
    status: t.status as TaskOut['status'],
    overdue: t.status === 'open' && t.dueOn < today(w),
    doneAt: t.doneAt ? iso(t.doneAt) : null,
    version: t.version,
    allowedActions: allowedActions(w.actor, taskPolicy, { ...t, reach: reachIn(places, t.personId) }),
  };
};

const reachIn = (places: Map<string, Place>, personId: string | null) =>
  personId ? (places.get(personId)?.reach ?? []) : undefined;
const personIdsOf = (rows: Joined[]) => rows.flatMap((r) => (r.t.personId ? [r.t.personId] : []));
const presentOne = async (w: Work, row: Joined) => present(w, row, await placesOf(w, personIdsOf([row])));
/** A task about to be set, for the create check. */
const PLANNED = { status: 'open', assigneeUserId: '', createdBy: null };

/**
 * One's own tasks (assigned to or set by the actor) always, wherever the person is; others' tasks
 * about people the actor may see, for those who read protection data.
 */
function visible(w: Work): SQL {
  const mission = eq(tasks.missionId, w.actor.missionId);
  const mine = or(eq(tasks.assigneeUserId, w.actor.userId), eq(tasks.createdBy, w.actor.userId)) as SQL;
  if (!readsProtection(w.actor)) return and(mission, mine) as SQL;
  const theirs = recordScope(w, {
    missionId: tasks.missionId,
    personId: tasks.personId,
    createdByOrganisationId: tasks.createdByOrganisationId,
  });
  return and(mission, or(mine, theirs)) as SQL;
}

async function load(w: Work, id: string) {
  const [row] = await select(w).where(and(visible(w), eq(tasks.id, id)));
  if (!row) throw notFound('Task');
  return row;
}

const params = z.strictObject({ id: uuid });
const tags = ['protection'];

/** The columns the list sorts by; never null (keyset comparison must be total). */
const SORTS: Record<TaskSort, SQL | PgColumn> = {
  title: tasks.title,
  dueOn: tasks.dueOn,
  assignee: sql`coalesce(${users.username}, '')`,
  status: tasks.status,
};
/** Open before done, earliest due first: one text key ('done' and 'open' have the same length). */
const OPEN_FIRST = sql`${tasks.status} || ' ' || ${tasks.dueOn}::text`;

/** One page of the list (the list route and its export both use it), with its scoped total. */
async function listTasks(w: Work, query: z.infer<typeof taskListQuery>) {
  const { mine, status, personId, referralId, limit, cursor } = query;
  const where: (SQL | undefined)[] = [visible(w)];
  if (mine !== 'false') where.push(eq(tasks.assigneeUserId, w.actor.userId));
  if (status) where.push(eq(tasks.status, status));
  if (personId) where.push(eq(tasks.personId, personId));
  if (referralId) where.push(eq(tasks.referralId, referralId));
  const k = chosenKeyset(query, SORTS, tasks.id, { column: OPEN_FIRST, descending: false });
  const found = await select(w, { at: sortedValue(k) })
    .where(and(...where, sortedAfter(k, cursor)))
    .orderBy(...sortedOrder(k))
    .limit(limit + 1);
  const p = sortedPageOf(found, limit, (f) => f.t.id);
  const places = await placesOf(w, personIdsOf(p.items));
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(tasks)
      .where(and(...where))
      .$dynamic(),
  );
  return { items: p.items.map((r) => present(w, r, places)), nextCursor: p.nextCursor, ...counted };
}

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/tasks',
    resource: 'task',
    tags,
    query: taskListQuery,
    authorize: (w) => authorize(w.actor, taskPolicy, 'list'),
    page: listTasks,
    columns: [
      { key: 'title', value: (t) => t.title },
      { key: 'dueOn', value: (t) => t.dueOn },
      { key: 'assignee', value: (t) => t.assigneeUsername },
      { key: 'personName', value: (t) => t.personName },
      { key: 'referral', value: (t) => t.referralReference },
      { key: 'status', value: (t) => t.status, labels: TASK_STATUS_LABELS },
      { key: 'overdue', value: (t) => t.overdue },
    ],
  });

  app.get(
    '/tasks',
    { schema: { tags, querystring: taskListQuery, response: { 200: taskPage, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, taskPolicy, 'list');
        return listTasks(w, req.query);
      }),
  );

  app.get(
    '/tasks/assignable-users',
    {
      schema: {
        tags,
        description: 'Active users who may be given a task about this person (those who may see them).',
        querystring: assignableUsersQuery,
        response: { 200: z.object({ items: z.array(assignableUser) }), ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, taskPolicy, 'create');
        const p = await loadPerson(w, req.query.personId);
        const items = await assignableUsers(w, p.id);
        return { items: items.map(({ id, username, displayName }) => ({ id, username, displayName })) };
      }),
  );

  app.post(
    '/tasks',
    { schema: { tags, body: taskCreate, response: { 201: task, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, taskPolicy, 'create'); // may write somewhere at all?
        const { personId, referralId, assigneeUserId } = req.body;
        let person = personId;
        if (personId) await loadPerson(w, personId);
        if (referralId) {
          const [r] = await w.tx
            .select()
            .from(referrals)
            .where(and(recordScope(w, referrals), eq(referrals.id, referralId)));
          if (!r)
            throw unprocessable('The referral does not exist', [
              { path: 'referralId', message: 'Unknown referral' },
            ]);
          person ??= r.personId;
        }
        authorize(w.actor, taskPolicy, 'create', {
          ...PLANNED,
          reach: person ? await personReach(w, person) : undefined,
        });
        await checkAssignee(w, assigneeUserId, person, 'assigneeUserId');
        const id = newId();
        await w.tx.insert(tasks).values({
          ...req.body,
          personId: person,
          id,
          createdByOrganisationId: w.actor.organisationId,
          ...created(w),
        });
        await w.audit({
          action: 'create',
          entityType: 'task',
          entityId: id,
          changedFields: Object.keys(req.body),
        });
        return presentOne(w, await load(w, id));
      }),
  );

  app.patch(
    '/tasks/:id',
    { schema: { tags, params, body: taskUpdate, response: { 200: task, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const loaded = (await load(w, req.params.id)).t;
        const before = {
          ...loaded,
          reach: loaded.personId ? await personReach(w, loaded.personId) : undefined,
        };
        const { version, status, ...rest } = req.body;
        const action =
          status && status !== before.status ? (status === 'done' ? 'complete' : 'reopen') : 'update';
        authorize(w.actor, taskPolicy, action, before);
        if (rest.assigneeUserId && rest.assigneeUserId !== before.assigneeUserId)
          await checkAssignee(w, rest.assigneeUserId, before.personId, 'assigneeUserId');
        const patch = { ...rest, ...(status ? { status, doneAt: status === 'done' ? w.now : null } : {}) };
        await updateVersioned(w, tasks, before.id, version, patch);
        await w.audit({
          action: 'update',
          entityType: 'task',
          entityId: before.id,
          changedFields: Object.keys(patch),
        });
        return presentOne(w, await load(w, before.id));
      }),
  );
};
