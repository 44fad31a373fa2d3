import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  reintegrationItemCreate,
  reintegrationItemUpdate,
  reintegrationPlanInput,
  reintegrationView,
} from '../../../domain/returns/reintegration';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { reintegrationItemPolicy, reintegrationPolicy } from './reintegration.policy';
import { presentReintegration } from './reintegration.presenter';
import { addItem, savePlan, updateItem } from './reintegration.service';
import { loadReturnCase } from './return-cases.queries';

const tags = ['returns'];
const params = z.strictObject({ id: uuid });

export const reintegrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/returns/:id/reintegration-plan',
    {
      schema: {
        tags,
        description:
          "The case's reintegration plan (null before there is one) with its items, the budget per currency (items not cancelled; delivered apart), and what the reader may do (create, update, add_item).",
        params,
        response: { 200: reintegrationView, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, reintegrationPolicy, 'read');
        return presentReintegration(w, await loadReturnCase(w, req.params.id));
      }),
  );

  app.put(
    '/returns/:id/reintegration-plan',
    {
      schema: {
        tags,
        description:
          'Creates the plan (without `version`) once the person has arrived: the case moves arrived → reintegration_planned and one follow-up is scheduled per month of `returns_settings.follow_up_months`, due that long after arrival. With `version`, changes the plan (409 when stale). The partner is any organisation but an embassy or an authority (422 on `partnerOrganisationId`).',
        params,
        body: reintegrationPlanInput,
        response: { 200: reintegrationView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        // a writer somewhere, before the case is looked for (403, not 404, to those who write none)
        authorize(w.actor, reintegrationPolicy, 'create');
        const row = await loadReturnCase(w, req.params.id, { lock: true });
        await savePlan(w, row, req.body);
        return presentReintegration(w, await loadReturnCase(w, row.id));
      }),
  );

  app.post(
    '/returns/:id/reintegration-plan/items',
    {
      schema: {
        tags,
        description:
          'Adds an item to the plan (budget in minor units of the plan’s currency). An item in progress or delivered moves the case reintegration_planned → reintegration_in_progress.',
        params,
        body: reintegrationItemCreate,
        response: { 201: reintegrationView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, reintegrationPolicy, 'add_item');
        const row = await loadReturnCase(w, req.params.id, { lock: true });
        await addItem(w, row, req.body);
        return presentReintegration(w, await loadReturnCase(w, row.id));
      }),
  );

  app.patch(
    '/reintegration-items/:id',
    {
      schema: {
        tags,
        description:
          'Changes an item (with its `version`): status, description, budget, delivery day (needed when delivered). Started items move the case to reintegration_in_progress. Answers with the whole reintegration of the case.',
        params,
        body: reintegrationItemUpdate,
        response: { 200: reintegrationView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, reintegrationItemPolicy, 'update');
        const row = await updateItem(w, req.params.id, req.body);
        return presentReintegration(w, await loadReturnCase(w, row.id));
      }),
  );
};
