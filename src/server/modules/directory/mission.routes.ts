import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mission, missionUpdate } from '../../../domain/directory/schemas';
import { missions } from '../../db/schema/index';
import { forgetAllSessions } from '../../platform/auth/session-cache';
import { notFound, staleVersion } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { allowedActions, authorize } from '../../platform/policy';
import { changedFields } from '../../platform/records';
import { missionPolicy } from './mission.policy';

type Row = typeof missions.$inferSelect;
const present = (w: Work, r: Row) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  countryCode: r.countryCode,
  referralOverdueDays: r.referralOverdueDays,
  idempotencyKeyHours: r.idempotencyKeyHours,
  duplicateThreshold: r.duplicateThreshold,
  version: r.version,
  allowedActions: allowedActions(w.actor, missionPolicy, r),
});

async function load(w: Work): Promise<Row> {
  const [row] = await w.tx.select().from(missions).where(eq(missions.id, w.actor.missionId));
  if (!row) throw notFound('Mission');
  return row;
}

const tags = ['directory'];

/** The signed-in user's own mission (`/missions` for several belongs to a later installation-admin role). */
export const missionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/mission', { schema: { tags, response: { 200: mission, ...errorResponses } } }, (req) =>
    read(req, async (w) => {
      authorize(w.actor, missionPolicy, 'read');
      return present(w, await load(w));
    }),
  );
  app.patch(
    '/mission',
    { schema: { tags, body: missionUpdate, response: { 200: mission, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, missionPolicy, 'update');
        const before = await load(w);
        const { version, ...patch } = req.body;
        const [row] = await w.tx
          .update(missions)
          .set({
            ...patch,
            version: sql`${missions.version} + 1`,
            updatedAt: w.now,
            updatedBy: w.actor.userId,
          })
          .where(and(eq(missions.id, before.id), eq(missions.version, version)))
          .returning();
        if (!row) throw staleVersion();
        await w.audit({
          action: 'update',
          entityType: 'mission',
          entityId: row.id,
          changedFields: changedFields(before, patch),
        });
        forgetAllSessions(w.ctx.database); // every session shows the mission's name
        return present(w, row);
      }),
  );
};
