import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countryName } from '../../../domain/common/countries';
import { uuid } from '../../../domain/common/schemas';
import { ORGANISATION_KIND_LABELS } from '../../../domain/directory/labels';
import {
  type OrganisationSort,
  organisation,
  organisationCreate,
  organisationListQuery,
  organisationPage,
  organisationUpdate,
} from '../../../domain/directory/schemas';
import { organisations } from '../../db/schema/index';
import { exportRoute } from '../../platform/export';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { countedSortedPage, type SortedKeyset } from '../../platform/pagination';
import { allowedActions, authorize } from '../../platform/policy';
import { changedFields, created, iso, likePattern, updateVersioned } from '../../platform/records';
import { organisationPolicy } from './organisations.policy';
import { loadOrganisation } from './organisations.queries';
import { activeChange } from './shared';

type Row = typeof organisations.$inferSelect;

export const presentOrganisation = (w: Pick<Work, 'actor'>, r: Row) => ({
  id: r.id,
  name: r.name,
  nameAr: r.nameAr ?? undefined,
  nameFr: r.nameFr ?? undefined,
  acronym: r.acronym ?? undefined,
  kind: r.kind as z.infer<typeof organisation>['kind'],
  countryCode: r.countryCode ?? undefined,
  active: r.active,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  allowedActions: allowedActions(w.actor, organisationPolicy, r),
});

/** Sort columns (a missing acronym sorts as empty, so keyset pages stay total). */
const SORTS: Record<OrganisationSort, SortedKeyset['column']> = {
  name: organisations.name,
  acronym: sql`coalesce(${organisations.acronym}, '')`,
  kind: organisations.kind,
};
const params = z.strictObject({ id: uuid });
const tags = ['directory'];

/** One page of the list (the list route and its export both use it). */
async function listOrganisations(w: Work, query: z.infer<typeof organisationListQuery>) {
  const { q, kind, active } = query;
  const where: (SQL | undefined)[] = [eq(organisations.missionId, w.actor.missionId)];
  if (q) {
    const p = likePattern(q);
    where.push(
      or(
        ilike(organisations.name, p),
        ilike(organisations.nameAr, p),
        ilike(organisations.nameFr, p),
        ilike(organisations.acronym, p),
      ),
    );
  }
  if (kind) where.push(eq(organisations.kind, kind));
  if (active) where.push(eq(organisations.active, active === 'true'));
  const k = { column: SORTS[query.sort ?? 'name'], id: organisations.id, descending: query.order === 'desc' };
  const p = await countedSortedPage(w.tx, organisations, and(...where), k, query);
  return { ...p, items: p.items.map((r) => presentOrganisation(w, r)) };
}

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/organisations',
    resource: 'organisation',
    tags,
    query: organisationListQuery,
    authorize: (w) => authorize(w.actor, organisationPolicy, 'list'),
    page: listOrganisations,
    columns: [
      { key: 'name', value: (o) => o.name },
      { key: 'nameAr', value: (o) => o.nameAr },
      { key: 'acronym', value: (o) => o.acronym },
      { key: 'kind', value: (o) => o.kind, labels: ORGANISATION_KIND_LABELS },
      { key: 'country', value: (o) => o.countryCode, labels: countryName },
      { key: 'active', value: (o) => o.active },
    ],
  });

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        querystring: organisationListQuery,
        response: { 200: organisationPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, organisationPolicy, 'list');
        return listOrganisations(w, req.query);
      }),
  );

  app.get(
    '/organisations/:id',
    { schema: { tags, params, response: { 200: organisation, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, organisationPolicy, 'read');
        return presentOrganisation(w, await loadOrganisation(w, req.params.id));
      }),
  );

  app.post(
    '/organisations',
    { schema: { tags, body: organisationCreate, response: { 201: organisation, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, organisationPolicy, 'create');
        const [row] = await w.tx
          .insert(organisations)
          .values({ ...req.body, id: newId(), ...created(w) })
          .returning();
        if (!row) throw new Error('insert returned nothing');
        await w.audit({
          action: 'create',
          entityType: 'organisation',
          entityId: row.id,
          changedFields: Object.keys(req.body),
        });
        return presentOrganisation(w, row);
      }),
  );

  app.patch(
    '/organisations/:id',
    {
      schema: { tags, params, body: organisationUpdate, response: { 200: organisation, ...errorResponses } },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const before = await loadOrganisation(w, req.params.id);
        const { version, ...patch } = req.body;
        authorize(w.actor, organisationPolicy, activeChange(before.active, patch.active) ?? 'update', before);
        const fields = changedFields(before, patch);
        const row = await updateVersioned(w, organisations, before.id, version, patch);
        await w.audit({
          action: activeChange(before.active, patch.active) ?? 'update',
          entityType: 'organisation',
          entityId: row.id,
          changedFields: fields,
        });
        return presentOrganisation(w, row);
      }),
  );
};
