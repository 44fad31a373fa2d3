import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ITEM_CATEGORY_LABELS } from '../../../domain/supplies/labels';
import { fefoProposal, fefoQuery, stockPage, stockQuery } from '../../../domain/supplies/movements';
import { today } from '../../platform/dates';
import { exportRoute } from '../../platform/export';
import { read } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { itemOf, proposeLots } from './lots.service';
import { stockPolicy } from './stock.policy';
import { listStock } from './stock.queries';
import { loadStockPoint } from './stock-points.queries';

// What is on hand (per point, item and lot), its export, and the first-expiry-first-out proposal.

const tags = ['supplies'];

export const stockRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/stock',
    resource: 'stock',
    tags,
    query: stockQuery,
    authorize: (w) => authorize(w.actor, stockPolicy, 'list'),
    page: listStock,
    columns: [
      { key: 'stockPoint', value: (s) => s.stockPointName },
      { key: 'itemCode', value: (s) => s.itemCode },
      { key: 'itemName', value: (s) => s.itemName },
      { key: 'category', value: (s) => s.category, labels: ITEM_CATEGORY_LABELS },
      { key: 'lotNumber', value: (s) => s.lotNumber },
      { key: 'expiryOn', value: (s) => s.expiryOn },
      { key: 'expired', value: (s) => s.expired },
      { key: 'blocked', value: (s) => s.blocked },
      { key: 'project', value: (s) => s.projectCode },
      { key: 'onHand', value: (s) => s.onHand },
    ],
  });

  app.get(
    '/stock',
    {
      schema: {
        tags,
        description:
          'On hand per point, item and lot at the points one reads stock at; `expired` and `blocked` (not to be issued) as of today.',
        querystring: stockQuery,
        response: { 200: stockPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, stockPolicy, 'list');
        return listStock(w, req.query);
      }),
  );

  app.get(
    '/stock/proposal',
    {
      schema: {
        tags,
        description:
          'First expiry, first out: the usable lots to issue a quantity from (never expired or blocked ones), and what they cannot cover.',
        querystring: fefoQuery,
        response: { 200: fefoProposal, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, stockPolicy, 'list');
        const { stockPointId, itemId, quantity, on } = req.query;
        const point = await loadStockPoint(w, stockPointId, undefined, { stock: true });
        authorize(w.actor, stockPolicy, 'read', point);
        const item = await itemOf(w, itemId, 'itemId');
        return proposeLots(w, point.id, item, quantity, on ?? today(w));
      }),
  );
};
