import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkTransfer, bulkTransferResult } from '../../../domain/registry/schemas';
import { write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { transferMany, transferredPeople } from './episodes.service';
import { personPolicy } from './persons.policy';

/** Moving many people at once (a centre emptied, a bus to another centre): one transfer each, all or none. */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/transfers/bulk',
    {
      schema: {
        tags: ['registry'],
        body: bulkTransfer,
        response: { 201: bulkTransferResult, ...errorResponses },
      },
    },
    (req, reply) =>
      write(
        req,
        reply,
        201,
        async (w) => {
          // readers who write no identity anywhere are refused before any person is looked at
          authorize(w.actor, personPolicy, 'create');
          return transferMany(w, req.body);
        },
        // a replayed Idempotency-Key answers the same list, read again in the reader's scope
        { reread: (w) => transferredPeople(w, req.body.personIds) },
      ),
  );
};
