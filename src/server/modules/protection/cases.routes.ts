import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { FLAG_LABELS, RISK_LEVEL_LABELS } from '../../../domain/protection/flags';
import {
  type CaseSort,
  caseListQuery,
  casePage,
  caseUpdate,
  protectionCase,
} from '../../../domain/protection/records';
import { CASE_STATUS_LABELS } from '../../../domain/protection/status-labels';
import { cases, organisations, persons, users } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { HttpProblem, notFound, unprocessable } from '../../platform/errors';
import { exportRoute } from '../../platform/export';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { allowedActions, authorize, type Reach } from '../../platform/policy';
import { updateVersioned } from '../../platform/records';
import { personReach, placesOf } from '../registry/persons.scope';
import { checkAssignee } from './assignees';
import { caseScope } from './cases.queries';
import { type LatestScreening, latestRiskRank, latestScreenings, NO_SCREENING } from './latest-screening';
import { casePolicy } from './protection.policy';
import { auditListRead, auditRead } from './read-audit';

const select = (w: Work, extra: { at?: SQL<string> } = {}) =>
  w.tx
    .select({
      c: cases,
      p: persons,
      assignee: users.username,
      assigneeName: users.displayName,
      org: organisations.name,
      at: extra.at ?? sql<string>`''`,
    })
    .from(cases)
    .innerJoin(persons, and(eq(persons.missionId, cases.missionId), eq(persons.id, cases.personId)))
    .innerJoin(
      organisations,
      and(eq(organisations.missionId, cases.missionId), eq(organisations.id, cases.organisationId)),
    )
    .leftJoin(users, and(eq(users.missionId, cases.missionId), eq(users.id, cases.assignedUserId)));

type Joined = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

const present = (
  w: Work,
  { c, p, assignee, assigneeName, org }: Joined,
  reach: Reach,
  latest: LatestScreening,
) => ({
  id: c.id,
  personId: c.personId,
  personName: `${p.givenName} ${p.familyName}`,
  registrationNumber: p.registrationNumber,
  status: c.status as z.infer<typeof protectionCase>['status'],
  assignedUserId: c.assignedUserId,
  assignedUsername: assignee,
  assignedName: assigneeName,
  organisationId: c.organisationId,
  organisationName: org,
  openedOn: c.openedOn,
  closedOn: c.closedOn,
  closeReason: c.closeReason,
  riskLevel: latest.riskLevel,
  flags: latest.flags,
  version: c.version,
  allowedActions: allowedActions(w.actor, casePolicy, { ...c, reach }),
});

const scoped = caseScope;

async function load(w: Work, id: string) {
  const [row] = await select(w).where(and(scoped(w), eq(cases.id, id)));
  if (!row) throw notFound('Case');
  return row;
}

const latestOf = async (w: Work, personId: string) =>
  (await latestScreenings(w, [personId])).get(personId) ?? NO_SCREENING;

const params = z.strictObject({ id: uuid });
const tags = ['protection'];

/** The columns the list sorts by; never null (keyset comparison must be total). */
const SORTS: Record<CaseSort, SQL | PgColumn> = {
  person: persons.familyName,
  status: cases.status,
  assignee: sql`coalesce(${users.displayName}, '')`,
  organisation: organisations.name,
  openedOn: cases.openedOn,
  risk: latestRiskRank(cases.missionId, cases.personId),
};

