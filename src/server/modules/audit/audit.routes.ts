import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { auditEvent, auditListQuery } from '../../../domain/audit/schemas';
import { page } from '../../../domain/common/schemas';
import { auditEvents } from '../../db/schema/index';
import { badRequest } from '../../platform/errors';
import { exportRoute } from '../../platform/export';
import { read, type Work } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { iso } from '../../platform/records';
import { auditPolicy } from './audit.policy';

const nextDay = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000);

/** One page of the list (the list route and its export both use it). */
async function listAudit(w: Work, query: z.infer<typeof auditListQuery>) {
  const { actor, entityType, entityId, action, from, to, limit, cursor } = query;
  const where: (SQL | undefined)[] = [eq(auditEvents.missionId, w.actor.missionId)];
  if (actor) where.push(eq(auditEvents.actorUsername, actor.toLowerCase()));
  if (entityType) where.push(eq(auditEvents.entityType, entityType));
  if (entityId) where.push(eq(auditEvents.entityId, entityId));
  if (action) where.push(eq(auditEvents.action, action));
  if (from) where.push(gte(auditEvents.at, new Date(`${from}T00:00:00Z`)));
  if (to) where.push(lt(auditEvents.at, nextDay(to)));
  // newest first; the cursor is the last sequence number seen
  if (cursor) {
    if (!/^\d{1,18}$/.test(cursor))
      throw badRequest('The cursor is not valid', [{ path: 'cursor', message: 'Invalid cursor' }]);
    where.push(lt(auditEvents.seq, Number(cursor)));
  }
  const found = await w.tx
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1);
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((e) => ({
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
    nextCursor: found.length > limit && last ? String(last.seq) : null,
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
      { key: 'action', value: (e) => e.action },
      { key: 'entityType', value: (e) => e.entityType },
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
        response: { 200: page(auditEvent), ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, auditPolicy, 'list');
        return listAudit(w, req.query);
      }),
  );
};
