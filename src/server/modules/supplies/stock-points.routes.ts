import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  stockLevel,
  stockLevelList,
  stockLevelSet,
  stockPoint,
  stockPointCreate,
  stockPointListQuery,
  stockPointPage,
  stockPointUpdate,
} from '../../../domain/supplies/catalogue';
import { centres, stockLevels, stockPoints, supplyItems } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { activeChange, changedFields, created, updateVersioned } from '../../platform/records';
import { checkPatched } from './catalogue.checks';
import { itemOf } from './lots.service';
import { stockPointPolicy } from './stock.policy';
import { pointReach } from './stock.scope';
import { listStockPoints, loadStockPoint, presentStockPoint } from './stock-points.queries';

const params = z.strictObject({ id: uuid });
const tags = ['supplies'];
const POINT_FIELDS = ['name', 'nameAr', 'nameFr', 'kind', 'centreId'] as const;

/** The centre a point serves must be one of the mission's, and open. */
async function checkCentre(w: Work, centreId: string | null | undefined) {
  if (!centreId) return;
  const [c] = await w.tx
    .select({ active: centres.active })
    .from(centres)
    .where(and(eq(centres.missionId, w.actor.missionId), eq(centres.id, centreId)));
  if (!c?.active)
    throw unprocessable(c ? 'The centre is closed' : 'The centre does not exist', [
      { path: 'centreId', message: c ? 'Inactive centre' : 'Unknown centre' },
    ]);
}

const levelOut = (r: typeof stockLevels.$inferSelect): z.infer<typeof stockLevel> => ({
  stockPointId: r.stockPointId,
  itemId: r.itemId,
  minimum: r.minimum,
  maximum: r.maximum,
});

export const stockPointRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stock-points',
    {
      schema: {
        tags,
        description: 'Warehouses, centre stores and clinic pharmacies the reader may see.',
        querystring: stockPointListQuery,
        response: { 200: stockPointPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, stockPointPolicy, 'list');
        return listStockPoints(w, req.query);
      }),
  );

  app.get(
    '/stock-points/:id',
    { schema: { tags, params, response: { 200: stockPoint, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        const p = await loadStockPoint(w, req.params.id);
        authorize(w.actor, stockPointPolicy, 'read', p);
        return presentStockPoint(w, p);
      }),
  );

  app.post(
    '/stock-points',
    { schema: { tags, body: stockPointCreate, response: { 201: stockPoint, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, stockPointPolicy, 'create');
        // a centre-scoped stock officer creates points of their centres; a warehouse serving no
        // centre needs a mission-wide assignment
        authorize(w.actor, stockPointPolicy, 'create', {
          reach: pointReach({ centreId: req.body.centreId ?? null }),
        });
        await checkCentre(w, req.body.centreId);
        const id = newId();
        await w.tx.insert(stockPoints).values({ ...req.body, id, ...created(w) });
        await w.audit({
          action: 'create',
          entityType: 'stock_point',
          entityId: id,
          changedFields: Object.keys(req.body),
        });
        return presentStockPoint(w, await loadStockPoint(w, id));
      }),
  );

  app.patch(
    '/stock-points/:id',
    { schema: { tags, params, body: stockPointUpdate, response: { 200: stockPoint, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const before = await loadStockPoint(w, req.params.id);
        authorize(w.actor, stockPointPolicy, 'update', before);
        const { version, ...patch } = req.body;
        checkPatched(stockPointCreate, before, patch, POINT_FIELDS);
        if (patch.centreId !== undefined && patch.centreId !== before.centreId) {
          // moving a point: the writer must hold where it goes as well as where it was
          authorize(w.actor, stockPointPolicy, 'update', { reach: pointReach({ centreId: patch.centreId }) });
          await checkCentre(w, patch.centreId);
        }
        const fields = changedFields(before, patch);
        await updateVersioned(w, stockPoints, before.id, version, patch);
        await w.audit({
          action: activeChange(before.active, patch.active) ?? 'update',
          entityType: 'stock_point',
          entityId: before.id,
          changedFields: fields,
        });
        return presentStockPoint(w, await loadStockPoint(w, before.id));
      }),
  );

  app.get(
    '/stock-points/:id/levels',
    {
      schema: {
        tags,
        description: 'Minimum and maximum stock of each item at this point, in base units.',
        params,
        response: { 200: stockLevelList, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        const p = await loadStockPoint(w, req.params.id);
        authorize(w.actor, stockPointPolicy, 'read', p);
        const rows = await w.tx
          .select({ l: stockLevels })
          .from(stockLevels)
          .innerJoin(
            supplyItems,
            and(eq(supplyItems.missionId, stockLevels.missionId), eq(supplyItems.id, stockLevels.itemId)),
          )
          .where(and(eq(stockLevels.missionId, w.actor.missionId), eq(stockLevels.stockPointId, p.id)))
          .orderBy(asc(supplyItems.code));
        return { items: rows.map((r) => levelOut(r.l)) };
      }),
  );

  app.put(
    '/stock-points/:id/levels',
    {
      schema: {
        tags,
        description: "Sets one item's minimum and maximum at this point (base units).",
        params,
        body: stockLevelSet,
        response: { 200: stockLevel, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const p = await loadStockPoint(w, req.params.id);
        authorize(w.actor, stockPointPolicy, 'set_levels', p);
        const { itemId, minimum, maximum } = req.body;
        await itemOf(w, itemId, 'itemId');
        const key = and(
          eq(stockLevels.missionId, w.actor.missionId),
          eq(stockLevels.stockPointId, p.id),
          eq(stockLevels.itemId, itemId),
        );
        const [before] = await w.tx.select().from(stockLevels).where(key).for('update');
        const [row] = await w.tx
          .insert(stockLevels)
          .values({ stockPointId: p.id, itemId, minimum, maximum, ...created(w) })
          .onConflictDoUpdate({
            target: [stockLevels.missionId, stockLevels.stockPointId, stockLevels.itemId],
            set: {
              minimum,
              maximum,
              updatedAt: w.now,
              updatedBy: w.actor.userId,
              version: sql`${stockLevels.version} + 1`,
            },
          })
          .returning();
        if (!row) throw new Error('upsert returned nothing');
        await w.audit({
          action: before ? 'update' : 'create',
          entityType: 'stock_level',
          entityId: p.id,
          changedFields: before ? changedFields(before, { minimum, maximum }) : ['minimum', 'maximum'],
          detail: { itemId },
        });
        return levelOut(row);
      }),
  );
};
