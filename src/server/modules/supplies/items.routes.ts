import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { item, itemCreate, itemListQuery, itemPage, itemUpdate } from '../../../domain/supplies/catalogue';
import { ITEM_CATEGORY_LABELS, MEDICINE_FORM_LABELS, UNIT_LABELS } from '../../../domain/supplies/labels';
import { supplyItems } from '../../db/schema/index';
import { exportRoute } from '../../platform/export';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { activeChange, changedFields, created, updateVersioned } from '../../platform/records';
import { checkPatched } from './catalogue.checks';
import { presentItem } from './items.presenter';
import { listItems, loadItem } from './items.queries';
import { cataloguePolicy } from './stock.policy';

const params = z.strictObject({ id: uuid });
const tags = ['supplies'];
/** The fields the create schema checks together (a medicine's, or none for other items). */
const ITEM_FIELDS = [
  'code',
  'name',
  'nameAr',
  'nameFr',
  'category',
  'baseUnit',
  'packSize',
  'activeIngredient',
  'strength',
  'form',
  'atcCode',
] as const;

export const itemRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/items',
    resource: 'supply_item',
    tags,
    query: itemListQuery,
    authorize: (w) => authorize(w.actor, cataloguePolicy, 'list'),
    page: listItems,
    columns: [
      { key: 'code', value: (i) => i.code },
      { key: 'name', value: (i) => i.name },
      { key: 'nameAr', value: (i) => i.nameAr },
      { key: 'nameFr', value: (i) => i.nameFr },
      { key: 'category', value: (i) => i.category, labels: ITEM_CATEGORY_LABELS },
      { key: 'baseUnit', value: (i) => i.baseUnit, labels: UNIT_LABELS },
      { key: 'packSize', value: (i) => i.packSize },
      { key: 'activeIngredient', value: (i) => i.activeIngredient },
      { key: 'strength', value: (i) => i.strength },
      { key: 'form', value: (i) => i.form, labels: MEDICINE_FORM_LABELS },
      { key: 'atcCode', value: (i) => i.atcCode },
      { key: 'active', value: (i) => i.active },
    ],
  });

  app.get(
    '/items',
    {
      schema: {
        tags,
        description: 'The catalogue; `q` matches the code or a name in any language.',
        querystring: itemListQuery,
        response: { 200: itemPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, cataloguePolicy, 'list');
        return listItems(w, req.query);
      }),
  );

  app.get('/items/:id', { schema: { tags, params, response: { 200: item, ...errorResponses } } }, (req) =>
    read(req, async (w) => {
      authorize(w.actor, cataloguePolicy, 'read');
      return presentItem(w, await loadItem(w, req.params.id));
    }),
  );

  app.post(
    '/items',
    { schema: { tags, body: itemCreate, response: { 201: item, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, cataloguePolicy, 'create');
        const [row] = await w.tx
          .insert(supplyItems)
          .values({ ...req.body, id: newId(), ...created(w) })
          .returning();
        if (!row) throw new Error('insert returned nothing');
        await w.audit({
          action: 'create',
          entityType: 'supply_item',
          entityId: row.id,
          changedFields: Object.keys(req.body),
        });
        return presentItem(w, row);
      }),
  );

  app.patch(
    '/items/:id',
    { schema: { tags, params, body: itemUpdate, response: { 200: item, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, cataloguePolicy, 'update');
        const before = await loadItem(w, req.params.id);
        const { version, ...patch } = req.body;
        checkPatched(itemCreate, before, patch, ITEM_FIELDS);
        const fields = changedFields(before, patch);
        const row = await updateVersioned(w, supplyItems, before.id, version, patch);
        await w.audit({
          action: activeChange(before.active, patch.active) ?? 'update',
          entityType: 'supply_item',
          entityId: row.id,
          changedFields: fields,
        });
        return presentItem(w, row);
      }),
  );
};
