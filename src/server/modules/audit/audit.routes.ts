import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../../../domain/audit/labels';
import { type AuditSort, auditListQuery, auditPage } from '../../../domain/audit/schemas';
import { auditEvents } from '../../db/schema/index';
import { exportRoute } from '../../platform/export';
import { read, type Work } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { countedSortedPage, type SortedKeyset } from '../../platform/pagination';
import { authorize } from '../../platform/policy';
import { iso } from '../../platform/records';
import { auditPolicy } from './audit.policy';

const nextDay = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000);

/**
 * Sort columns. Time is the chain's sequence: the order events were recorded, which the default
 * (newest first) has always used. A system event (no actor) sorts as an empty name.
 */
const SORTS: Record<AuditSort, SortedKeyset['column']> = {
  at: auditEvents.seq,
  actor: sql`coalesce(${auditEvents.actorUsername}, '')`,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
};

/** One page of the list (the list route and its export both use it). */
async function listAudit(w: Work, query: z.infer<typeof auditListQuery>) {
  const { actor, entityType, entityId, action, from, to } = query;
  const where: (SQL | undefined)[] = [eq(auditEvents.missionId, w.actor.missionId)];
  if (actor) where.push(eq(auditEvents.actorUsername, actor.toLowerCase()));
  if (entityType) where.push(eq(auditEvents.entityType, entityType));
  if (entityId) where.push(eq(auditEvents.entityId, entityId));
  if (action) where.push(eq(auditEvents.action, action));
  if (from) where.push(gte(auditEvents.at, new Date(`${from}T00:00:00Z`)));
  if (to) where.push(lt(auditEvents.at, nextDay(to)));
  const k = { column: SORTS[query.sort ?? 'at'], id: auditEvents.id, descending: query.order === 'desc' };
  const p = await countedSortedPage(w.tx, auditEvents, and(...where), k, query);
  return {
    ...p,
    items: p.items.map((e) => ({
      seq: e.seq,
      id: e.id,
      at: iso(e.at),
      actorId: e.actorId,
      actorUsername: e.actorUsername,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      changedFields: e.changedFields,
      ip: e.ip,
      detail: (e.detail as Record<string, unknown> | null) ?? null,
    })),
  };
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/audit',
    resource: 'audit_event',
    tags: ['audit'],
    query: auditListQuery,
    authorize: (w) => authorize(w.actor, auditPolicy, 'list'),
    page: listAudit,
    columns: [
      { key: 'seq', value: (e) => e.seq },
      { key: 'at', value: (e) => e.at },
      { key: 'actor', value: (e) => e.actorUsername },
      { key: 'action', value: (e) => e.action, labels: AUDIT_ACTION_LABELS },
      { key: 'entityType', value: (e) => e.entityType, labels: AUDIT_ENTITY_LABELS },
      { key: 'entityId', value: (e) => e.entityId },
      { key: 'changedFields', value: (e) => e.changedFields.join(', ') },
      { key: 'ip', value: (e) => e.ip },
      { key: 'detail', value: (e) => (e.detail ? JSON.stringify(e.detail) : null) },
    ],
  });

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: auditListQuery,
        response: { 200: auditPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, auditPolicy, 'list');
        return listAudit(w, req.query);
      }),
  );
};
