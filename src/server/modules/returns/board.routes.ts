import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { board, boardQuery, figures, figuresQuery } from '../../../domain/returns/board';
import { today } from '../../platform/dates';
import { unprocessable } from '../../platform/errors';
import { read } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { returnsBoardPolicy, returnsFiguresPolicy } from './board.policy';
import { returnsBoard, returnsFigures } from './board.queries';

const tags = ['returns'];

export const returnsBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/returns/board',
    {
      schema: {
        tags,
        description:
          'The pipeline: per state the number of cases and the median days in it, and the open cases longest in their state.',
        querystring: boardQuery,
        response: { 200: board, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, returnsBoardPolicy, 'read');
        return returnsBoard(w, req.query);
      }),
  );

  app.get(
    '/returns/figures',
    {
      schema: {
        tags,
        description:
          'Unique people whose return departed in the period (default: this year) and their destination countries.',
        querystring: figuresQuery,
        response: { 200: figures, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, returnsFiguresPolicy, 'read');
        const year = (req.query.from ?? req.query.to ?? today(w)).slice(0, 4);
        const from = req.query.from ?? `${year}-01-01`;
        const to = req.query.to ?? `${year}-12-31`;
        if (from > to)
          throw unprocessable('The period ends before it starts', [
            { path: 'to', message: 'Before the start' },
          ]);
        return returnsFigures(w, { from, to }, returnsFiguresPolicy.can(w.actor, 'read_exact'));
      }),
  );
};
