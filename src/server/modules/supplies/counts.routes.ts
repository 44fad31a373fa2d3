import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  countApprove,
  countCancel,
  countCreate,
  countLinesUpdate,
  countListQuery,
  countPage,
  stockCount,
} from '../../../domain/supplies/counts';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { countRecord, presentCount } from './counts.presenter';
import { listCounts, loadCount } from './counts.queries';
import { approveCount, cancelCount, createCount, updateCountLines } from './counts.service';
import { countPolicy } from './stock.policy';

const params = z.strictObject({ id: uuid });
const tags = ['supplies'];
const answer = { 200: stockCount, ...errorResponses };

const presentOne = async (w: Work, id: string) => presentCount(w, await loadCount(w, id));

export const stockCountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stock-counts',
    {
      schema: { tags, querystring: countListQuery, response: { 200: countPage, ...errorResponses } },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, countPolicy, 'list');
        return listCounts(w, req.query);
      }),
  );

  app.get('/stock-counts/:id', { schema: { tags, params, response: answer } }, (req) =>
    read(req, async (w) => {
      const row = await loadCount(w, req.params.id);
      authorize(w.actor, countPolicy, 'read', countRecord(row));
      return presentCount(w, row);
    }),
  );

  app.post(
    '/stock-counts',
    {
      schema: {
        tags,
        description:
          'Opens a count sheet listing every lot with stock at the point now; a point has one open sheet at a time (409).',
        body: countCreate,
        response: { 201: stockCount, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, countPolicy, 'create'); // may write stock somewhere at all?
        return presentOne(w, await createCount(w, req.body));
      }),
  );

  app.patch(
    '/stock-counts/:id/lines',
    {
      schema: {
        tags,
        description: 'Sets counted quantities (null: not counted); a lot not on the sheet is added.',
        params,
        body: countLinesUpdate,
        response: answer,
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await updateCountLines(w, await loadCount(w, req.params.id), req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.post(
    '/stock-counts/:id/approve',
    {
      schema: {
        tags,
        description:
          'Adjusts each counted lot by counted − on-hand at approval (dated today), with a reason where they differ.',
        params,
        body: countApprove,
        response: answer,
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await approveCount(w, await loadCount(w, req.params.id), req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.post(
    '/stock-counts/:id/cancel',
    { schema: { tags, params, body: countCancel, response: answer } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await cancelCount(w, await loadCount(w, req.params.id), req.body.version);
        return presentOne(w, req.params.id);
      }),
  );
};
