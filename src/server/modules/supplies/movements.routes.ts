import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { MOVEMENT_KIND_LABELS, REASON_LABELS } from '../../../domain/supplies/labels';
import {
  issueCreate,
  movement,
  movementListQuery,
  movementPage,
  movementsWritten,
  receiptCreate,
  reversalCreate,
  stockCard,
  stockCardQuery,
} from '../../../domain/supplies/movements';
import { idempotencyKeys, stockMovements } from '../../db/schema/index';
import { exportRoute } from '../../platform/export';
import type { Work } from '../../platform/http';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import type { MovementRow } from './ledger.service';
import { itemOf } from './lots.service';
import { movementRecord, presentMovement, selectMovements } from './movements.presenter';
import { listMovements, loadMovement, stockCardOf } from './movements.queries';
import { issue, receive, reverse } from './movements.service';
import { stockPolicy } from './stock.policy';
import { stockRoutes } from './stock.routes';
import { stockPointScope } from './stock.scope';
import { loadStockPoint } from './stock-points.queries';

// The stock ledger over HTTP: receipts, losses and write-offs, reversals (writes, all through the
// ledger service's post()), the ledger list, one entry, and the stock card. On hand and the FEFO
// proposal are in stock.routes.ts, registered here.

const tags = ['supplies'];
const params = z.strictObject({ id: uuid });

/** The entries just written, as the API shows them, in the order they were posted. */
async function presentWritten(w: Work, rows: MovementRow[]) {
  if (!rows.length) return { items: [] };
  const found = await selectMovements(w).where(
    and(
      eq(stockMovements.missionId, w.actor.missionId),
      inArray(
        stockMovements.id,
        rows.map((r) => r.id),
      ),
    ),
  );
  const byId = new Map(found.map((f) => [f.m.id, f]));
  return { items: rows.map((r) => presentMovement(w, byId.get(r.id)!)) };
}

/** The stock card of a point the reader reads stock at (404 otherwise) and a known item. */
async function cardOf(w: Work, q: z.infer<typeof stockCardQuery>) {
  const point = await loadStockPoint(w, q.stockPointId, undefined, { stock: true });
  authorize(w.actor, stockPolicy, 'read', point);
  await itemOf(w, q.itemId, 'itemId');
  return stockCardOf(w, q);
}

/**
 * A retried receipt or issue (same Idempotency-Key): the entries the first request wrote, read
 * again as the current user. They are known by the key's time, which is the entries' recorded
 * time (both are the first transaction's clock), by the same user, point and reason.
 */
const writtenUnderKey =
  (req: FastifyRequest, body: { stockPointId: string; reason: string }) => async (w: Work) => {
    const key = String(req.headers['idempotency-key']);
    const [k] = await w.tx
      .select({ at: idempotencyKeys.createdAt })
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.missionId, w.actor.missionId),
          eq(idempotencyKeys.userId, w.actor.userId),
          eq(idempotencyKeys.key, key),
        ),
      );
    if (!k) return { items: [] };
    const found = await selectMovements(w)
      .where(
        and(
          eq(stockMovements.missionId, w.actor.missionId),
          eq(stockMovements.recordedBy, w.actor.userId),
          eq(stockMovements.recordedAt, k.at),
          eq(stockMovements.stockPointId, body.stockPointId),
          eq(stockMovements.reason, body.reason),
          stockPointScope(w),
        ),
      )
      .orderBy(stockMovements.id);
    return { items: found.map((r) => presentMovement(w, r)) };
  };

export const movementRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(stockRoutes);

  app.post(
    '/stock-movements/receipts',
    {
      schema: {
        tags,
        description:
          'Stock received at a point (donation, purchase, return): one entry per line, each in its lot.',
        body: receiptCreate,
        response: { 201: movementsWritten, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => presentWritten(w, await receive(w, req.body)), {
        reread: writtenUnderKey(req, req.body),
      }),
  );

  app.post(
    '/stock-movements/issues',
    {
      schema: {
        tags,
        description:
          'Losses and expiry write-offs: from the lot named, or the lots that expire first. Refused (422) if any balance, on any date from the entry on, would go below zero.',
        body: issueCreate,
        response: { 201: movementsWritten, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => presentWritten(w, await issue(w, req.body)), {
        reread: writtenUnderKey(req, req.body),
      }),
  );

  app.post(
    '/stock-movements/:id/reverse',
    {
      schema: {
        tags,
        description:
          'Reverses a receipt, loss, write-off or count adjustment: the opposite quantity on the same date. Once per entry (409).',
        params,
        body: reversalCreate,
        response: { 201: movement, ...errorResponses },
      },
    },
    (req, reply) =>
      write(
        req,
        reply,
        201,
        async (w) => {
          const rev = await reverse(w, req.params.id, req.body.reasonText);
          return presentMovement(w, await loadMovement(w, rev.id));
        },
        // a replay answers with the entry's reversal, read again as the current user
        {
          reread: async (w) => {
            const original = await loadMovement(w, req.params.id);
            return presentMovement(w, await loadMovement(w, original.reversedById ?? req.params.id));
          },
        },
      ),
  );

  app.get(
    '/stock-movements',
    {
      schema: {
        tags,
        description: 'The ledger at the points one reads stock at, newest first.',
        querystring: movementListQuery,
        response: { 200: movementPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, stockPolicy, 'list');
        return listMovements(w, req.query);
      }),
  );

  exportRoute(app, {
    path: '/stock-movements/card',
    resource: 'stock_movement',
    tags,
    query: stockCardQuery,
    authorize: (w) => authorize(w.actor, stockPolicy, 'list'),
    page: cardOf,
    columns: [
      { key: 'occurredOn', value: (m) => m.occurredOn },
      { key: 'movementKind', value: (m) => m.kind, labels: MOVEMENT_KIND_LABELS },
      { key: 'reason', value: (m) => m.reason, labels: REASON_LABELS },
      { key: 'lotNumber', value: (m) => m.lotNumber },
      { key: 'expiryOn', value: (m) => m.expiryOn },
      { key: 'quantity', value: (m) => m.quantity },
      { key: 'balance', value: (m) => m.balance },
      { key: 'documentNumber', value: (m) => m.documentNumber },
      { key: 'recordedBy', value: (m) => m.recordedBy },
    ],
  });

  app.get(
    '/stock-movements/card',
    {
      schema: {
        tags,
        description:
          "The stock card: one item's ledger at one point, oldest first, with each lot's running balance.",
        querystring: stockCardQuery,
        response: { 200: stockCard, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, stockPolicy, 'list');
        return cardOf(w, req.query);
      }),
  );

  app.get(
    '/stock-movements/:id',
    { schema: { tags, params, response: { 200: movement, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        const row = await loadMovement(w, req.params.id);
        authorize(w.actor, stockPolicy, 'read', movementRecord(row));
        return presentMovement(w, row);
      }),
  );
};