/** One page of the list (the list route and its export both use it), with its scoped total. */
async function listCases(w: Work, query: z.infer<typeof caseListQuery>) {
  const { status, assignedTo, personId, limit, cursor } = query;
  const where: (SQL | undefined)[] = [scoped(w)];
  if (status) where.push(eq(cases.status, status));
  if (assignedTo) where.push(eq(cases.assignedUserId, assignedTo === 'me' ? w.actor.userId : assignedTo));
  if (personId) where.push(eq(cases.personId, personId));
  const k = chosenKeyset(query, SORTS, cases.id, { column: cases.openedOn, descending: true });
  const found = await select(w, { at: sortedValue(k) })
    .where(and(...where, sortedAfter(k, cursor)))
    .orderBy(...sortedOrder(k))
    .limit(limit + 1);
  const p = sortedPageOf(found, limit, (f) => f.c.id);
  const ids = p.items.map((r) => r.c.personId);
  const [places, latest] = [await placesOf(w, ids), await latestScreenings(w, ids)];
  const items = p.items.map((r) =>
    present(w, r, places.get(r.c.personId)?.reach ?? [], latest.get(r.c.personId) ?? NO_SCREENING),
  );
  await auditListRead(
    w,
    'case',
    items.map((i) => i.id),
  );
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(cases)
      .innerJoin(persons, and(eq(persons.missionId, cases.missionId), eq(persons.id, cases.personId)))
      .where(and(...where))
      .$dynamic(),
  );
  return { items, nextCursor: p.nextCursor, ...counted };
}

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/cases',
    resource: 'case',
    tags,
    query: caseListQuery,
    authorize: (w) => authorize(w.actor, casePolicy, 'list'),
    page: listCases,
    columns: [
      { key: 'registrationNumber', value: (c) => c.registrationNumber },
      { key: 'personName', value: (c) => c.personName },
      { key: 'status', value: (c) => c.status, labels: CASE_STATUS_LABELS },
      { key: 'assignee', value: (c) => c.assignedUsername },
      { key: 'organisation', value: (c) => c.organisationName },
      { key: 'openedOn', value: (c) => c.openedOn },
      { key: 'closedOn', value: (c) => c.closedOn },
      { key: 'riskLevel', value: (c) => c.riskLevel, labels: RISK_LEVEL_LABELS },
      { key: 'flags', value: (c) => c.flags, labels: FLAG_LABELS },
    ],
  });

  app.get(
    '/cases',
    {
      schema: {
        tags,
        querystring: caseListQuery,
        response: { 200: casePage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, casePolicy, 'list');
        return listCases(w, req.query);
      }),
  );

  app.get(
    '/cases/:id',
    { schema: { tags, params, response: { 200: protectionCase, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, casePolicy, 'read');
        const row = await load(w, req.params.id);
        await auditRead(w, 'case', row.c.id, row.c.personId);
        return present(w, row, await personReach(w, row.c.personId), await latestOf(w, row.c.personId));
      }),
  );

  app.patch(
    '/cases/:id',
    { schema: { tags, params, body: caseUpdate, response: { 200: protectionCase, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const loaded = await load(w, req.params.id);
        const before = { ...loaded.c, reach: await personReach(w, loaded.c.personId) };
        const { version, status, closeReason, assignedUserId, organisationId } = req.body;
        const patch: Partial<typeof cases.$inferInsert> = {};
        if (status && status !== before.status) {
          const action = status === 'closed' ? 'close' : status === 'on_hold' ? 'hold' : 'reopen';
          authorize(w.actor, casePolicy, action, before);
          if (status === 'closed' && !closeReason)
            throw unprocessable('Say why the case is closed', [
              { path: 'closeReason', message: 'Required to close' },
            ]);
          Object.assign(patch, {
            status,
            closedOn: status === 'closed' ? today(w) : null,
            closeReason: status === 'closed' ? closeReason : null,
          });
        }
        if (assignedUserId !== undefined && assignedUserId !== before.assignedUserId) {
          authorize(w.actor, casePolicy, 'assign', before);
          // as for tasks: the caseworker given the case must be able to see the person
          if (assignedUserId) await checkAssignee(w, assignedUserId, before.personId, 'assignedUserId');
          patch.assignedUserId = assignedUserId;
        }
        if (organisationId && organisationId !== before.organisationId) {
          authorize(w.actor, casePolicy, 'hand_over', before);
          const [org] = await w.tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, organisationId)));
          if (!org)
            throw unprocessable('That organisation does not exist', [
              { path: 'organisationId', message: 'Unknown organisation' },
            ]);
          patch.organisationId = organisationId;
        }
        if (Object.keys(patch).length === 0)
          throw new HttpProblem(422, 'Unprocessable Content', 'Nothing to change', { code: 'no_change' });
        await updateVersioned(w, cases, before.id, version, patch);
        await w.audit({
          action: status === 'closed' ? 'close' : 'update',
          entityType: 'case',
          entityId: before.id,
          changedFields: Object.keys(patch),
        });
        return present(w, await load(w, before.id), before.reach, await latestOf(w, before.personId));
      }),
  );
};
