import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { CENTRE_TYPE_LABELS } from '../../../domain/directory/labels';
import {
  type CentreSort,
  centre,
  centreCreate,
  centreListQuery,
  centrePage,
  centreUpdate,
} from '../../../domain/directory/schemas';
import { centres } from '../../db/schema/index';
import { notFound, unprocessable } from '../../platform/errors';
import { exportRoute } from '../../platform/export';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { countedSortedPage, type SortedKeyset } from '../../platform/pagination';
import { allowedActions, authorize } from '../../platform/policy';
import { changedFields, created, iso, likePattern, updateVersioned } from '../../platform/records';
import { centrePolicy } from './centres.policy';
import { centreScope } from './centres.scope';
import { loadOrganisation } from './organisations.queries';
import { activeChange } from './shared';

type Row = typeof centres.$inferSelect;

const present = (w: Pick<Work, 'actor'>, r: Row) => ({
  id: r.id,
  name: r.name,
  nameAr: r.nameAr ?? undefined,
  nameFr: r.nameFr ?? undefined,
  type: r.type as z.infer<typeof centre>['type'],
  location: r.location ?? undefined,
  latitude: r.latitude ?? undefined,
  longitude: r.longitude ?? undefined,
  capacity: r.capacity,
  authorityOrganisationId: r.authorityOrganisationId ?? undefined,
  active: r.active,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  allowedActions: allowedActions(w.actor, centrePolicy, r),
});

async function load(w: Work, id: string): Promise<Row> {
  const [row] = await w.tx
    .select()
    .from(centres)
    .where(and(centreScope(w), eq(centres.id, id)));
  if (!row) throw notFound('Centre');
  return row;
}

async function checkAuthority(w: Work, id: string | null | undefined) {
  if (!id) return;
  const org = await loadOrganisation(w, id).catch(() => null);
  if (!org)
    throw unprocessable('The detaining authority does not exist', [
      { path: 'authorityOrganisationId', message: 'Unknown organisation' },
    ]);
}

/** Sort columns (a missing location sorts as empty, so keyset pages stay total). */
const SORTS: Record<CentreSort, SortedKeyset['column']> = {
  name: centres.name,
  type: centres.type,
  location: sql`coalesce(${centres.location}, '')`,
  capacity: centres.capacity,
};
const params = z.strictObject({ id: uuid });
const tags = ['directory'];

/** One page of the list (the list route and its export both use it). */
async function listCentres(w: Work, query: z.infer<typeof centreListQuery>) {
  const { q, type, active } = query;
  const where: (SQL | undefined)[] = [centreScope(w)];
  if (q) {
    const p = likePattern(q);
    where.push(
      or(
        ilike(centres.name, p),
        ilike(centres.nameAr, p),
        ilike(centres.nameFr, p),
        ilike(centres.location, p),
      ),
    );
  }
  if (type) where.push(eq(centres.type, type));
  if (active) where.push(eq(centres.active, active === 'true'));
  const k = { column: SORTS[query.sort ?? 'name'], id: centres.id, descending: query.order === 'desc' };
  const p = await countedSortedPage(w.tx, centres, and(...where), k, query);
  return { ...p, items: p.items.map((r) => present(w, r)) };
}

export const centreRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/centres',
    resource: 'centre',
    tags,
    query: centreListQuery,
    authorize: (w) => authorize(w.actor, centrePolicy, 'list'),
    page: listCentres,
    columns: [
      { key: 'name', value: (c) => c.name },
      { key: 'nameAr', value: (c) => c.nameAr },
      { key: 'type', value: (c) => c.type, labels: CENTRE_TYPE_LABELS },
      { key: 'location', value: (c) => c.location },
      { key: 'capacity', value: (c) => c.capacity },
      { key: 'active', value: (c) => c.active },
    ],
  });

  app.get(
    '/centres',
    { schema: { tags, querystring: centreListQuery, response: { 200: centrePage, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, centrePolicy, 'list');
        return listCentres(w, req.query);
      }),
  );

  app.get('/centres/:id', { schema: { tags, params, response: { 200: centre, ...errorResponses } } }, (req) =>
    read(req, async (w) => {
      const row = await load(w, req.params.id);
      authorize(w.actor, centrePolicy, 'read', row);
      return present(w, row);
    }),
  );

  app.post(
    '/centres',
    { schema: { tags, body: centreCreate, response: { 201: centre, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, centrePolicy, 'create');
        await checkAuthority(w, req.body.authorityOrganisationId);
        const [row] = await w.tx
          .insert(centres)
          .values({ ...req.body, id: newId(), ...created(w) })
          .returning();
        if (!row) throw new Error('insert returned nothing');
        await w.audit({
          action: 'create',
          entityType: 'centre',
          entityId: row.id,
          changedFields: Object.keys(req.body),
        });
        return present(w, row);
      }),
  );

  app.patch(
    '/centres/:id',
    { schema: { tags, params, body: centreUpdate, response: { 200: centre, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const before = await load(w, req.params.id);
        const { version, ...patch } = req.body;
        const action = activeChange(before.active, patch.active) ?? 'update';
        authorize(w.actor, centrePolicy, action, before);
        await checkAuthority(w, patch.authorityOrganisationId);
        const fields = changedFields(before, patch);
        const row = await updateVersioned(w, centres, before.id, version, patch);
        await w.audit({ action, entityType: 'centre', entityId: row.id, changedFields: fields });
        return present(w, row);
      }),
  );
};
