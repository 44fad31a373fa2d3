import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  inTransitList,
  transfer,
  transferCreate,
  transferListQuery,
  transferPage,
  transferReceive,
} from '../../../domain/supplies/transfers';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { transferPolicy } from './stock.policy';
import { presentTransfers, transferRecord } from './transfers.presenter';
import { inTransit, listTransfers, loadTransfer } from './transfers.queries';
import { dispatchTransfer, receiveTransfer } from './transfers.service';

const params = z.strictObject({ id: uuid });
const tags = ['supplies'];

const presentOne = async (w: Work, id: string) => {
  const [one] = await presentTransfers(w, [await loadTransfer(w, id)]);
  return one as z.infer<typeof transfer>;
};

export const stockTransferRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stock-transfers',
    {
      schema: {
        tags,
        description: 'Transfers from or to the stock points where the reader reads stock, newest first.',
        querystring: transferListQuery,
        response: { 200: transferPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, transferPolicy, 'list');
        return listTransfers(w, req.query);
      }),
  );

  app.get(
    '/stock-transfers/in-transit',
    {
      schema: {
        tags,
        description: 'Stock dispatched and not yet received (at neither point), per transfer line.',
        response: { 200: inTransitList, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, transferPolicy, 'list');
        return inTransit(w);
      }),
  );

  app.get(
    '/stock-transfers/:id',
    { schema: { tags, params, response: { 200: transfer, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        const row = await loadTransfer(w, req.params.id);
        authorize(w.actor, transferPolicy, 'read', transferRecord({ ...row, status: row.t.status }));
        const [one] = await presentTransfers(w, [row]);
        return one as z.infer<typeof transfer>;
      }),
  );

  app.post(
    '/stock-transfers',
    {
      schema: {
        tags,
        description:
          'Dispatches stock: the lines leave the source now (lots chosen first-expiry-first-out when not given) and are in transit until received.',
        body: transferCreate,
        response: { 201: transfer, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, transferPolicy, 'create'); // may write stock somewhere at all?
        return presentOne(w, await dispatchTransfer(w, req.body));
      }),
  );

  app.post(
    '/stock-transfers/:id/receive',
    {
      schema: {
        tags,
        description:
          'Receives every line of a transfer at its destination; what did not arrive is recorded there as a loss with its reason.',
        params,
        body: transferReceive,
        response: { 200: transfer, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await receiveTransfer(w, await loadTransfer(w, req.params.id), req.body);
        return presentOne(w, req.params.id);
      }),
  );
};
